/**
 * `USERNAME_MODE`: usernames kept, hashed or dropped, both in the `username` field and inside the payload
 * blobs (`requestParameters.username` would otherwise carry the name the field no longer shows).
 */
import { createHash } from 'node:crypto';
import type { UsernameMode } from './config';
import { isHiddenText } from './field-values';

/** Hex SHA-256 of `<scope>:<username>`, where scope is the user pool id, else the client id, else empty. */
export function hashUsername(scope: string | undefined, username: string): string {
  return createHash('sha256').update(`${scope ?? ''}:${username}`).digest('hex');
}

/** The `username` field under `mode`, or undefined when dropped. */
export function usernameField(mode: UsernameMode, scope: string | undefined, username: string | undefined): string | undefined {
  if (username === undefined || mode === 'drop') return undefined;
  return mode === 'hash' ? hashUsername(scope, username) : username;
}

function isUsernameKey(key: string): boolean {
  return key.length === 8 && key.toLowerCase() === 'username';
}

/**
 * A `JSON.stringify` replacer that applies `mode` to every `username` key (any case) of a payload blob;
 * undefined for `keep`, so the default mode stringifies at full speed. Hidden placeholders stay as they are.
 */
export function usernameReplacer(mode: UsernameMode, scope: string | undefined): ((key: string, value: unknown) => unknown) | undefined {
  if (mode === 'keep') return undefined;
  const replace = (value: unknown): unknown => {
    if (typeof value !== 'string' || value.length === 0 || isHiddenText(value)) return value;
    return mode === 'drop' ? undefined : hashUsername(scope, value);
  };
  return (key, value) => {
    if (!isUsernameKey(key)) return value;
    if (Array.isArray(value)) return mode === 'drop' ? undefined : value.map(replace);
    return replace(value);
  };
}
