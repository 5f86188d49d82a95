import type { LookupFunction } from 'node:net';
import { lookupAll } from '../functions/endpoint-check/check-host';
import { addressesElsewhere, plainHttpElsewhere } from '../functions/endpoint-check/plain-http';
import { describeNetworkError } from '../functions/shared/network-error';
import { pinnedLookup } from '../functions/shared/pinned-lookup';
import { CliUsageError } from './io';

const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'EUNKNOWN';

/**
 * Plain http puts credentials on the wire unencrypted, so a command may use it only with `--allow-local`
 * and only to this machine: every address the host resolves to must be loopback (the rule of
 * functions/endpoint-check/plain-http.ts, which `check-endpoint` applies too). The answer is the lookup
 * to connect with, pinned to the addresses just checked so that no later DNS answer can send the
 * credentials elsewhere; undefined for https, which needs no such care.
 */
export async function loopbackOnlyForHttp(url: URL, flag: string, allowLocal: boolean): Promise<LookupFunction | undefined> {
  if (url.protocol !== 'http:') return undefined;
  if (!allowLocal) {
    throw new CliUsageError(
      `${flag} uses plain http, which would send OPENOBSERVE_USER and OPENOBSERVE_PASSWORD unencrypted; use https, or add --allow-local for an OpenObserve on this machine (loopback addresses only).`,
    );
  }
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: readonly string[];
  try {
    addresses = await lookupAll(hostname);
  } catch (error) {
    throw new Error(`${hostname} in ${flag} could not be resolved: ${describeNetworkError(errorCode(error))}; check the name.`);
  }
  const elsewhere = addressesElsewhere(addresses);
  if (addresses.length === 0 || elsewhere.length > 0) throw new CliUsageError(plainHttpElsewhere(hostname, elsewhere, flag));
  return pinnedLookup(hostname, addresses);
}
