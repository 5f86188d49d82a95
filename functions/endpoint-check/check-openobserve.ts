import type { LookupFunction } from 'node:net';
import { ACCESS_KEY_LOCATION } from '../shared/access-key-location';
import { type FirehosePostResult, firehoseEndpointUrl, postFirehoseRecords } from '../shared/firehose-http';
import { CONNECTION_DROPPED_CODES, type HttpOutcome, sendHttpRequest } from '../shared/http-request';
import { describeNetworkError } from '../shared/network-error';
import { shorten } from '../shared/secret-scrubber';
import { MAX_API_RESPONSE_BYTES } from './constants';
import type { EndpointTarget } from './check-url';
import type { CheckResult } from './types';

/** What the read-only OpenObserve calls need (docs/reference/openobserve-firehose-ingestion.md#read-only-probes). */
export interface OpenObserveCall {
  readonly target: EndpointTarget;
  readonly timeoutMs: number;
  readonly ca?: string | Buffer;
  readonly signal?: AbortSignal;
  /** The host's vetted addresses (`pinnedLookup`); the system resolver without it. */
  readonly lookup?: LookupFunction;
}

const get = (call: OpenObserveCall, path: string, headers: Record<string, string> = {}): Promise<HttpOutcome> =>
  sendHttpRequest({
    url: `${call.target.baseUrl}${path}`,
    method: 'GET',
    headers: { Accept: 'application/json', 'User-Agent': 'o2-cognito', ...headers },
    timeoutMs: call.timeoutMs,
    maxResponseBytes: MAX_API_RESPONSE_BYTES,
    ...(call.ca !== undefined ? { ca: call.ca } : {}),
    ...(call.signal ? { signal: call.signal } : {}),
    ...(call.lookup ? { lookup: call.lookup } : {}),
  });

/** The `version` of GET /config's JSON answer, when there is one. */
function versionOf(body: Buffer): unknown {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && 'version' in value ? value.version : undefined;
  } catch {
    return undefined;
  }
}

const VERSION_PATTERN = /^[A-Za-z0-9._+-]{1,64}$/;

/** GET /config (no auth) for the server version; a missing version is a warning, not a failure. */
export async function checkVersion(call: OpenObserveCall): Promise<{ result: CheckResult; version?: string }> {
  const outcome = await get(call, '/config');
  const warn = (message: string): { result: CheckResult } => ({ result: { id: 'version', status: 'warned', message } });
  if (outcome.kind === 'timeout') return warn(`GET /config did not answer within ${call.timeoutMs / 1000} s; the server version is unknown.`);
  if (outcome.kind === 'network-error') return warn(`GET /config failed: ${describeNetworkError(outcome.code)}; the server version is unknown.`);
  const version = outcome.status === 200 ? versionOf(outcome.body) : undefined;
  if (typeof version !== 'string' || !VERSION_PATTERN.test(version)) {
    return warn(`GET /config answered HTTP ${outcome.status} without a version; is ${call.target.baseUrl} OpenObserve?`);
  }
  return { result: { id: 'version', status: 'passed', message: `OpenObserve ${version} answers at ${call.target.baseUrl}.` }, version };
}

/** Check 4: GET /api/<org>/_license with the key as Basic credentials (200 ok, 404 no org, 401 bad key). */
export async function checkOrganization(call: OpenObserveCall, org: string, accessKey: string): Promise<CheckResult> {
  const outcome = await get(call, `/api/${encodeURIComponent(org)}/_license`, { Authorization: `Basic ${accessKey}` });
  const fail = (message: string): CheckResult => ({ id: 'organization', status: 'failed', message });
  if (outcome.kind === 'timeout') return fail(`GET /api/${org}/_license did not answer within ${call.timeoutMs / 1000} s; check that OpenObserve is up and reachable.`);
  if (outcome.kind === 'network-error') return fail(`GET /api/${org}/_license failed: ${describeNetworkError(outcome.code)}; check that OpenObserve is up and reachable.`);
  const text = outcome.body.toString('utf8', 0, Math.min(outcome.body.length, 200));
  if (outcome.status === 200) return { id: 'organization', status: 'passed', message: `Organization '${org}' exists and the key's user can sign in to it.` };
  if (outcome.status === 404 && /organization not found/i.test(text)) {
    return fail(`Organization '${org}' does not exist on this OpenObserve; use the organization id shown in OpenObserve (often 'default'), or create it.`);
  }
  if (outcome.status === 401) return fail(`OpenObserve rejected the access key's user and secret for organization '${org}' (401); copy ${ACCESS_KEY_LOCATION} again.`);
  if (outcome.status === 403) return fail(`The access key's user may not use organization '${org}' (403); add the user to the organization or use the organization it belongs to.`);
  if (outcome.status === 404) {
    return { id: 'organization', status: 'warned', message: `This OpenObserve has no /api/${org}/_license (404, an older release?); the organization could not be confirmed.` };
  }
  return { id: 'organization', status: 'warned', message: `GET /api/${org}/_license answered HTTP ${outcome.status}; the organization could not be confirmed.` };
}

