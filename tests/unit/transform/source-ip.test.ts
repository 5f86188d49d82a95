import { truncateSourceIp } from '../../../functions/transform/source-ip';

describe('truncateSourceIp', () => {
  test.each([
    ['198.51.100.23', '198.51.100.0'],
    ['10.0.0.255', '10.0.0.0'],
    ['0.0.0.0', '0.0.0.0'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::'],
    ['2001:0DB8:85A3:0000:0000:8A2E:0370:7334', '2001:db8:85a3::'],
    ['2001:db8::1', '2001:db8::'],
    ['2001::85a3:1:2:3:4:5', '2001:0:85a3::'],
    ['::1', '::'],
    ['::', '::'],
    ['fe80::1%eth0', 'fe80::'],
    ['::ffff:198.51.100.23', '::ffff:198.51.100.0'],
    ['64:ff9b::198.51.100.23', '64:ff9b::'],
  ])('truncates %s to %s', (input, expected) => {
    expect(truncateSourceIp(input)).toBe(expected);
  });

  test.each([
    'cognito-idp.amazonaws.com',
    'AWS Internal',
    '256.1.1.1',
    '1.2.3',
    '1.2.3.4.5',
    '2001:db8::1::2',
    '1:2:3:4:5:6:7:8:9',
    '12345::1',
    'g::1',
    ':',
    '',
  ])('passes %p unchanged: not an IP address', (input) => {
    expect(truncateSourceIp(input)).toBe(input);
  });
});
