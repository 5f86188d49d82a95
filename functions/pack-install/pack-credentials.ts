/**
 * The management credentials, from the Secrets Manager secret `{"username": "...", "token": "..."}`
 * (PackCredentialsSecretArn). Failures name the cause and the fix, never the secret's content.
 */
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { ManagementCredentials } from '../shared/pack/management-client';
import { readSecretString } from '../shared/read-secret';

export type CredentialsResult = { readonly ok: true; readonly credentials: ManagementCredentials } | { readonly ok: false; readonly reason: string };

const SHAPE = '{"username": "...", "token": "..."}';

/** Parses the secret string; `token` is a password or a service-account token. */
export function parseCredentialsSecret(text: string | undefined): CredentialsResult {
  let value: unknown;
  try {
    value = text === undefined ? undefined : JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `The secret in CredentialsSecretArn is not JSON of the form ${SHAPE}; store it in that form.` };
  }
  const { username, token } = value as Record<string, unknown>; // an object, checked above
  if (typeof username !== 'string' || username === '' || typeof token !== 'string' || token === '') {
    return { ok: false, reason: `The secret in CredentialsSecretArn needs non-empty "username" and "token" keys (${SHAPE}).` };
  }
  return { ok: true, credentials: { username, secret: token } };
}

/** Reads and parses the secret; AWS errors become a reason with the error's name only. */
export async function readCredentials(client: SecretsManagerClient, secretArn: string, signal?: AbortSignal): Promise<CredentialsResult> {
  const secret = await readSecretString(client, secretArn, signal);
  if (!secret.ok) {
    return { ok: false, reason: `The secret in CredentialsSecretArn could not be read (${secret.errorName}); check that it exists and that the function's role may read it.` };
  }
  return parseCredentialsSecret(secret.text);
}
