import { BlockList, isIP } from 'node:net';

/**
 * Plain http puts the access key or the management credentials on the wire unencrypted, so local testing
 * (`--allow-local`, ENDPOINT_CHECK_ALLOW_LOCAL) allows it to this machine only. One rule and one sentence
 * for `check-endpoint` (and the function it runs) and `install-pack`.
 *
 * "This machine" is 127.0.0.0/8 and ::1 (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3), and 127.x written as an
 * IPv4-mapped IPv6 address, which the socket layer delivers to the same loopback interface. Not the 6to4,
 * NAT64 or Teredo forms of 127.x: address-class.ts calls those loopback because Firehose cannot reach them,
 * but a packet sent to them leaves the machine through a relay.
 */
const THIS_MACHINE = new BlockList();
THIS_MACHINE.addSubnet('127.0.0.0', 8, 'ipv4');
THIS_MACHINE.addAddress('::1', 'ipv6');

/** True when a connection to `address` stays on this machine; a zone index is ignored, a name is never. */
export function isThisMachine(address: string): boolean {
  const ip = address.replace(/%.*$/, '');
  const family = isIP(ip);
  if (family === 0) return false;
  // BlockList matches an IPv4-mapped IPv6 address against the IPv4 subnets too.
  return THIS_MACHINE.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** The addresses of `addresses` that leave this machine. */
export const addressesElsewhere = (addresses: readonly string[]): string[] => addresses.filter((address) => !isThisMachine(address));

/**
 * The refusal of plain http to a host that is not (only) this machine, in one sentence.
 * @param what where the URL was given, e.g. `--url` or `the OpenObserve URL`
 */
export function plainHttpElsewhere(hostname: string, elsewhere: readonly string[], what: string): string {
  return (
    `Plain http is allowed for local testing to this machine only, but ${hostname} resolves to ${elsewhere.join(', ') || 'no address'}, ` +
    `which is not loopback; use https for ${what}.`
  );
}
