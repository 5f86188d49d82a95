import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { parseCredentialsSecret, readCredentials } from '../../../functions/pack-install/pack-credentials';

const TOKEN = 'sa-token-DISTINCTIVE-7f3a';
const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:o2-pack-AbCdEf';

describe('parseCredentialsSecret', () => {
  test('reads {"username", "token"}', () => {
    expect(parseCredentialsSecret(JSON.stringify({ username: 'sa@example.com', token: TOKEN }))).toEqual({
      ok: true,
      credentials: { username: 'sa@example.com', secret: TOKEN },
    });
  });

  test.each([
    ['not JSON', `token=${TOKEN}`],
    ['a JSON string', JSON.stringify(TOKEN)],
    ['a missing token', JSON.stringify({ username: 'sa@example.com' })],
    ['an empty username', JSON.stringify({ username: '', token: TOKEN })],
    ['no secret string', undefined],
  ])('refuses %s without repeating the secret', (_name, text) => {
    const result = parseCredentialsSecret(text);

    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });
});

describe('readCredentials', () => {
  const sm = mockClient(SecretsManagerClient);
  afterEach(() => sm.reset());

  test('reads the secret by its ARN', async () => {
    sm.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: JSON.stringify({ username: 'u', token: TOKEN }) });

    const result = await readCredentials(new SecretsManagerClient({ region: 'eu-west-1' }), ARN);

    expect(result).toEqual({ ok: true, credentials: { username: 'u', secret: TOKEN } });
  });

  test('turns an AWS error into a reason with its name only', async () => {
    const error = Object.assign(new Error(`User is not authorized ${TOKEN}`), { name: 'AccessDeniedException' });
    sm.on(GetSecretValueCommand).rejects(error);

    const result = await readCredentials(new SecretsManagerClient({ region: 'eu-west-1' }), ARN);

    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('AccessDeniedException') });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });
});
