import { ADDRESS_CLASSES, classifyAddress, describeAddress, IPV4_BLOCKS, IPV6_BLOCKS } from '../../../functions/endpoint-check/address-class';

/**
 * One case per row of IANA's IPv4 and IPv6 Special-Purpose Address Registries
 * (https://www.iana.org/assignments/iana-ipv4-special-registry/, .../iana-ipv6-special-registry/), written
 * from the registries and not from the table under test: an address inside the row, the class its
 * "Globally Reachable" column gives (True → public), and the row expected to decide.
 */
const IPV4_REGISTRY: ReadonlyArray<readonly [address: string, kind: string, block: string]> = [
  ['0.1.2.3', 'unspecified', '0.0.0.0/8'],
  ['0.0.0.0', 'unspecified', '0.0.0.0/32'],
  ['10.1.2.3', 'private', '10.0.0.0/8'],
  ['100.64.0.1', 'shared', '100.64.0.0/10'],
  ['127.0.0.1', 'loopback', '127.0.0.0/8'],
  ['169.254.169.254', 'link-local', '169.254.0.0/16'],
  ['172.31.255.255', 'private', '172.16.0.0/12'],
  ['192.0.0.200', 'reserved', '192.0.0.0/24'],
  ['192.0.0.1', 'reserved', '192.0.0.0/29'],
  ['192.0.0.8', 'reserved', '192.0.0.8/32'],
  ['192.0.0.9', 'public', '192.0.0.9/32'],
  ['192.0.0.10', 'public', '192.0.0.10/32'],
  ['192.0.0.170', 'reserved', '192.0.0.170/32'],
  ['192.0.0.171', 'reserved', '192.0.0.171/32'],
  ['192.0.2.1', 'documentation', '192.0.2.0/24'],
  ['192.31.196.1', 'public', '192.31.196.0/24'],
  ['192.52.193.1', 'public', '192.52.193.0/24'],
  ['192.88.99.1', 'reserved', '192.88.99.0/24'],
  ['192.88.99.2', 'reserved', '192.88.99.2/32'],
  ['192.168.1.1', 'private', '192.168.0.0/16'],
  ['192.175.48.1', 'public', '192.175.48.0/24'],
  ['198.19.255.1', 'benchmarking', '198.18.0.0/15'],
  ['198.51.100.7', 'documentation', '198.51.100.0/24'],
  ['203.0.113.5', 'documentation', '203.0.113.0/24'],
  ['224.0.0.1', 'multicast', '224.0.0.0/4'],
  ['240.0.0.1', 'reserved', '240.0.0.0/4'],
  ['255.255.255.255', 'broadcast', '255.255.255.255/32'],
];

const IPV6_REGISTRY: ReadonlyArray<readonly [address: string, kind: string, block: string]> = [
  ['::', 'unspecified', '::/128'],
  ['::1', 'loopback', '::1/128'],
  ['::8.8.8.8', 'reserved', '::/96'],
  ['::ffff:8.8.8.8', 'public', '::ffff:0:0/96'],
  ['::ffff:0:808:808', 'transition', '::ffff:0:0:0/96'],
  ['64:ff9b::808:808', 'public', '64:ff9b::/96'],
  ['64:ff9b:1::1', 'transition', '64:ff9b:1::/48'],
  ['100::1', 'discard', '100::/64'],
  ['100:0:0:1::1', 'reserved', '100:0:0:1::/64'],
  ['2001:100::1', 'reserved', '2001::/23'],
  ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', 'transition', '2001::/32'],
  ['2001:1::1', 'public', '2001:1::1/128'],
  ['2001:1::2', 'public', '2001:1::2/128'],
  ['2001:1::3', 'public', '2001:1::3/128'],
  ['2001:2::1', 'benchmarking', '2001:2::/48'],
  ['2001:3::1', 'public', '2001:3::/32'],
  ['2001:4:112::1', 'public', '2001:4:112::/48'],
  ['2001:10::1', 'reserved', '2001:10::/28'],
  ['2001:20::1', 'public', '2001:20::/28'],
  ['2001:30::1', 'public', '2001:30::/28'],
  ['2001:db8::1', 'documentation', '2001:db8::/32'],
  ['2002:808:808::1', 'transition', '2002::/16'],
  ['2620:4f:8000::1', 'public', '2620:4f:8000::/48'],
  ['3fff::1', 'documentation', '3fff::/20'],
  ['5f00::1', 'reserved', '5f00::/16'],
  ['fd12:3456::1', 'private', 'fc00::/7'],
  ['fe80::1', 'link-local', 'fe80::/10'],
  ['fec0::1', 'private', 'fec0::/10'],
  ['ff02::1', 'multicast', 'ff00::/8'],
];

