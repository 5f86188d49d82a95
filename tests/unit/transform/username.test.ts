import { createHash } from 'node:crypto';
import { hashUsername, usernameField, usernameReplacer } from '../../../functions/transform/username';

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

  test('the replacer is absent with keep, so payloads stringify at full speed', () => {
    expect(usernameReplacer('keep', 'p')).toBeUndefined();
  });

  test('the replacer hashes every username key in a payload, at any depth and in any case', () => {
    const payload = { username: 'alice', user: { Username: 'bob', userName: ['carol'] }, other: 'alice' };

    const text = JSON.stringify(payload, usernameReplacer('hash', 'p'));

    expect(JSON.parse(text)).toEqual({
      username: sha256('p:alice'),
      user: { Username: sha256('p:bob'), userName: [sha256('p:carol')] },
      other: 'alice',
    });
  });

  test('the replacer drops username keys and leaves hidden placeholders as they are', () => {
    const payload = { username: 'alice', nested: { username: 'HIDDEN_DUE_TO_SECURITY_REASONS' }, list: { username: ['x'] } };

    const text = JSON.stringify(payload, usernameReplacer('drop', 'p'));

    expect(JSON.parse(text)).toEqual({ nested: { username: 'HIDDEN_DUE_TO_SECURITY_REASONS' }, list: {} });
  });
});
