import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

const familyOf = (family: LookupOptions['family']): 0 | 4 | 6 => (family === 4 || family === 'IPv4' ? 4 : family === 6 || family === 'IPv6' ? 6 : 0);

/**
 * A `lookup` for node:net, node:tls and node:https that answers `hostname` with `addresses` only — the ones
 * resolved and vetted before the first connection — so that no later connection of the run can be steered
 * elsewhere by a DNS answer that changed in between (DNS rebinding). The URL keeps the name, so TLS still
 * sends it as SNI and verifies the certificate against it, and HTTP still sends it as Host. Any other name
 * fails with ENOTFOUND: nothing is resolved afresh.
 */
export function pinnedLookup(hostname: string, addresses: readonly string[]): LookupFunction {
  const pinned = hostname.toLowerCase();
  const entries: LookupAddress[] = addresses.filter((a) => isIP(a) !== 0).map((address) => ({ address, family: isIP(address) }));
  return (name, options, callback) => {
    const family = familyOf(options.family);
    const answers = entries.filter((e) => family === 0 || e.family === family);
    const [first] = answers;
    process.nextTick(() => {
      if (name.toLowerCase() !== pinned || first === undefined) {
        const error: NodeJS.ErrnoException = Object.assign(new Error(`${name} has no vetted address for this connection`), { code: 'ENOTFOUND', hostname: name });
        callback(error, '', 0);
      } else if (options.all) {
        callback(null, answers);
      } else {
        callback(null, first.address, first.family);
      }
    });
  };
}
