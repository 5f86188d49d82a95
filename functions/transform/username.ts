/**
 * `USERNAME_MODE`: usernames kept, hashed or dropped, both in the `username` field and inside the payload
 * blobs (`requestParameters.username` would otherwise carry the name the field no longer shows).
 *
 * The work per payload is bounded: a payload is walked once without recursion to find its `username` keys
 * (a payload without one is returned as it is), only the objects on the way to one are copied, and at most
 * `MAX_HASHED_USERNAMES` values are hashed. A hostile record of 1,000 KiB holding a quarter of a million
 * one-letter usernames would otherwise cost a quarter of a million hashes and 16 MB of hex per record.
 */
import { createHash } from 'node:crypto';
import type { UsernameMode } from './config';
import { isHiddenText } from './field-values';

/**
 * Username values hashed in one payload at most; those beyond are dropped, never kept. Cognito writes one
 * per payload (`username`, or managed login's one-element `username` array): 100 leaves room for any real
 * event and bounds a hostile one to 100 hashes.
 */
export const MAX_HASHED_USERNAMES = 100;

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

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/**
 * The objects and arrays of `root` on the way to a `username` key (the holders of such keys included):
 * empty when there is none. A depth-first walk with explicit stacks as deep as the payload (no recursion,
 * nothing kept per element): when a holder is found, the stack is the way to it.
 */
function pathsToUsernames(root: Container): Set<Container> {
  const onPath = new Set<Container>();
  const containers: Container[] = [];
  const keyLists: (string[] | undefined)[] = [];
  const positions: number[] = [];
  const enter = (node: Container): void => {
    containers.push(node);
    positions.push(0);
    if (Array.isArray(node)) {
      keyLists.push(undefined);
      return;
    }
    const keys = Object.keys(node);
    keyLists.push(keys);
    if (!keys.some(isUsernameKey)) return;
    for (let at = containers.length - 1; at >= 0 && !onPath.has(containers[at] as Container); at -= 1) onPath.add(containers[at] as Container);
  };
  enter(root);
  while (containers.length > 0) {
    const top = containers.length - 1;
    const node = containers[top] as Container;
    const keys = keyLists[top];
    let position = positions[top] as number;
    let next: Container | undefined;
    if (keys === undefined) {
      const items = node as unknown[];
      while (next === undefined && position < items.length) {
        const item = items[position++];
        if (isContainer(item)) next = item;
      }
    } else {
      const object = node as Record<string, unknown>;
      while (next === undefined && position < keys.length) {
        const child = object[keys[position++] as string];
        if (isContainer(child)) next = child;
      }
    }
    positions[top] = position;
    if (next !== undefined) {
      enter(next);
    } else {
      containers.pop();
      keyLists.pop();
      positions.pop();
    }
  }
  return onPath;
}

/** Applies `mode` to every `username` key of one payload, within the hashing budget. */
class UsernameScrubber {
  private hashed = 0;

  constructor(
    private readonly mode: 'hash' | 'drop',
    private readonly scope: string | undefined,
    private readonly onPath: Set<Container>,
  ) {}

  /** A string username hashed or dropped (undefined); placeholders and empty strings stay as they are. */
  private replace(value: string): string | undefined {
    if (value.length === 0 || isHiddenText(value)) return value;
    if (this.mode === 'drop' || this.hashed >= MAX_HASHED_USERNAMES) return undefined;
    this.hashed += 1;
    return hashUsername(this.scope, value);
  }

  private usernameValue(value: unknown): unknown {
    if (typeof value === 'string') return this.replace(value);
    if (!Array.isArray(value)) return this.copy(value);
    if (this.mode === 'drop') return undefined;
    const kept: unknown[] = [];
    for (const item of value) {
      const replaced = typeof item === 'string' ? this.replace(item) : isContainer(item) && this.onPath.has(item) ? this.copy(item) : item;
      if (replaced !== undefined) kept.push(replaced);
    }
    return kept;
  }

  /** `value` itself when no username lies below it, else a copy with every username key scrubbed. */
  copy(value: unknown): unknown {
    if (!isContainer(value) || !this.onPath.has(value)) return value;
    if (Array.isArray(value)) return value.map((item) => this.copy(item));
    const out: Record<string, unknown> = {};
    for (const key in value) {
      const scrubbed = isUsernameKey(key) ? this.usernameValue(value[key]) : this.copy(value[key]);
      if (scrubbed === undefined) continue;
      // A parsed `"__proto__"` key is an own property: keep it one, never a prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: scrubbed, enumerable: true, writable: true, configurable: true });
      else out[key] = scrubbed;
    }
    return out;
  }
}

/**
 * A function that applies `mode` to every `username` key (any case, any depth) of a payload blob, returning
 * the blob itself when it holds none; undefined for `keep`. Hidden placeholders stay as they are.
 */
export function usernameScrubber(mode: UsernameMode, scope: string | undefined): ((payload: unknown) => unknown) | undefined {
  if (mode === 'keep') return undefined;
  return (payload) => {
    if (!isContainer(payload)) return payload;
    const onPath = pathsToUsernames(payload);
    return onPath.size === 0 ? payload : new UsernameScrubber(mode, scope, onPath).copy(payload);
  };
}