describe('classifyAddress, one case per registry row', () => {
  test.each(IPV4_REGISTRY)('IPv4 %s is %s (row %s)', (address, kind, block) => {
    expect(describeAddress(address)).toMatchObject({ class: kind, block });
  });

  test.each(IPV6_REGISTRY)('IPv6 %s is %s (row %s)', (address, kind, block) => {
    expect(describeAddress(address)).toMatchObject({ class: kind, block });
  });

  test('every row of the table has a case above, and every case names a row of the table', () => {
    const tested = new Set([...IPV4_REGISTRY, ...IPV6_REGISTRY].map(([, , block]) => block));
    const table = new Set([...IPV4_BLOCKS, ...IPV6_BLOCKS].map((b) => b.block));

    expect([...table].filter((b) => !tested.has(b))).toEqual([]);
    expect([...tested].filter((b) => !table.has(b))).toEqual([]);
  });

  test('uses only the classes it declares', () => {
    for (const row of [...IPV4_BLOCKS, ...IPV6_BLOCKS]) expect(ADDRESS_CLASSES).toContain(row.class);
  });
});

describe('classifyAddress, IPv4 carried inside IPv6', () => {
  test.each([
    ['::7f00:1', 'loopback', '127.0.0.1', 'IPv4-compatible'],
    ['::127.0.0.1', 'loopback', '127.0.0.1', 'IPv4-compatible, dotted'],
    ['::ffff:127.0.0.1', 'loopback', '127.0.0.1', 'IPv4-mapped'],
    ['::ffff:7f00:1', 'loopback', '127.0.0.1', 'IPv4-mapped, hex'],
    ['::ffff:10.0.0.1', 'private', '10.0.0.1', 'IPv4-mapped'],
    ['::ffff:0:7f00:1', 'loopback', '127.0.0.1', 'IPv4-translated'],
    ['64:ff9b::a9fe:a9fe', 'link-local', '169.254.169.254', 'NAT64 of the instance metadata address'],
    ['64:ff9b::169.254.169.254', 'link-local', '169.254.169.254', 'NAT64, dotted'],
    ['64:ff9b::c0a8:1', 'private', '192.168.0.1', 'NAT64'],
    ['2002:7f00:1::1', 'loopback', '127.0.0.1', '6to4'],
    ['2002:c0a8:101::1', 'private', '192.168.1.1', '6to4'],
    ['2002:a9fe:a9fe::', 'link-local', '169.254.169.254', '6to4'],
    // Teredo: server 65.54.227.120, client stored inverted: ~7f00:0001 = 80ff:fffe.
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback', '127.0.0.1', 'Teredo client'],
    ['2001:0:a00:1:8000:63bf:f7f7:f7f7', 'private', '10.0.0.1', 'Teredo server'],
  ])('%s is %s because it carries %s (%s)', (address, kind, embedded) => {
    expect(describeAddress(address)).toMatchObject({ class: kind, embedded });
  });

  test('an IPv4-mapped or NAT64 public address stays public', () => {
    expect(classifyAddress('::ffff:8.8.8.8')).toBe('public');
    expect(classifyAddress('64:ff9b::8.8.8.8')).toBe('public');
  });
});

describe('classifyAddress, ordinary addresses', () => {
  test.each([
    ['93.184.215.14', 'public'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', 'public'],
    ['4000::1', 'reserved'],
    ['fe80::1%eth0', 'link-local'],
    ['FE80::1', 'link-local'],
    ['localhost', 'reserved'],
    ['', 'reserved'],
  ])('classifies %s as %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});
