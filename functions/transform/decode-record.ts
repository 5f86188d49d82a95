/**
 * One Firehose record's `data` → a parsed JSON object (or several: record-values.ts), or the reason it is not
 * one. Checks, in order: present, standard padded base64, at most `MAX_RECORD_BYTES` decoded, UTF-8, JSON, an
 * object (docs/reference/aws-contracts.md#firehose-record-transformation,
 * docs/reference/design.md#other-input). Reasons never quote the content.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { MAX_RECORD_BYTES } from './constants';
import { arrayValues, severalValues } from './record-values';
import { scratchBuffer } from './scratch-buffer';

export type DecodedRecord =
  | {
      ok: true;
      value: unknown;
      bytes: number;
      /**
       * Present when the text had no backslash: then JSON.stringify would write every string in `value` as
       * itself between quotes. It escapes only `"`, `\`, control characters and lone surrogates; the first
       * three need a backslash in JSON text (raw control characters do not parse), and valid UTF-8 holds no
       * lone surrogate, so only a `\u` escape could make one. Non-ASCII text qualifies as well.
       */
      plainStrings?: true;
      /**
       * Present with `plainStrings` when the text is ASCII as well: then so is every string in `value`, since
       * ASCII JSON text can write any other character only as a `\u` escape, which needs a backslash.
       */
      asciiStrings?: true;
      /**
       * Present when the record held several events (objects one per line, back to back, or in an array):
       * every one of them, in order; `value` is then the first.
       */
      values?: readonly unknown[];
    }
  | { ok: false; reason: string };

/** The longest base64 text whose decoded bytes can be within `MAX_RECORD_BYTES`. */
const MAX_BASE64_CHARS = Math.ceil(MAX_RECORD_BYTES / 3) * 4;
const BYTE_ORDER_MARK = 0xfeff;
const EQUALS = 61;

/** Bytes that `base64` decodes to, from its length and padding alone (exact for valid base64). */
export function base64DecodedLength(base64: string): number {
  const length = base64.length;
  let padding = 0;
  if (length > 0 && base64.charCodeAt(length - 1) === EQUALS) padding = length > 1 && base64.charCodeAt(length - 2) === EQUALS ? 2 : 1;
  return Math.max(0, Math.floor((length * 3) / 4) - padding);
}

function tooLarge(bytes: number): DecodedRecord {
  return { ok: false, reason: `record is ${bytes} bytes, over the ${MAX_RECORD_BYTES}-byte limit` };
}

/**
 * Decodes and parses one record. `bytes` is the decoded size.
 * @example decodeRecordData('eyJhIjoxfQ==') // { ok: true, value: { a: 1 }, bytes: 7, plainStrings: true, asciiStrings: true }
 */
export function decodeRecordData(base64: string): DecodedRecord {
  if (typeof base64 !== 'string' || base64.length === 0) return { ok: false, reason: 'record is empty' };
  if (base64.length > MAX_BASE64_CHARS) return tooLarge(base64DecodedLength(base64));
  // Node's decoder skips characters outside the alphabet and accepts the URL-safe one; a length that
  // does not match the padding, or a '-' or '_', is how invalid input shows.
  if (base64.length % 4 !== 0 || base64.indexOf('-') !== -1 || base64.indexOf('_') !== -1) {
    return { ok: false, reason: 'record is not valid base64' };
  }
  // Decoded into the reused scratch buffer, as Buffer.from(base64, 'base64') would (the same write, the same
  // length limit), minus the allocation: fewer bytes than expected means characters were skipped.
  const expected = base64DecodedLength(base64);
  const scratch = scratchBuffer(expected);
  const length = scratch.write(base64, 0, expected, 'base64');
  if (length !== expected) return { ok: false, reason: 'record is not valid base64' };
  if (length === 0) return { ok: false, reason: 'record is empty' };
  if (length > MAX_RECORD_BYTES) return tooLarge(length);
  const decoded = scratch.subarray(0, length);
  // ASCII is UTF-8 (the usual record needs no second check), and latin1, the cheaper decoder, reads it the same.
  const ascii = isAscii(decoded);
  if (!ascii && !isUtf8(decoded)) return { ok: false, reason: 'record is not UTF-8' };
  let text = scratch.toString(ascii ? 'latin1' : 'utf8', 0, length);
  if (text.charCodeAt(0) === BYTE_ORDER_MARK) text = text.slice(1);
  let value: unknown;
  let values: readonly unknown[] | undefined;
  try {
    value = JSON.parse(text);
  } catch {
    // Not one JSON value: maybe several events (the parser's message quotes the content: never pass it on).
    const several = severalValues(text);
    if (!several.ok) return several;
    values = several.values;
    value = values[0];
  }
  if (value === null || typeof value !== 'object') {
    return { ok: false, reason: `record is JSON ${value === null ? 'null' : `of type ${typeof value}`}, not an object` };
  }
  if (Array.isArray(value)) {
    const elements = arrayValues(value);
    if (elements === undefined) return { ok: false, reason: 'record is a JSON array, not an object' };
    if (!elements.ok) return elements;
    values = elements.values;
    value = values[0];
  }
  // Hot path: one scan of the text spares the output line a check of every string it quotes (record-line.ts).
  if (text.indexOf('\\') !== -1) return values === undefined ? { ok: true, value, bytes: length } : { ok: true, value, values, bytes: length };
  if (values !== undefined) {
    return ascii ? { ok: true, value, values, bytes: length, plainStrings: true, asciiStrings: true } : { ok: true, value, values, bytes: length, plainStrings: true };
  }
  return ascii ? { ok: true, value, bytes: length, plainStrings: true, asciiStrings: true } : { ok: true, value, bytes: length, plainStrings: true };
}
