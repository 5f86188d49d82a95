import { BlockList, isIP } from 'node:net';

/** Why Firehose cannot reach an address; `public` when it can. */
export const ADDRESS_CLASSES = [
  'public',
  'unspecified',
  'loopback',
  'private',
  'shared',
  'link-local',
  'documentation',
  'benchmarking',
  'discard',
  'multicast',
  'broadcast',
  'transition',
  'reserved',
] as const;
export type AddressClass = (typeof ADDRESS_CLASSES)[number];

/** How an address block holds an IPv4 address, whose class then decides (RFC 4291, 6052, 3056, 4380). */
type Embedding = 'last-32-bits' | '6to4' | 'teredo';

/**
 * One row of the table (its name as the registry gives it in the comment): a block, the class it puts an
 * address in, and, for the blocks that carry an IPv4 address, how to find it. `class` is `public` exactly
 * where the registry says "Globally Reachable: True"; an embedding block's own class applies when the IPv4
 * inside is public.
 */
export interface AddressBlock {
  readonly block: string;
  readonly class: AddressClass;
  readonly embeds?: Embedding;
}

/**
 * IANA IPv4 Special-Purpose Address Registry
 * (https://www.iana.org/assignments/iana-ipv4-special-registry/), every row, plus multicast 224.0.0.0/4
 * (IANA IPv4 Multicast Address Space Registry, RFC 5771).
 */
export const IPV4_BLOCKS: readonly AddressBlock[] = [
  { block: '0.0.0.0/8', class: 'unspecified' }, // "This network" (RFC 791)
  { block: '0.0.0.0/32', class: 'unspecified' }, // "This host on this network" (RFC 1122)
  { block: '10.0.0.0/8', class: 'private' }, // Private-Use (RFC 1918)
  { block: '100.64.0.0/10', class: 'shared' }, // Shared Address Space (RFC 6598)
  { block: '127.0.0.0/8', class: 'loopback' }, // Loopback (RFC 1122)
  { block: '169.254.0.0/16', class: 'link-local' }, // Link Local (RFC 3927)
  { block: '172.16.0.0/12', class: 'private' }, // Private-Use (RFC 1918)
  { block: '192.0.0.0/24', class: 'reserved' }, // IETF Protocol Assignments (RFC 6890)
  { block: '192.0.0.0/29', class: 'reserved' }, // IPv4 Service Continuity Prefix (RFC 7335)
  { block: '192.0.0.8/32', class: 'reserved' }, // IPv4 dummy address (RFC 7600)
  { block: '192.0.0.9/32', class: 'public' }, // Port Control Protocol Anycast (RFC 7723)
  { block: '192.0.0.10/32', class: 'public' }, // Traversal Using Relays around NAT Anycast (RFC 8155)
  { block: '192.0.0.170/32', class: 'reserved' }, // NAT64/DNS64 Discovery (RFC 8880)
  { block: '192.0.0.171/32', class: 'reserved' }, // NAT64/DNS64 Discovery (RFC 8880)
  { block: '192.0.2.0/24', class: 'documentation' }, // Documentation (TEST-NET-1, RFC 5737)
  { block: '192.31.196.0/24', class: 'public' }, // AS112-v4 (RFC 7535)
  { block: '192.52.193.0/24', class: 'public' }, // AMT (RFC 7450)
  { block: '192.88.99.0/24', class: 'reserved' }, // Deprecated (6to4 Relay Anycast, RFC 7526)
  { block: '192.88.99.2/32', class: 'reserved' }, // 6a44-relay anycast address (RFC 6751)
  { block: '192.168.0.0/16', class: 'private' }, // Private-Use (RFC 1918)
  { block: '192.175.48.0/24', class: 'public' }, // Direct Delegation AS112 Service (RFC 7534)
  { block: '198.18.0.0/15', class: 'benchmarking' }, // Benchmarking (RFC 2544)
  { block: '198.51.100.0/24', class: 'documentation' }, // Documentation (TEST-NET-2, RFC 5737)
  { block: '203.0.113.0/24', class: 'documentation' }, // Documentation (TEST-NET-3, RFC 5737)
  { block: '224.0.0.0/4', class: 'multicast' }, // Multicast (RFC 5771)
  { block: '240.0.0.0/4', class: 'reserved' }, // Reserved (RFC 1112)
  { block: '255.255.255.255/32', class: 'broadcast' }, // Limited Broadcast (RFC 919)
];

