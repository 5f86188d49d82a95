/**
 * Splits a character stream into top-level JSON values without parsing them: one document, NDJSON,
 * concatenated objects (`{…}{…}`, as Firehose backup objects may be), pretty-printed or not. A top-level
 * array yields its elements one by one, so a large array of events never has to be held whole.
 */
import { StringDecoder } from 'node:string_decoder';
import { MAX_JSON_VALUE_CHARS } from './constants';

export interface JsonValueText {
  /** The value's JSON text, or the stray text that is no JSON value. */
  readonly text: string;
  /** 1-based position of the value in the stream (elements of a top-level array count one each). */
  readonly ordinal: number;
  /** False for text outside any object or array (a bare number, a word): JSON.parse is not worth trying. */
  readonly structured: boolean;
}

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const BYTE_ORDER_MARK = 0xfeff;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === BYTE_ORDER_MARK;
}

/** Thrown when one value is larger than {@link MAX_JSON_VALUE_CHARS}: the object cannot be read safely. */
export class JsonValueTooLargeError extends Error {
  override name = 'JsonValueTooLargeError';
}

/**
 * Yields each top-level value of `chunks` (UTF-8 bytes). Brackets inside strings are skipped; an
 * unbalanced value at the end of the stream is yielded as it is, for JSON.parse to reject.
 * @example `{"a":1}\n{"b":2}` and `[{"a":1},{"b":2}]` both yield `{"a":1}` then `{"b":2}`.
 */
export async function* jsonValues(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<JsonValueText> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** Depth at which values are yielded: 0, or 1 inside a top-level array. */
  let base = 0;
  let inBare = false;
  let ordinal = 0;

  const take = function* (text: string, from: number, to: number, structured: boolean): Generator<JsonValueText> {
    const value = pending + text.slice(from, to);
    pending = '';
    if (value.trim() !== '') yield { text: value, ordinal: ++ordinal, structured };
  };

  const scan = function* (text: string): Generator<JsonValueText> {
    let start = depth > base || inBare ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (code === BACKSLASH) escaped = true;
        else if (code === QUOTE) inString = false;
        continue;
      }
      if (inBare) {
        if (!isSpace(code) && code !== OPEN_OBJECT && code !== OPEN_ARRAY && code !== COMMA && code !== CLOSE_ARRAY) continue;
        inBare = false;
        yield* take(text, start, i, false);
        start = -1;
      }
      if (depth === base) {
        if (isSpace(code) || (base === 1 && code === COMMA)) continue;
        if (base === 1 && code === CLOSE_ARRAY) {
          base = 0;
          depth = 0;
          continue;
        }
        if (base === 0 && depth === 0 && code === OPEN_ARRAY) {
          // A top-level array: its elements are the values.
          base = 1;
          depth = 1;
          continue;
        }
        start = i;
        if (code === OPEN_OBJECT || code === OPEN_ARRAY) depth++;
        else if (code === QUOTE) {
          inString = true;
          inBare = true;
        } else inBare = true;
        continue;
      }
      if (code === QUOTE) inString = true;
      else if (code === OPEN_OBJECT || code === OPEN_ARRAY) depth++;
      else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
        depth--;
        if (depth === base) {
          yield* take(text, start, i + 1, true);
          start = -1;
        }
      }
    }
    if (start >= 0) {
      pending += text.slice(start);
      if (pending.length > MAX_JSON_VALUE_CHARS) {
        throw new JsonValueTooLargeError(`a JSON value is larger than ${MAX_JSON_VALUE_CHARS} characters`);
      }
    }
  };

  for await (const chunk of chunks) {
    yield* scan(decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
  }
  yield* scan(decoder.end());
  if (pending.trim() !== '') yield { text: pending, ordinal: ++ordinal, structured: !inBare };
}
