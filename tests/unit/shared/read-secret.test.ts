import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { readSecretString } from '../../../functions/shared/read-secret';

const secrets = mockClient(SecretsManagerClient);
const client = new SecretsManagerClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:o2-shared-AbCdEf';
const SECRET = 'Rr8-READ-SECRET-DISTINCTIVE';

beforeEach(() => secrets.reset());

describe('readSecretString', () => {
  test('returns the secret string of the secret named by its ARN', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: SECRET });

    const result = await readSecretString(client, ARN);

    expect(result).toEqual({ ok: true, text: SECRET });
  });

  test('returns no text for a binary secret', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1]) });

    const result = await readSecretString(client, ARN);

    expect(result).toEqual({ ok: true, text: undefined });
  });

  test('turns an AWS error into its class name only, never its message', async () => {
    secrets.on(GetSecretValueCommand).rejects(Object.assign(new Error(`denied for ${SECRET}`), { name: 'AccessDeniedException' }));

    const result = await readSecretString(client, ARN);

    expect(result).toEqual({ ok: false, errorName: 'AccessDeniedException' });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  test('passes the abort signal to the call', async () => {
    // The mock types send() with one argument; the SDK passes the options as the second.
    const controller = new AbortController();
    secrets.on(GetSecretValueCommand).resolves({ SecretString: SECRET });

    await readSecretString(client, ARN, controller.signal);

    expect((secrets.send.getCall(0).args as unknown[])[1]).toEqual({ abortSignal: controller.signal });
  });
});
