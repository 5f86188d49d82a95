/**
 * A record that holds several events. CloudWatch Logs' vended-log delivery, which carries Cognito's user
 * activity logs to Firehose, writes plain JSON, not the gzipped subscription envelope (Amazon Data Firehose
 * Developer Guide, "Send CloudWatch Logs to Firehose": decompression must stay off on a stream that receives
 * vended logs, or their ingestion fails), and AWS documents no framing of several events in one record. So
 * every framing that plain JSON allows is read: one object (with or without a trailing newline), objects one
 * per line (`\n` or `\r\n`, blank lines skipped), objects back to back (`{…}{…}`), and a JSON array of objects.
 * docs/reference/aws-contracts.md, "Cognito user activity logs", says what was verified and how.
 */
import { MAX_EVENTS_PER_RECORD } from './constants';

export type RecordValues = { readonly ok: true; readonly values: readonly unknown[] } | { readonly ok: false; readonly reason: string };

const NOT_JSON: RecordValues = { ok: false, reason: 'record is not JSON' };
const TOO_MANY: RecordValues = { ok: false, reason: `record holds more than ${MAX_EVENTS_PER_RECORD} JSON values` };
const NOT_OBJECTS: RecordValues = { ok: false, reason: 'record holds several JSON values, not all of them objects' };

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function isJsonSpace(code: number): boolean {
  return code === SPACE || code === LF || code === CR || code === TAB;
}

/**
 * The top-level objects and arrays of `text`, as text, separated by JSON whitespace only; undefined when
 * anything else is between them or the last one is cut off. Brackets inside strings do not count. Whether
 * each piece is valid JSON is left to JSON.parse.
 */
function topLevelPieces(text: string): string[] | 'too-many' | undefined {
  const pieces: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      if (depth === 0) return undefined;
      inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (depth === 0) start = i;
      depth += 1;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
      if (depth < 0) return undefined;
      if (depth === 0) {
        if (pieces.length === MAX_EVENTS_PER_RECORD) return 'too-many';
        pieces.push(text.slice(start, i + 1));
      }
    } else if (depth === 0 && !isJsonSpace(code)) {
      return undefined;
    }
  }
  return depth === 0 && !inString ? pieces : undefined;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The events of a record whose text is not one JSON value (JSON.parse failed on it): its objects, one per
 * line or back to back. Reasons never quote the content.
 * @example severalValues('{"a":1}\n{"b":2}\n') // { ok: true, values: [{ a: 1 }, { b: 2 }] }
 */
export function severalValues(text: string): RecordValues {
  const pieces = topLevelPieces(text);
  if (pieces === 'too-many') return TOO_MANY;
  if (pieces === undefined || pieces.length < 2) return NOT_JSON;
  const values: unknown[] = new Array(pieces.length);
  for (let i = 0; i < pieces.length; i += 1) {
    let value: unknown;
    try {
      value = JSON.parse(pieces[i] as string);
    } catch {
      // The parser's message quotes the content: never pass it on.
      return NOT_JSON;
    }
    if (!isObject(value)) return NOT_OBJECTS;
    values[i] = value;
  }
  return { ok: true, values };
}

/**
 * The events of a record that is one JSON array: its elements, when there are some and every one is an
 * object; undefined otherwise (the array is then no events).
 */
export function arrayValues(array: readonly unknown[]): RecordValues | undefined {
  if (array.length === 0 || !array.every(isObject)) return undefined;
  return array.length > MAX_EVENTS_PER_RECORD ? TOO_MANY : { ok: true, values: array };
}
