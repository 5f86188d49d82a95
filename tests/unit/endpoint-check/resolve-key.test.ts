import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { resolveAccessKey } from '../../../functions/endpoint-check/resolve-key';

const secrets = mockClient(SecretsManagerClient);
const client = new SecretsManagerClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:o2-key-AbCdEf';
const SECRET = 'Rr8-RESOLVE-KEY-DISTINCTIVE';
const resolve = () => resolveAccessKey({ source: 'secret', arn: ARN }, { secretsManager: client }, 1000);

beforeEach(() => secrets.reset());

describe('resolveAccessKey', () => {
  test('returns a key given as a value as it is, without calling AWS', async () => {
    expect(await resolveAccessKey({ source: 'value', value: 'abc=' }, {}, 1000)).toEqual({ ok: true, value: 'abc=' });
  });

  test('reads api_key from the secret JSON', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: JSON.stringify({ api_key: SECRET }) });

    expect(await resolve()).toEqual({ ok: true, value: SECRET });
  });

  test.each([
    ['not JSON', { SecretString: SECRET }, /is not JSON with a string "api_key" field/],
    ['JSON without api_key', { SecretString: JSON.stringify({ key: SECRET }) }, /is not JSON with a string "api_key" field/],
    ['binary', { SecretBinary: new Uint8Array([1]) }, /holds binary data/],
  ])('fails a secret that is %s, without repeating its content', async (_name, answer, message) => {
    secrets.on(GetSecretValueCommand).resolves(answer);

    const result = await resolve();

    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(message) });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  test.each([
    ['ResourceNotFoundException', /does not exist; check the ARN and the region/],
    ['AccessDeniedException', /allow secretsmanager:GetSecretValue/],
  ])('explains %s', async (name, message) => {
    secrets.on(GetSecretValueCommand).rejects(Object.assign(new Error(`x ${SECRET}`), { name }));

    const result = await resolve();

    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(message) });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });
});