/** Check 5: what a POST of `records: []` with the exact Firehose headers said, explained per case. */
export function interpretFirehose(url: string, result: FirehosePostResult, timeoutMs: number): CheckResult {
  const fail = (message: string): CheckResult => ({ id: 'firehose', status: 'failed', message });
  switch (result.kind) {
    case 'ok':
      return { id: 'firehose', status: 'passed', message: `${url} accepted an empty Firehose batch and echoed its request id.` };
    case 'timeout':
      return fail(`${url} did not answer an empty Firehose batch within ${timeoutMs / 1000} s; Firehose needs an answer (it waits at most 3 minutes), so check OpenObserve's load and any proxy in front of it.`);
    case 'network-error':
      if (CONNECTION_DROPPED_CODES.has(result.code) || /socket hang up/i.test(result.reason)) {
        return fail(`${url} closed the connection without answering; OpenObserve does this when its Firehose handler crashes (for example on a key without ':'), or a proxy drops the request — check the OpenObserve and proxy logs.`);
      }
      return fail(`Posting to ${url} failed: ${describeNetworkError(result.code)}; check that the endpoint is reachable.`);
    case 'bad-response':
      if (result.reason === 'the answer is not JSON') {
        return fail(`${url} answered 200 but not with JSON, so Firehose would count every delivery as failed; something other than OpenObserve (a proxy or login page) answers this path.`);
      }
      return fail(`${url} answered 200 but ${result.reason}, so Firehose would count every delivery as failed; make sure the path reaches OpenObserve itself.`);
    case 'http-error':
      switch (result.status) {
        case 401:
          return fail(`${url} rejected the access key (401 ${shorten(result.body, 40)}); use ${ACCESS_KEY_LOCATION}, for a user of this organization.`);
        case 404:
          return fail(`${url} does not exist (404); OpenObserve serves Firehose at /aws/<org>/<stream>/_kinesis_firehose — check the base URL and that the server is OpenObserve v0.14.7 or later.`);
        case 415:
          return fail(`${url} refused Content-Type application/json (415); a proxy in front of OpenObserve probably rewrites the request headers.`);
        case 413:
          return fail(`${url} refused even an empty batch as too large (413); raise the body size limit of the proxy in front of OpenObserve.`);
        default:
          return fail(`${url} answered an empty Firehose batch with HTTP ${result.status} (${shorten(result.body, 120)}); fix that server error before deploying.`);
      }
  }
}

export interface FirehoseProbe extends OpenObserveCall {
  readonly org: string;
  readonly stream: string;
  readonly accessKey: string;
  readonly gzip: boolean;
  readonly requestId: string;
  readonly now: () => number;
}

/** POSTs `records: []`, which OpenObserve answers without writing anything, and explains the answer. */
export async function checkFirehose(probe: FirehoseProbe): Promise<CheckResult> {
  const url = firehoseEndpointUrl(probe.target.baseUrl, probe.org, probe.stream);
  const result = await postFirehoseRecords({ url, accessKey: probe.accessKey, gzip: probe.gzip }, [], {
    requestId: probe.requestId,
    timeoutMs: probe.timeoutMs,
    now: probe.now,
    ...(probe.ca !== undefined ? { ca: probe.ca } : {}),
    ...(probe.signal ? { signal: probe.signal } : {}),
    ...(probe.lookup ? { lookup: probe.lookup } : {}),
  });
  return interpretFirehose(url, result, probe.timeoutMs);
}
