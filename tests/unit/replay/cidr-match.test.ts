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
  ])('%s contains %s: %s', (network, address, inside) => {
    expect(cidrMatcher(network)!(address)).toBe(inside);
  });

  test.each(['10.0.0.0', '10.0.0.0/33', '10.0.0.0/x', '2001:db8::/129', 'host/8', '10.0.0.0/8/1'])('refuses %s', (network) => {
    expect(cidrMatcher(network)).toBeUndefined();
  });
});
