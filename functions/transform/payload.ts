/**
 * The nested CloudTrail blobs (`requestParameters`, `responseElements`, `additionalEventData`, other events'
 * `detail`) under `PAYLOAD_MODE`. As JSON text (default) they are one string column each, whatever they hold:
 * raw, they would flatten into a column per key and can push a stream past OpenObserve's 1,000-column limit
 * or change a column's type (docs/reference/openobserve-firehose-ingestion.md#field-names-and-types).
 */
import type { PayloadMode } from './config';
import { asObject, hasEntries, isHidden, type JsonObject } from './field-values';
import { withoutLoneSurrogates } from './json-text';

/** Rewrites a payload before it is written (`USERNAME_MODE`); returns the payload itself when nothing changes. */
export type Scrub = (payload: unknown) => unknown;

/**
 * Deepest object kept nested with PAYLOAD_MODE=nested: OpenObserve's parser (serde_json) fails a line nested
 * deeper than 127 levels, and with it the whole request; a deeper blob is written as JSON text instead.
 */
export const MAX_NESTED_DEPTH = 100;

/** True when `value` nests objects or arrays deeper than `limit` levels (iterative: no stack to overflow). */
function deeperThan(value: object, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [current, depth] = item;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * `json`: JSON text of any non-empty value. `nested`: a non-empty object stays an object unless nested
 * deeper than `MAX_NESTED_DEPTH`; anything else is JSON text. `drop`: nothing. `scrub` rewrites the value
 * first. Null, empty strings, `{}`, `[]` and the hidden placeholder give nothing in every mode.
 */
export function payloadField(original: unknown, mode: PayloadMode, scrub: Scrub | undefined): string | JsonObject | undefined {
  if (mode === 'drop' || original === undefined || original === null || original === '' || isHidden(original)) return undefined;
  const value = scrub === undefined ? original : scrub(original);
  if (mode === 'nested') {
    const object = asObject(value);
    if (object !== undefined && !hasEntries(object)) return undefined;
    if (object !== undefined && !deeperThan(object, MAX_NESTED_DEPTH)) return object;
  }
  const text = JSON.stringify(value);
  // Empty objects and arrays (also those a scrub emptied) are told by their text: cheaper than looking first.
  if (text === undefined || text === '{}' || text === '[]') return undefined;
  // The text must parse anywhere, not only in the line around it: no lone-surrogate escapes.
  return withoutLoneSurrogates(text);
}
