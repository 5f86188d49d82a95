import { MIN_SERVER_VERSION } from '../../../functions/shared/pack/constants';
import { formatVersion, isOlderThan, parseServerVersion } from '../../../functions/shared/pack/server-version';

describe('server versions', () => {
  test.each([
    ['v0.92.2', { major: 0, minor: 92, patch: 2 }],
    ['0.93.0-dev', { major: 0, minor: 93, patch: 0 }],
    ['v0.15.0-rc1', { major: 0, minor: 15, patch: 0 }],
    [' v1.2.3 ', { major: 1, minor: 2, patch: 3 }],
  ])('reads %s', (text, expected) => {
    expect(parseServerVersion(text)).toEqual(expected);
  });

  test.each(['', 'latest', 'v0.15'])('answers undefined for %j', (text) => {
    expect(parseServerVersion(text)).toBeUndefined();
  });

  test.each([
    ['v0.14.7', true],
    ['v0.9.99', true],
    ['v0.15.0', false],
    ['v0.16.0', false],
    ['v1.0.0', false],
  ])('%s is older than v0.15.0: %s', (text, older) => {
    const version = parseServerVersion(text);
    if (!version) throw new Error('unreadable');

    expect(isOlderThan(version, MIN_SERVER_VERSION)).toBe(older);
  });

  test('formats a version as the server spells it', () => {
    expect(formatVersion(MIN_SERVER_VERSION)).toBe('v0.15.0');
  });
});
