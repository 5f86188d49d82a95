import { randomUUID } from 'node:crypto';
import type { Agent } from 'node:http';
import type { LookupFunction } from 'node:net';
import { gzipSync } from 'node:zlib';
import { sendHttpRequest } from './http-request';
import { createScrubber } from './secret-scrubber';

/**
 * The Firehose HTTP endpoint delivery protocol, as Firehose speaks it to OpenObserve
 * (https://docs.aws.amazon.com/firehose/latest/dev/httpdeliveryrequestresponse.html;
 * docs/reference/aws-contracts.md#firehose-http-endpoint-delivery).
 */

/** Firehose reads at most 1 MiB of the endpoint's answer (docs/reference/aws-contracts.md#firehose-http-endpoint-delivery). */
export const MAX_FIREHOSE_RESPONSE_BYTES = 1024 * 1024;
/** Characters of an error body kept in a result: enough to explain, too few to flood a log. */
export const ERROR_BODY_CHARS = 200;

export interface FirehoseTarget {
  readonly url: string;
  readonly accessKey: string;
  readonly gzip: boolean;
}

export interface FirehosePostOptions {
  /** Same value across retries of one batch, as Firehose does; a fresh UUID when absent. */
  readonly requestId?: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Trusted CA(s) replacing the default store (tests). Production relies on the default store + NODE_EXTRA_CA_CERTS. */
  readonly ca?: string | Buffer;
  /** Epoch ms for the body's `timestamp`. */
  readonly now?: () => number;
  readonly agent?: Agent;
  /** Resolves the URL's host instead of the system resolver (`pinnedLookup`: only vetted addresses). */
  readonly lookup?: LookupFunction;
}

export type FirehosePostResult =
  | { readonly kind: 'ok'; readonly requestId: string }
  /** `body`: at most 200 characters of the answer on one line, scrubbed of the key and its secret before the cut. */
  | { readonly kind: 'http-error'; readonly status: number; readonly body: string }
  | { readonly kind: 'bad-response'; readonly status: number; readonly reason: string }
  | { readonly kind: 'network-error'; readonly code: string; readonly reason: string }
  | { readonly kind: 'timeout' };

/** `https://o2.example.com` + `default` + `cognito` → `https://o2.example.com/aws/default/cognito/_kinesis_firehose`. */
export function firehoseEndpointUrl(baseUrl: string, org: string, stream: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/aws/${org}/${stream}/_kinesis_firehose`;
}

/** The JSON body Firehose sends: `{requestId, timestamp, records:[{data}]}` with base64 data. */
export function firehoseRequestBody(requestId: string, timestampMs: number, records: readonly Uint8Array[]): Buffer {
  const data = records.map((r) => `{"data":"${Buffer.from(r.buffer, r.byteOffset, r.byteLength).toString('base64')}"}`);
  return Buffer.from(`{"requestId":${JSON.stringify(requestId)},"timestamp":${timestampMs},"records":[${data.join(',')}]}`);
}

const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * What an access key gives away: the key itself (which is also the Basic credential's base64) and the secret
 * of the `user:secret` it encodes — all of the decoded text when it has no colon. The user is not secret.
 */
export function accessKeySecrets(accessKey: string): string[] {
  let decoded = '';
  try {
    decoded = STANDARD_BASE64.test(accessKey) ? utf8.decode(Buffer.from(accessKey, 'base64')) : '';
  } catch {
    decoded = '';
  }
  const colon = decoded.indexOf(':');
  return [accessKey, colon === -1 ? decoded : decoded.slice(colon + 1)].filter((s) => s !== '');
}

function parseSuccess(status: number, body: Buffer, truncated: boolean, requestId: string): FirehosePostResult {
  if (truncated) return { kind: 'bad-response', status, reason: 'the answer is larger than 1 MiB' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { kind: 'bad-response', status, reason: 'the answer is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || !('requestId' in parsed)) {
    return { kind: 'bad-response', status, reason: 'the answer has no requestId' };
  }
  if (parsed.requestId !== requestId) return { kind: 'bad-response', status, reason: 'the answer does not echo the requestId' };
  return { kind: 'ok', requestId };
}

/**
 * POSTs records the way Firehose does (protocol 1.0 headers, optional request-level gzip) and classifies
 * the answer as Firehose would: only 200 with JSON echoing `requestId` is success. Never rejects.
 */
export async function postFirehoseRecords(
  target: FirehoseTarget,
  records: readonly Uint8Array[],
  opts: FirehosePostOptions,
): Promise<FirehosePostResult> {
  const requestId = opts.requestId ?? randomUUID();
  const json = firehoseRequestBody(requestId, (opts.now ?? Date.now)(), records);
  const headers: Record<string, string> = {
    'X-Amz-Firehose-Protocol-Version': '1.0',
    'X-Amz-Firehose-Request-Id': requestId,
    'X-Amz-Firehose-Access-Key': target.accessKey,
    'Content-Type': 'application/json',
    'User-Agent': 'o2-cognito',
  };
  if (target.gzip) headers['Content-Encoding'] = 'gzip';
  const outcome = await sendHttpRequest({
    url: target.url,
    method: 'POST',
    headers,
    body: target.gzip ? gzipSync(json) : json,
    timeoutMs: opts.timeoutMs,
    maxResponseBytes: MAX_FIREHOSE_RESPONSE_BYTES,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.ca !== undefined ? { ca: opts.ca } : {}),
    ...(opts.agent ? { agent: opts.agent } : {}),
    ...(opts.lookup ? { lookup: opts.lookup } : {}),
  });
  switch (outcome.kind) {
    case 'timeout':
      return outcome;
    case 'network-error':
      return { kind: 'network-error', code: outcome.code, reason: createScrubber(accessKeySecrets(target.accessKey)).scrub(outcome.reason) };
    case 'response':
      if (outcome.status !== 200) {
        const body = createScrubber(accessKeySecrets(target.accessKey)).excerpt(outcome.body.toString('utf8'), ERROR_BODY_CHARS);
        return { kind: 'http-error', status: outcome.status, body };
      }
      return parseSuccess(outcome.status, outcome.body, outcome.truncated, requestId);
  }
}
