import { createHash } from 'node:crypto';
import { MAX_HASHED_USERNAMES, hashUsername, usernameField, usernameScrubber } from '../../../functions/transform/username';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('username', () => {
  test('hashes <user_pool_id or client_id>:<username> as hex SHA-256', () => {
    expect(hashUsername('eu-west-1_Ab12Cd34E', 'alice')).toBe(sha256('eu-west-1_Ab12Cd34E:alice'));
    expect(hashUsername(undefined, 'alice')).toBe(sha256(':alice'));
  });

  test('the hash is stable per pool and differs between pools', () => {
    expect(hashUsername('pool-a', 'alice')).toBe(hashUsername('pool-a', 'alice'));
    expect(hashUsername('pool-a', 'alice')).not.toBe(hashUsername('pool-b', 'alice'));
  });

  test('usernameField keeps, hashes or drops', () => {
    expect(usernameField('keep', 'p', 'alice')).toBe('alice');
    expect(usernameField('hash', 'p', 'alice')).toBe(sha256('p:alice'));
    expect(usernameField('drop', 'p', 'alice')).toBeUndefined();
    expect(usernameField('keep', 'p', undefined)).toBeUndefined();
  });

  test('the scrubber is absent with keep, so payloads stringify at full speed', () => {
    expect(usernameScrubber('keep', 'p')).toBeUndefined();
  });

  test('the scrubber hashes every username key in a payload, at any depth and in any case', () => {
    const payload = { username: 'alice', user: { Username: 'bob', userName: ['carol'] }, list: [{ USERNAME: 'dave' }], other: 'alice' };

    const scrubbed = usernameScrubber('hash', 'p')?.(payload);

    expect(scrubbed).toEqual({
      username: sha256('p:alice'),
      user: { Username: sha256('p:bob'), userName: [sha256('p:carol')] },
      list: [{ USERNAME: sha256('p:dave') }],
      other: 'alice',
    });
  });

  test('the scrubber drops username keys and leaves hidden placeholders as they are', () => {
    const payload = { username: 'alice', nested: { username: 'HIDDEN_DUE_TO_SECURITY_REASONS' }, list: { username: ['x'] } };

    expect(usernameScrubber('drop', 'p')?.(payload)).toEqual({ nested: { username: 'HIDDEN_DUE_TO_SECURITY_REASONS' }, list: {} });
  });

  test('a payload without a username key comes back as it is; one with copies only the way to it', () => {
    const untouched = { a: [{ b: 'alice' }], c: { d: 1 } };
    const payload = { kept: { deep: [1, 2] }, way: { username: 'alice' } };

    const scrubbed = usernameScrubber('hash', 'p')?.(payload) as typeof payload;

    expect(usernameScrubber('hash', 'p')?.(untouched)).toBe(untouched);
    expect(scrubbed.kept).toBe(payload.kept);
    expect(scrubbed.way).not.toBe(payload.way);
    expect(payload.way.username).toBe('alice');
    for (const value of ['alice', 1, null, ['username']]) expect(usernameScrubber('hash', 'p')?.(value)).toBe(value);
  });

  test('a parsed "__proto__" key stays an own key of the copy', () => {
    const payload = JSON.parse('{"__proto__":{"polluted":1},"username":"x"}') as unknown;

    const scrubbed = usernameScrubber('hash', 'p')?.(payload) as Record<string, unknown>;

    expect(Object.getPrototypeOf(scrubbed)).toBe(Object.prototype);
    expect(JSON.stringify(scrubbed)).toBe(`{"__proto__":{"polluted":1},"username":"${sha256('p:x')}"}`);
  });

  test(`hashes at most ${MAX_HASHED_USERNAMES} usernames in a payload and drops the rest, never keeping them`, () => {
    // Prepare: a hostile record near 1,000 KiB, a quarter of a million one-letter usernames in one array.
    const names = Array.from({ length: 250_000 }, (_, index) => String.fromCharCode(97 + (index % 26)));
    const payload = { username: names, more: [{ username: 'zoe' }, { UserName: ['yan', 'HIDDEN_DUE_TO_SECURITY_REASONS'] }] };

    // Act
    const text = JSON.stringify(usernameScrubber('hash', 'p')?.(payload));

    // Assess
    const scrubbed = JSON.parse(text) as { username: string[]; more: [Record<string, unknown>, { UserName: string[] }] };
    expect(scrubbed.username).toHaveLength(MAX_HASHED_USERNAMES);
    expect(scrubbed.username.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
    expect(scrubbed.more).toEqual([{}, { UserName: ['HIDDEN_DUE_TO_SECURITY_REASONS'] }]);
    expect(text.length).toBeLessThan(10_000);
  });

  test('the budget is per payload: the next one hashes again', () => {
    const scrub = usernameScrubber('hash', 'p');
    const many = { username: Array.from({ length: MAX_HASHED_USERNAMES + 5 }, () => 'a') };

    scrub?.(many);

    expect(scrub?.({ username: 'bob' })).toEqual({ username: sha256('p:bob') });
  });

  test('payloads nested far too deep for recursion are walked without it', () => {
    let deep: unknown = { username: 'alice' };
    for (let level = 0; level < 100_000; level += 1) deep = { level: deep };
    let noUsername: unknown = {};
    for (let level = 0; level < 100_000; level += 1) noUsername = [noUsername];

    expect(usernameScrubber('hash', 'p')?.(noUsername)).toBe(noUsername);
    // The way to the username is copied by recursion: too deep, it throws, and the record (not the batch) fails.
    expect(() => usernameScrubber('hash', 'p')?.(deep)).toThrow(RangeError);
  });
});
