import { accessKeySecrets } from '../shared/firehose-http';
import { pinnedLookup } from '../shared/pinned-lookup';
import { createScrubber } from '../shared/secret-scrubber';
import { checkAccessKeyFormat } from './access-key';
import { checkHost } from './check-host';
import { checkFirehose, checkOrganization, checkVersion, type OpenObserveCall } from './check-openobserve';
import { interpretTls, probeTls } from './check-tls';
import { checkUrl } from './check-url';
import { AWS_CALL_TIMEOUT_MS, DNS_TIMEOUT_MS, HTTP_TIMEOUT_MS, TLS_TIMEOUT_MS } from './constants';
import { resolveAccessKey } from './resolve-key';
import { checkStreamName, storedStreamName } from './stream-name';
import { trailChecks } from './trail-checks';
import type { CheckDeps, CheckId, CheckInput, CheckReport, CheckResult, CheckTimeouts } from './types';

const skipped = (id: CheckId, why: string): CheckResult => ({ id, status: 'skipped', message: `Not checked: ${why}.` });
const usable = (result: CheckResult | undefined): boolean => result?.status === 'passed' || result?.status === 'warned';

/** Scrubs every message of the key and its secret, in every form a server could have echoed them in. */
function redactor(secrets: readonly string[]): (result: CheckResult) => CheckResult {
  const scrubber = createScrubber(secrets);
  return (result) => ({ ...result, message: scrubber.scrub(result.message) });
}

/**
 * Runs the endpoint checks in order — URL, key format, host, TLS, version, organization, the Firehose path,
 * stream name, then the CloudTrail checks (trail, trail-quota, data-events) — and returns one result per check. A check whose inputs failed is `skipped`; the key is
 * checked before any call to OpenObserve. Used by the custom resource and by `o2-cognito check-endpoint`.
 * No message ever contains the key or its secret.
 */
export async function runChecks(input: CheckInput, deps: CheckDeps): Promise<CheckReport> {
  const timeouts: CheckTimeouts = { dnsMs: DNS_TIMEOUT_MS, tlsMs: TLS_TIMEOUT_MS, httpMs: HTTP_TIMEOUT_MS, awsMs: AWS_CALL_TIMEOUT_MS, ...deps.timeouts };
  const trails = trailChecks(input, deps, timeouts);
  const results: CheckResult[] = [];
  const secrets: string[] = [];

  const url = checkUrl(input.url, input.allowLocal);
  results.push(url.result);

  const resolved = await resolveAccessKey(input.accessKey, deps, timeouts.awsMs);
  let key: string | undefined;
  if (resolved.ok) {
    secrets.push(...accessKeySecrets(resolved.value));
    const format = checkAccessKeyFormat(resolved.value);
    results.push(format.result);
    if (format.parts) key = resolved.value;
  } else {
    results.push({ id: 'access-key', status: 'failed', message: resolved.reason });
  }

  const target = url.target;
  const hostCheck = target ? await checkHost(target, deps.lookup, timeouts.dnsMs, input.allowLocal) : { result: skipped('host', 'the URL is not usable') };
  const host = hostCheck.result;
  results.push(host);
  // Every connection of the run goes to the addresses the host check vetted, never to a fresh DNS answer.
  const lookup = target && hostCheck.addresses ? pinnedLookup(target.hostname, hostCheck.addresses) : undefined;
  const io = { ...(deps.ca !== undefined ? { ca: deps.ca } : {}), ...(deps.signal ? { signal: deps.signal } : {}), ...(lookup ? { lookup } : {}) };

  let tls: CheckResult;
  if (!target || !usable(host)) tls = skipped('tls', 'the host is not usable');
  else if (!target.https) tls = skipped('tls', 'plain http, allowed for local testing only');
  else tls = interpretTls(target, await probeTls(target, { timeoutMs: timeouts.tlsMs, ...io }), timeouts.tlsMs, deps.now());
  results.push(tls);

  const reachable = target !== undefined && usable(host) && (usable(tls) || (!target.https && tls.status === 'skipped'));
  let openObserveVersion: string | undefined;
  if (target && reachable) {
    const call: OpenObserveCall = { target, timeoutMs: timeouts.httpMs, ...io };
    const version = await checkVersion(call);
    openObserveVersion = version.version;
    results.push(version.result);
    if (key === undefined) {
      results.push(skipped('organization', 'the access key is not usable'), skipped('firehose', 'the access key is not usable'));
    } else {
      let organization = await checkOrganization(call, input.organization, key);
      const firehose = await checkFirehose({
        ...call,
        org: input.organization,
        stream: input.stream,
        accessKey: key,
        gzip: input.gzip,
        requestId: deps.randomUUID(),
        now: deps.now,
      });
      // An ingestion token may be refused by the API yet accepted on the Firehose path: then only a warning.
      if (organization.status === 'failed' && firehose.status === 'passed' && / \(401\)/.test(organization.message)) {
        organization = { id: 'organization', status: 'warned', message: `The API refused the key for organization '${input.organization}' (401) although the Firehose path accepted it (an ingestion token?); the organization could not be confirmed.` };
      }
      results.push(organization, firehose);
    }
  } else {
    const why = target ? 'the endpoint is not reachable over TLS' : 'the URL is not usable';
    results.push(skipped('version', why), skipped('organization', why), skipped('firehose', why));
  }

  results.push(checkStreamName(input.stream));
  results.push(...(await trails));
  return {
    checks: results.map(redactor(secrets)),
    ...(openObserveVersion !== undefined ? { openObserveVersion } : {}),
    storedStreamName: storedStreamName(input.stream),
  };
}
