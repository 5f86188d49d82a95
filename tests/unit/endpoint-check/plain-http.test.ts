import { addressesElsewhere, isThisMachine, plainHttpElsewhere } from '../../../functions/endpoint-check/plain-http';

describe('isThisMachine', () => {
  test.each(['127.0.0.1', '127.255.255.254', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1'])('is true for the loopback address %s', (address) => {
    expect(isThisMachine(address)).toBe(true);
  });

  test.each([
    ['a private address', '10.0.0.1'],
    ['a public address', '203.0.113.9'],
    ['the 6to4 form of 127.0.0.1, relayed off the machine', '2002:7f00:1::1'],
    ['the NAT64 form of 127.0.0.1, translated by a gateway', '64:ff9b::7f00:1'],
    ['the unspecified address', '0.0.0.0'],
    ['a link-local address with a zone', 'fe80::1%eth0'],
    ['a host name', 'localhost'],
  ])('is false for %s (%s)', (_what, address) => {
    expect(isThisMachine(address)).toBe(false);
  });
});

describe('addressesElsewhere', () => {
  test('keeps the addresses that leave the machine, in order', () => {
    expect(addressesElsewhere(['127.0.0.1', '10.0.0.5', '::1', '2002:7f00:1::1'])).toEqual(['10.0.0.5', '2002:7f00:1::1']);
  });
});

describe('plainHttpElsewhere', () => {
  test('says what is wrong and what to do, in one sentence', () => {
    expect(plainHttpElsewhere('o2.internal', ['10.0.0.5'], '--url')).toBe(
      'Plain http is allowed for local testing to this machine only, but o2.internal resolves to 10.0.0.5, which is not loopback; use https for --url.',
    );
  });
});