/**
 * IANA IPv6 Special-Purpose Address Registry
 * (https://www.iana.org/assignments/iana-ipv6-special-registry/), every row, plus the forms that carry an
 * IPv4 address outside it (IPv4-compatible ::/96, RFC 4291 §2.5.5.1; IPv4-translated ::ffff:0:0:0/96,
 * RFC 2765 §2.1), deprecated site-local fec0::/10 (RFC 3879) and multicast ff00::/8 (RFC 4291). Teredo and
 * 6to4 are "Globally Reachable: N/A" there: Firehose has no relay to reach them, so they are `transition`.
 */
export const IPV6_BLOCKS: readonly AddressBlock[] = [
  { block: '::/128', class: 'unspecified' }, // Unspecified Address (RFC 4291)
  { block: '::1/128', class: 'loopback' }, // Loopback Address (RFC 4291)
  { block: '::/96', class: 'reserved', embeds: 'last-32-bits' }, // IPv4-compatible Address, deprecated (RFC 4291)
  { block: '::ffff:0:0/96', class: 'public', embeds: 'last-32-bits' }, // IPv4-mapped Address (RFC 4291)
  { block: '::ffff:0:0:0/96', class: 'transition', embeds: 'last-32-bits' }, // IPv4-translated Address (RFC 2765)
  { block: '64:ff9b::/96', class: 'public', embeds: 'last-32-bits' }, // IPv4-IPv6 Translation, well-known prefix (RFC 6052)
  { block: '64:ff9b:1::/48', class: 'transition' }, // IPv4-IPv6 Translation, local-use prefix (RFC 8215)
  { block: '100::/64', class: 'discard' }, // Discard-Only Address Block (RFC 6666)
  { block: '100:0:0:1::/64', class: 'reserved' }, // Dummy IPv6 Prefix (RFC 9780)
  { block: '2001::/23', class: 'reserved' }, // IETF Protocol Assignments (RFC 2928)
  { block: '2001::/32', class: 'transition', embeds: 'teredo' }, // TEREDO (RFC 4380)
  { block: '2001:1::1/128', class: 'public' }, // Port Control Protocol Anycast (RFC 7723)
  { block: '2001:1::2/128', class: 'public' }, // Traversal Using Relays around NAT Anycast (RFC 8155)
  { block: '2001:1::3/128', class: 'public' }, // DNS-SD Service Registration Protocol Anycast (RFC 9665)
  { block: '2001:2::/48', class: 'benchmarking' }, // Benchmarking (RFC 5180)
  { block: '2001:3::/32', class: 'public' }, // AMT (RFC 7450)
  { block: '2001:4:112::/48', class: 'public' }, // AS112-v6 (RFC 7535)
  { block: '2001:10::/28', class: 'reserved' }, // Deprecated (previously ORCHID, RFC 4843)
  { block: '2001:20::/28', class: 'public' }, // ORCHIDv2 (RFC 7343)
  { block: '2001:30::/28', class: 'public' }, // Drone Remote ID Protocol Entity Tags (RFC 9374)
  { block: '2001:db8::/32', class: 'documentation' }, // Documentation (RFC 3849)
  { block: '2002::/16', class: 'transition', embeds: '6to4' }, // 6to4 (RFC 3056)
  { block: '2620:4f:8000::/48', class: 'public' }, // Direct Delegation AS112 Service (RFC 7534)
  { block: '3fff::/20', class: 'documentation' }, // Documentation (RFC 9637)
  { block: '5f00::/16', class: 'reserved' }, // Segment Routing (SRv6) SIDs (RFC 9602)
  { block: 'fc00::/7', class: 'private' }, // Unique-Local (RFC 4193)
  { block: 'fe80::/10', class: 'link-local' }, // Link-Local Unicast (RFC 4291)
  { block: 'fec0::/10', class: 'private' }, // Site-Local, deprecated (RFC 3879)
  { block: 'ff00::/8', class: 'multicast' }, // Multicast (RFC 4291)
];

