import { readSecretString } from '../shared/read-secret';
import type { AccessKeySource, CheckDeps, Parsed } from './types';

/** Firehose reads the key from a secret holding JSON `{"api_key": "<key>"}` (docs/reference/aws-contracts.md#access-key-and-secrets-manager). */
export const SECRET_KEY_FIELD = 'api_key';

function apiKeyOf(secretString: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secretString);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !('api_key' in parsed)) return undefined;
  return typeof parsed.api_key === 'string' ? parsed.api_key : undefined;
}

/**
 * The access key itself, from the property or from Secrets Manager. The failure reason names the ARN and
 * the error class only — never the secret's content.
 */
export async function resolveAccessKey(
  source: AccessKeySource,
  deps: Pick<CheckDeps, 'secretsManager' | 'signal'>,
  timeoutMs: number,
): Promise<Parsed<string>> {
  if (source.source === 'value') return { ok: true, value: source.value };
  if (!deps.secretsManager) return { ok: false, reason: `The access key secret ${source.arn} cannot be read here (no Secrets Manager client); pass the key itself.` };
  const timeout = AbortSignal.timeout(timeoutMs);
  const secret = await readSecretString(deps.secretsManager, source.arn, deps.signal ? AbortSignal.any([timeout, deps.signal]) : timeout);
  if (!secret.ok) {
    if (secret.errorName === 'ResourceNotFoundException') return { ok: false, reason: `The access key secret ${source.arn} does not exist; check the ARN and the region.` };
    if (secret.errorName === 'AccessDeniedException') return { ok: false, reason: `Reading the access key secret ${source.arn} was denied; allow secretsmanager:GetSecretValue on it (and kms:Decrypt for a customer-managed key).` };
    return { ok: false, reason: `Reading the access key secret ${source.arn} failed (${secret.errorName}); check the ARN and the permissions.` };
  }
  if (secret.text === undefined) return { ok: false, reason: `The access key secret ${source.arn} holds binary data; store JSON {"${SECRET_KEY_FIELD}": "<key>"} as the secret string, as Firehose expects.` };
  const key = apiKeyOf(secret.text);
  if (key === undefined) return { ok: false, reason: `The access key secret ${source.arn} is not JSON with a string "${SECRET_KEY_FIELD}" field; store {"${SECRET_KEY_FIELD}": "<key>"}, as Firehose expects.` };
  return { ok: true, value: key };
}
