import type { CloudFormationCustomResourceResponse } from 'aws-lambda';
import { sendHttpRequest } from './http-request';

/**
 * The answer to a CloudFormation custom resource request, PUT to its pre-signed ResponseURL
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html;
 * docs/reference/aws-contracts.md#cloudformation-custom-resources): @types/aws-lambda's response, where a
 * FAILED answer must carry its Reason, with Data values as strings.
 */
export type CfnResponseBody = CloudFormationCustomResourceResponse<Readonly<Record<string, string>>>;

/** CloudFormation rejects a response body over 4096 bytes (docs/reference/aws-contracts.md#cloudformation-custom-resources). */
export const MAX_CFN_RESPONSE_BYTES = 4096;
/** Reason is cut down to this many characters before any Data value is touched. */
export const MIN_REASON_CHARS = 256;
export const CFN_ATTEMPT_TIMEOUT_MS = 5_000;
export const CFN_MAX_ATTEMPTS = 5;
export const CFN_FIRST_BACKOFF_MS = 250;
export const CFN_MAX_BACKOFF_MS = 4_000;
const ELLIPSIS = '…';

export interface CfnResponseOptions {
  readonly attemptTimeoutMs?: number;
  readonly maxAttempts?: number;
  readonly firstBackoffMs?: number;
  /** Epoch ms after which no further attempt starts (the Lambda's own deadline). */
  readonly deadlineAt?: number;
  /** Trusted CA replacing the default store (tests). */
  readonly ca?: string | Buffer;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

export type CfnResponseResult =
  | { readonly ok: true; readonly attempts: number; readonly bytes: number }
  | { readonly ok: false; readonly attempts: number; readonly reason: string };

const size = (body: CfnResponseBody): number => Buffer.byteLength(JSON.stringify(body));

function cut(text: string, chars: number): string {
  const points = Array.from(text);
  if (chars >= points.length) return text;
  return chars <= 0 ? '' : points.slice(0, Math.max(0, chars - 1)).join('') + ELLIPSIS;
}

/** Shortens `text` (by code points) until `fits(candidate)` holds or the floor is reached. */
function shrink(text: string, floor: number, fits: (candidate: string) => boolean): string {
  let length = Array.from(text).length;
  let candidate = text;
  while (!fits(candidate) && length > floor) {
    length = Math.max(floor, Math.min(length - 1, Math.floor(length * 0.9)));
    candidate = cut(text, length);
  }
  return candidate;
}

/**
 * Makes the body fit 4096 bytes: Reason is cut first (down to 256 characters), then the longest Data values,
 * then Reason to nothing, then Data keys are dropped. Ids are never touched.
 */
export function fitCfnResponse(body: CfnResponseBody): CfnResponseBody {
  const fits = (b: CfnResponseBody): boolean => size(b) <= MAX_CFN_RESPONSE_BYTES;
  if (fits(body)) return body;
  let current: CfnResponseBody = body;
  if (current.Reason !== undefined) {
    const reason = shrink(current.Reason, MIN_REASON_CHARS, (r) => fits({ ...current, Reason: r }));
    current = { ...current, Reason: reason };
  }
  const data: Record<string, string> = { ...(current.Data ?? {}) };
  while (!fits({ ...current, Data: data })) {
    const longest = Object.keys(data).sort((a, b) => (data[b]?.length ?? 0) - (data[a]?.length ?? 0))[0];
    const value = longest === undefined ? '' : (data[longest] ?? '');
    if (longest === undefined || value.length === 0) break;
    data[longest] = shrink(value, 0, (v) => fits({ ...current, Data: { ...data, [longest]: v } }));
    if (data[longest] === value) data[longest] = '';
  }
  if (current.Data !== undefined) current = { ...current, Data: data };
  if (!fits(current) && current.Reason !== undefined) {
    const reason = shrink(current.Reason, 0, (r) => fits({ ...current, Reason: r }));
    current = { ...current, Reason: reason };
  }
  if (!fits(current) && current.Data !== undefined) {
    const { Data: _dropped, ...withoutData } = current;
    current = withoutData;
  }
  return current;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** CloudFormation sends a pre-signed https URL; anything that does not even parse as http(s) cannot be answered. */
function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A DNS name that does not exist will not exist on the next attempt either. */
const PERMANENT_NETWORK_CODES: ReadonlySet<string> = new Set(['ENOTFOUND', 'ERR_INVALID_URL']);

/**
 * PUTs the response with an empty Content-Type and the exact byte Content-Length, as S3's pre-signed URL
 * expects. Retries network failures and 5xx with exponential back-off (bounded by attempts and `deadlineAt`),
 * each attempt with its own timeout. Never rejects: a lost answer hangs the stack, so the caller logs it.
 */
export async function sendCfnResponse(responseUrl: string, body: CfnResponseBody, opts: CfnResponseOptions = {}): Promise<CfnResponseResult> {
  if (!isHttpUrl(responseUrl)) return { ok: false, attempts: 0, reason: 'the response URL is not an http(s) URL, so there is nowhere to send the answer' };
  const payload = Buffer.from(JSON.stringify(fitCfnResponse(body)));
  const maxAttempts = opts.maxAttempts ?? CFN_MAX_ATTEMPTS;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? wait;
  let backoff = opts.firstBackoffMs ?? CFN_FIRST_BACKOFF_MS;
  let reason = 'no attempt was made';
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const remaining = opts.deadlineAt === undefined ? Infinity : opts.deadlineAt - now();
    if (remaining <= 0) return { ok: false, attempts: attempt - 1, reason: `${reason}; out of time` };
    const outcome = await sendHttpRequest({
      url: responseUrl,
      method: 'PUT',
      headers: { 'Content-Type': '' },
      body: payload,
      timeoutMs: Math.min(opts.attemptTimeoutMs ?? CFN_ATTEMPT_TIMEOUT_MS, remaining),
      maxResponseBytes: 1024,
      ...(opts.ca !== undefined ? { ca: opts.ca } : {}),
    });
    if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300) {
      return { ok: true, attempts: attempt, bytes: payload.length };
    }
    if (outcome.kind === 'response') {
      reason = `the response URL answered HTTP ${outcome.status}`;
      if (outcome.status < 500) return { ok: false, attempts: attempt, reason };
    } else if (outcome.kind === 'timeout') {
      reason = 'the response URL did not answer in time';
    } else {
      reason = `the response URL could not be reached (${outcome.code})`;
      if (PERMANENT_NETWORK_CODES.has(outcome.code)) return { ok: false, attempts: attempt, reason };
    }
    if (attempt < maxAttempts) {
      await sleep(backoff);
      backoff = Math.min(backoff * 2, CFN_MAX_BACKOFF_MS);
    }
  }
  return { ok: false, attempts: maxAttempts, reason };
}
