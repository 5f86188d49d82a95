/**
 * The `cidr` operator of EventBridge patterns: is an IPv4 or IPv6 address inside a network?
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */
import { isIP } from 'node:net';

function ipv4Bits(address: string): bigint {
  return address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

/** 128 bits of an IPv6 address, `::` expanded and a trailing dotted IPv4 part (`::ffff:1.2.3.4`) read. */
function ipv6Bits(address: string): bigint {
  let text = address.split('%')[0]!;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const bits = ipv4Bits(v4[1]!);
    text = `${text.slice(0, v4.index)}${(bits >> 16n).toString(16)}:${(bits & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headParts.length - tailParts.length).fill('0');
  return [...headParts, ...zeros, ...tailParts].reduce((acc, part) => (acc << 16n) | BigInt(parseInt(part, 16)), 0n);
}

/**
 * A test for addresses inside `network` (`10.0.0.0/24`, `2001:db8::/32`), or undefined when `network` is
 * not one. An address of the other family never matches.
 */
export function cidrMatcher(network: string): ((address: string) => boolean) | undefined {
  const [base, lengthText, extra] = network.split('/');
  const family = isIP(base ?? '');
  const width = family === 4 ? 32 : 128;
  const length = Number(lengthText);
  if (family === 0 || extra !== undefined || lengthText === undefined || !/^\d+$/.test(lengthText) || length > width) return undefined;
  const bitsOf = family === 4 ? ipv4Bits : ipv6Bits;
  const shift = BigInt(width - length);
  const prefix = bitsOf(base!) >> shift;
  return (address) => isIP(address) === family && bitsOf(address) >> shift === prefix;
}
