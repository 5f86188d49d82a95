import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { describeAddress } from './address-class';
import type { EndpointTarget } from './check-url';
import { addressesElsewhere, plainHttpElsewhere } from './plain-http';
import type { CheckResult, Lookup } from './types';

/** Every A and AAAA address of `hostname`, in the system resolver's order: the `lookup` the Lambda and the CLI both use. */
export const lookupAll: Lookup = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'an error';
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error('DNS lookup timed out'), { code: 'ETIMEOUT' })), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

/** The host check's result and, when the host is usable, the addresses every later connection must use. */
export interface HostCheck {
  readonly result: CheckResult;
  readonly addresses?: readonly string[];
}

/** `64:ff9b::a9fe:a9fe (link-local, carries 169.254.169.254)`. */
function labelled(address: string): string | undefined {
  const verdict = describeAddress(address);
  if (verdict.class === 'public') return undefined;
  return `${address} (${verdict.class}${verdict.embedded !== undefined ? `, carries ${verdict.embedded}` : ''})`;
}

/**
 * Check 1 (network part): the host resolves, and only to public addresses — Firehose delivers over the
 * internet and cannot reach private, loopback, link-local or other special-purpose ones (AWS, "Understand HTTP endpoint delivery request and
 * response specifications", https://docs.aws.amazon.com/firehose/latest/dev/httpdeliveryrequestresponse.html).
 * The host is resolved here once: the addresses returned are the ones vetted, and the only ones the later
 * checks may connect to (a second resolution could answer differently: DNS rebinding). Plain http, which
 * only local testing accepts, must stay on this machine (plain-http.ts): the access key would travel in clear.
 */
export async function checkHost(target: EndpointTarget, lookup: Lookup, timeoutMs: number, allowLocal: boolean): Promise<HostCheck> {
  const fail = (message: string): HostCheck => ({ result: { id: 'host', status: 'failed', message } });
  let addresses: readonly string[];
  try {
    addresses = await withTimeout(lookup(target.hostname), timeoutMs);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOTFOUND' || code === 'ENODATA') return fail(`${target.hostname} does not resolve in public DNS; check the spelling, or publish a DNS record for it.`);
    if (code === 'ETIMEOUT') return fail(`Resolving ${target.hostname} took longer than ${timeoutMs / 1000} s; check its DNS servers.`);
    return fail(`Resolving ${target.hostname} failed (${code}); check the name and its DNS records.`);
  }
  if (addresses.length === 0) return fail(`${target.hostname} resolves to no address; publish an A or AAAA record for it.`);
  const elsewhere = target.https ? [] : addressesElsewhere(addresses);
  if (elsewhere.length > 0) return fail(plainHttpElsewhere(target.hostname, elsewhere, 'the OpenObserve URL'));
  const unreachable = addresses.map(labelled).filter((label) => label !== undefined);
  if (unreachable.length > 0) {
    const list = unreachable.join(', ');
    const what = isIP(target.hostname) === 0 ? `${target.hostname} resolves to ${list}, which Firehose cannot reach` : `The address ${list} is not reachable for Firehose`;
    if (allowLocal) return { result: { id: 'host', status: 'warned', message: `${what}; accepted only because local testing is allowed.` }, addresses };
    return fail(`${what}; publish OpenObserve on a public address (for example behind a public load balancer).`);
  }
  return { result: { id: 'host', status: 'passed', message: `${target.hostname} resolves to public addresses only (${addresses.join(', ')}).` }, addresses };
}