/** Outside 2000::/3 every IPv6 block not listed above is reserved by the IETF (IANA IPv6 Address Space registry). */
const GLOBAL_UNICAST = '2000::/3';

interface CompiledBlock extends AddressBlock {
  readonly prefix: number;
  readonly list: BlockList;
}

/** Most specific block first, so that 2001:1::1/128 wins over 2001::/23 and 0.0.0.0/32 over 0.0.0.0/8. */
function compile(blocks: readonly AddressBlock[], family: 'ipv4' | 'ipv6'): readonly CompiledBlock[] {
  return blocks
    .map((b) => {
      const [network = '', prefix = ''] = b.block.split('/');
      const list = new BlockList();
      list.addSubnet(network, Number(prefix), family);
      return { ...b, prefix: Number(prefix), list };
    })
    .sort((a, b) => b.prefix - a.prefix);
}

const V4 = compile(IPV4_BLOCKS, 'ipv4');
const V6 = compile(IPV6_BLOCKS, 'ipv6');
const [GLOBAL_UNICAST_BLOCK] = compile([{ block: GLOBAL_UNICAST, class: 'public' }], 'ipv6');

/** What the table says about one address. */
export interface AddressVerdict {
  readonly class: AddressClass;
  /** The registry row that decided, e.g. `203.0.113.0/24`; absent for an ordinary public address. */
  readonly block?: string;
  /** The IPv4 address an IPv6 one carries (IPv4-mapped, NAT64, 6to4, Teredo…), when it decided. */
  readonly embedded?: string;
}

/** The eight 16-bit groups of an IPv6 literal (isIP already accepted it), an embedded dotted quad included. */
function hextets(address: string): number[] {
  let text = address;
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((h) => Number.parseInt(h, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const dotted = (high: number, low: number): string => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/** The IPv4 addresses a block's embedding puts in `groups`; Teredo carries its server and its (inverted) client. */
function embeddedIpv4(groups: readonly number[], embeds: Embedding): string[] {
  const g = (i: number): number => groups[i] ?? 0;
  switch (embeds) {
    case 'last-32-bits':
      return [dotted(g(6), g(7))];
    case '6to4':
      return [dotted(g(1), g(2))];
    case 'teredo':
      return [dotted(~g(6) & 0xffff, ~g(7) & 0xffff), dotted(g(2), g(3))];
  }
}

function describeIpv4(address: string): AddressVerdict {
  const row = V4.find((b) => b.list.check(address, 'ipv4'));
  return row ? { class: row.class, block: row.block } : { class: 'public' };
}

function describeIpv6(address: string): AddressVerdict {
  const row = V6.find((b) => b.list.check(address, 'ipv6'));
  if (!row) return GLOBAL_UNICAST_BLOCK?.list.check(address, 'ipv6') ? { class: 'public' } : { class: 'reserved' };
  const verdict: AddressVerdict = { class: row.class, block: row.block };
  if (!row.embeds) return verdict;
  for (const ipv4 of embeddedIpv4(hextets(address), row.embeds)) {
    const inner = describeIpv4(ipv4);
    if (inner.class !== 'public') return { ...inner, embedded: ipv4 };
  }
  return verdict;
}

/**
 * Classifies an IP address literal with IANA's special-purpose registries, the most specific row deciding;
 * an IPv6 address that carries an IPv4 one is as unreachable as the IPv4 address inside. Anything that is
 * not an IP literal is `reserved`. A zone index (`fe80::1%eth0`) is ignored.
 */
export function describeAddress(address: string): AddressVerdict {
  const ip = address.replace(/%.*$/, '');
  const family = isIP(ip);
  if (family === 4) return describeIpv4(ip);
  if (family === 6) return describeIpv6(ip);
  return { class: 'reserved' };
}

export const classifyAddress = (address: string): AddressClass => describeAddress(address).class;
