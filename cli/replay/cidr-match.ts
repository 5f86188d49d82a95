/**
 * The `cidr` operator of EventBridge patterns: is an IPv4 or IPv6 address inside a network?
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 * The test is Node's own `BlockList` (https://nodejs.org/api/net.html#class-netblocklist), which reads
 * every IPv6 form (`::` shorthand, a trailing dotted IPv4 part, a zone); only the pattern's syntax is read here.
 */
import { BlockList, isIP } from 'node:net';

/**
 * A test for addresses inside `network` (`10.0.0.0/24`, `2001:db8::/32`), or undefined when `network` is
 * not one. An address of the other family never matches: `::ffff:10.0.0.1` is an IPv6 address, outside
 * `10.0.0.0/8`, and inside `::ffff:0:0/96`.
 */
export function cidrMatcher(network: string): ((address: string) => boolean) | undefined {
  const [base, lengthText, extra] = network.split('/');
  const family = isIP(base ?? '');
  const length = Number(lengthText);
  if (family === 0 || extra !== undefined || lengthText === undefined || !/^\d+$/.test(lengthText) || length > (family === 4 ? 32 : 128)) return undefined;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const subnet = new BlockList();
  subnet.addSubnet(base!, length, type);
  return (address) => isIP(address) === family && subnet.check(address, type);
}
