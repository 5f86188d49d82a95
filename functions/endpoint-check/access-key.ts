import { ACCESS_KEY_LOCATION } from '../shared/access-key-location';
import { MAX_ACCESS_KEY_BYTES } from './constants';
import type { CheckResult } from './types';

/** The `user:secret` a key that passed the format check decodes to (accessKeySecrets says what to hide). */
export interface AccessKeyParts {
  readonly user: string;
  readonly secret: string;
}

export type AccessKeyCheck = { readonly result: CheckResult; readonly parts?: AccessKeyParts };

const STANDARD_PADDED_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const fail = (message: string): AccessKeyCheck => ({ result: { id: 'access-key', status: 'failed', message } });
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Check 2, before any network call: OpenObserve reads `X-Amz-Firehose-Access-Key` as standard padded base64
 * of `user:secret` (validator_aws, src/api/common/src/auth/validator.rs). A decoded key without `:` makes
 * the server panic and drop the connection, which Firehose retries for hours: it must never be sent.
 * Messages never contain the key, nor any part of it.
 */
export function checkAccessKeyFormat(key: string): AccessKeyCheck {
  if (key.length === 0) return fail(`The access key is empty; set it to ${ACCESS_KEY_LOCATION}.`);
  if (Buffer.byteLength(key) > MAX_ACCESS_KEY_BYTES) return fail(`The access key is longer than ${MAX_ACCESS_KEY_BYTES} bytes, Firehose's limit; use the ingestion passcode rather than a token this long.`);
  if (/^basic\s/i.test(key.trim())) return fail('The access key starts with "Basic "; remove that prefix, as Firehose sends the key verbatim in its own header.');
  if (/\s/.test(key)) return fail('The access key contains whitespace (a space or a line break); remove it — the key is one base64 string.');
  if (/[-_]/.test(key) && /^[A-Za-z0-9\-_=]+$/.test(key)) return fail('The access key uses the URL-safe base64 alphabet (- or _); OpenObserve needs standard base64 (+ and /) of user:secret.');
  if (!STANDARD_PADDED_BASE64.test(key)) {
    if (/^[A-Za-z0-9+/]+$/.test(key) && key.length % 4 !== 0) return fail('The access key is base64 without its = padding; OpenObserve needs standard padded base64 of user:secret.');
    return fail(`The access key is not base64; use ${ACCESS_KEY_LOCATION}, not the passcode or password itself.`);
  }
  let text: string;
  try {
    text = utf8.decode(Buffer.from(key, 'base64'));
  } catch {
    return fail('The access key does not decode to UTF-8 text; it must be base64 of user:secret.');
  }
  const colons = text.split(':').length - 1;
  if (colons === 0) {
    return fail('The access key decodes to text without a colon, which crashes OpenObserve\'s Firehose handler (Firehose would retry for hours); encode user:secret, e.g. printf %s "user@example.com:passcode" | base64.');
  }
  if (colons > 1) return fail('The access key decodes to text with more than one colon; OpenObserve splits on every colon, so a secret containing ":" is rejected — use a secret without ":".');
  const [user = '', secret = ''] = text.split(':');
  if (user === '' || secret === '') return fail('The access key decodes to user:secret with an empty user or secret; encode both, e.g. printf %s "user@example.com:passcode" | base64.');
  return { result: { id: 'access-key', status: 'passed', message: 'The access key is standard base64 of user:secret.' }, parts: { user, secret } };
}
