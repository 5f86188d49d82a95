/**
 * OpenObserve's field-name and flattening rules (contract "Field names and types";
 * `src/config/src/utils/flatten.rs`, `ZO_INGEST_FLATTEN_LEVEL` default 3).
 */
import type { SerdeObject, SerdeValue } from './serde-json';
import { serdeToString } from './serde-to-string';

/** `ZO_INGEST_FLATTEN_LEVEL` default: objects nested deeper than this become JSON strings. */
export const FLATTEN_LEVEL_DEFAULT = 3;
const KEY_SEPARATOR = '_';
const STORED_KEY = /^[a-z0-9_]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole 7-bit range, control characters included, is ASCII
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_NOT_STORED = /[^a-z0-9_]/g;
const LOWERCASE = /\p{Lowercase}/u;
const NUMERIC = /\p{N}/u;
const UPPERCASE = /\p{Uppercase}/u;

/**
 * The column name OpenObserve stores for a key: ASCII lowercased, other ASCII outside `[a-z0-9_]` → `_`;
 * a non-ASCII key keeps lowercase letters and numerals, lowercases capitals, and turns the rest into `_`.
 * @example normaliseKey('userAgent') === 'useragent'; normaliseKey('detail-type') === 'detail_type'
 */
export function normaliseKey(key: string): string {
  if (STORED_KEY.test(key)) return key;
  if (ASCII.test(key)) return key.toLowerCase().replace(ASCII_NOT_STORED, '_');
  let out = '';
  for (const c of key) {
    if (LOWERCASE.test(c) || NUMERIC.test(c)) out += c;
    else if (UPPERCASE.test(c)) out += [...c.toLowerCase()][0] ?? '_';
    else out += '_';
  }
  return out;
}

/** Scalar leaves after flattening: objects and arrays deeper than the level are already JSON text. */
export type FlatValue = Exclude<SerdeValue, SerdeValue[] | SerdeObject>;

/**
 * Flattens one top-level object: nested keys joined with `_` up to `level` levels, deeper objects and every
 * array as compact JSON text (serde_json's, keys sorted), `{}` and `[]` left out. Keys are normalised; two
 * keys that normalise to the same name overwrite each other (the later wins). `null` is still present here.
 */
export function flattenObject(object: SerdeObject, level: number = FLATTEN_LEVEL_DEFAULT): Map<string, FlatValue> {
  const out = new Map<string, FlatValue>();
  flattenInto(object, '', 0, level, out);
  return out;
}

function flattenInto(object: SerdeObject, parent: string, depth: number, level: number, out: Map<string, FlatValue>): void {
  if (object.size === 0) return;
  if (level > 0 && depth >= level) {
    out.set(parent, serdeToString(object));
    return;
  }
  for (const [rawKey, value] of object) {
    const key = depth > 0 ? `${parent}${KEY_SEPARATOR}${normaliseKey(rawKey)}` : normaliseKey(rawKey);
    if (value instanceof Map) flattenInto(value, key, depth + 1, level, out);
    else if (Array.isArray(value)) {
      if (value.length > 0) out.set(key, serdeToString(value));
    } else out.set(key, value);
  }
}
