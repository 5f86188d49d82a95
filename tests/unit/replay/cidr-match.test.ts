import { cidrMatcher } from '../../../cli/replay/cidr-match';

describe('cidrMatcher', () => {
  test.each([
    ['10.0.0.0/24', '10.0.0.255', true],
    ['10.0.0.0/24', '10.0.1.0', false],
    ['0.0.0.0/0', '198.51.100.7', true],
    ['198.51.100.7/32', '198.51.100.7', true],
    ['2001:db8::/32', '2001:db8:4f2a::17', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::ffff:0:0/96', '::ffff:192.0.2.1', true],
    ['10.0.0.0/8', '2001:db8::1', false],
    ['2001:db8::/32', '10.0.0.1', false],
    ['10.0.0.0/8', 'not an ip', false],
    // Both families and the IPv4-mapped forms: a mapped address is IPv6, whichever way it is written.
    ['10.0.0.0/8', '::ffff:10.1.2.3', false],
    ['10.0.0.0/8', '::ffff:a01:203', false],
    ['::ffff:0:0/96', '::ffff:a01:203', true],
    ['::ffff:10.0.0.0/104', '::ffff:10.255.0.1', true],
    ['::ffff:10.0.0.0/104', '::ffff:11.0.0.1', false],
    ['::ffff:a00:0/104', '::ffff:10.9.9.9', true],
    ['::/0', '::ffff:192.0.2.1', true],
    ['::/0', '192.0.2.1', false],
    ['0.0.0.0/0', '::', false],
    ['64:ff9b::/96', '64:ff9b::a9fe:a9fe', true],
    ['64:ff9b::/96', '64:ff9b::169.254.169.254', true],
    ['2001:db8:0:0:0:0:0:0/128', '2001:db8::', true],
    ['2001:DB8::/32', '2001:db8::1', true],
    ['fe80::/10', 'fe80::1%eth0', true],
    ['10.0.0.1/032', '10.0.0.1', true],
    ['10.0.0.1/0', '255.255.255.255', true],
  ])('%s contains %s: %s', (network, address, inside) => {
    expect(cidrMatcher(network)!(address)).toBe(inside);
  });

  test.each(['10.0.0.0', '10.0.0.0/33', '10.0.0.0/x', '10.0.0.0/', '10.0.0.0/-1', '2001:db8::/129', 'host/8', '10.0.0.0/8/1', '010.0.0.0/8'])('refuses %s', (network) => {
    expect(cidrMatcher(network)).toBeUndefined();
  });
});
