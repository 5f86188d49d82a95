/**
 * Splits a character stream into top-level JSON values without parsing them: one document, NDJSON,
 * concatenated objects (`{…}{…}`, as Firehose backup objects may be), pretty-printed or not. A top-level
 * array yields its elements one by one, so a large array of events never has to be held whole.
 *
 * Broken input costs only what is broken, never what follows it:
 * - NDJSON: once a value has started and ended on one line with a line break after it, the stream is read
 *   line by line: a line break always ends the value in progress, a line left incomplete is yielded as
 *   `broken`, and the next line is read afresh;
 * - anywhere: a line break inside a string, or a `{`/`[` opening a line straight after a complete value (a
 *   missing comma), is never valid JSON, so the value in progress is `broken` there and reading goes on;
 * - a value still open when the stream ends is `broken` when it lies on one line, and `truncated` (the rest
 *   of the object could not be read) when it spans several.
 */
import { StringDecoder } from 'node:string_decoder';
import { MAX_JSON_VALUE_CHARS } from './constants';

interface Place {
  /** 1-based line where the value starts. */
  readonly line: number;
  /** 1-based position of the value in the stream (elements of a top-level array count one each). */
  readonly ordinal: number;
  /** True when another value started earlier on the same line (`{…}{…}`). */
  readonly shared: boolean;
}

export type JsonValueText =
  /** A complete value; `structured` is false for text outside any object or array (a bare number, a word). */
  | (Place & { readonly kind: 'value'; readonly text: string; readonly structured: boolean })
  /** Text that cannot be a JSON value, ended where reading could resume; `lines` it spans. */
  | (Place & { readonly kind: 'broken'; readonly lines: number })
  /** The stream ended inside a value spanning `lines` lines and `bytes` bytes: the rest is unreadable. */
  | { readonly kind: 'truncated'; readonly line: number; readonly lines: number; readonly bytes: number };

/** How far a scan has got: the line it reads, for messages about an error that stops it. */
export interface ScanPosition {
  line: number;
}

const LINE_FEED = 0x0a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const BYTE_ORDER_MARK = 0xfeff;

function isSpace(code: number): boolean {
  return code === 0x20 || code === LINE_FEED || code === 0x0d || code === 0x09 || code === BYTE_ORDER_MARK;
}

/**
 * Brackets whose kind is remembered, innermost first: enough for any event, and a bound on memory for input
 * that is nothing but `[[[[…` (the depth itself is a counter). Deeper, a comma is taken to be an array's.
 */
const MAX_TRACKED_DEPTH = 4096;

/**
 * Whether a `{` or `[` may come after `last` inside the container `open` (`{`, `[`, or undefined when too
 * deep to be remembered): after `[`, `:`, or a comma in an array. Anywhere else (a complete value, `{`, a
 * comma in an object) it is a missing comma or key.
 */
function expectsValue(last: number, open: number | undefined): boolean {
  return last === OPEN_ARRAY || last === COLON || (last === COMMA && open !== OPEN_OBJECT);
}

/** Thrown when one value is larger than {@link MAX_JSON_VALUE_CHARS}: the object cannot be read safely. */
export class JsonValueTooLargeError extends Error {
  override name = 'JsonValueTooLargeError';
}

/**
 * Yields each top-level value of `chunks` (UTF-8 bytes), and what could not be read as one. Brackets inside
 * strings are skipped. `position` follows the line being read.
 * @example `{"a":1}\n{"b":2}` and `[{"a":1},{"b":2}]` both yield `{"a":1}` then `{"b":2}`.
 */
export async function* jsonValues(chunks: AsyncIterable<Uint8Array>, position: ScanPosition = { line: 1 }): AsyncGenerator<JsonValueText> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** Depth at which values are yielded: 0, or 1 inside a top-level array. */
  let base = 0;
  let inBare = false;
  let ordinal = 0;
  let line = 1;
  /** NDJSON: a line break ends whatever value is open. */
  let lineMode = false;
  /** The last value started and ended on this line, and nothing but space followed it yet. */
  let closedOnItsLine = false;
  /** Where the open value started. */
  let valueLine = 0;
  let valueShared = false;
  let lastStartLine = 0;
  /** Inside the open value: the last character that is not space, and whether a line break followed it. */
  let lastSignificant = 0;
  let breakSinceSignificant = false;
  /** The brackets open inside the value, innermost last, up to MAX_TRACKED_DEPTH. */
  const open: number[] = [];
  /** Brackets open beyond those. */
  let untracked = 0;
  const push = (code: number): void => {
    if (open.length < MAX_TRACKED_DEPTH) open.push(code);
    else untracked++;
  };
  const pop = (): void => {
    if (untracked > 0) untracked--;
    else open.pop();
  };

  const place = (): Place => ({ line: valueLine, ordinal: ++ordinal, shared: valueShared });

  const take = (text: string, from: number, to: number, structured: boolean): JsonValueText | undefined => {
    const value = pending + text.slice(from, to);
    pending = '';
    position.line = line;
    return value.trim() !== '' ? { kind: 'value', text: value, structured, ...place() } : undefined;
  };

  /** The open value cannot be JSON; it ends on `lastLine`, and reading resumes at depth `base`. */
  const broken = (lastLine: number): JsonValueText => {
    pending = '';
    depth = base;
    open.length = 0;
    untracked = 0;
    inString = false;
    escaped = false;
    inBare = false;
    position.line = line;
    return { kind: 'broken', lines: lastLine - valueLine + 1, ...place() };
  };

  const startValue = (): void => {
    valueLine = line;
    valueShared = lastStartLine === line;
    lastStartLine = line;
    breakSinceSignificant = false;
  };

  const scan = function* (text: string): Generator<JsonValueText> {
    const length = text.length;
    let start = depth > base || inBare ? 0 : -1;
    let nextBreak = -1;
    for (let i = 0; i < length; i++) {
      if (inString) {
        // Jump to the closing quote: most of the bytes of an event are inside strings.
        if (escaped) {
          escaped = false;
          if (text.charCodeAt(i) !== LINE_FEED) i++;
        }
        const from = i;
        let quote = text.indexOf('"', from);
        while (quote !== -1) {
          let k = quote - 1;
          while (k >= from && text.charCodeAt(k) === BACKSLASH) k--;
          if ((quote - 1 - k) % 2 === 0) break;
          quote = text.indexOf('"', quote + 1);
        }
        if (nextBreak < from) {
          nextBreak = text.indexOf('\n', from);
          if (nextBreak === -1) nextBreak = length;
        }
        if (nextBreak < (quote === -1 ? length : quote)) {
          // A raw line break inside a string is never JSON.
          yield broken(line);
          start = -1;
          i = nextBreak;
          line++;
          continue;
        }
        if (quote === -1) {
          let k = length - 1;
          while (k >= from && text.charCodeAt(k) === BACKSLASH) k--;
          escaped = (length - 1 - k) % 2 === 1;
          break;
        }
        inString = false;
        lastSignificant = QUOTE;
        breakSinceSignificant = false;
        i = quote;
        continue;
      }
      const code = text.charCodeAt(i);
      if (inBare) {
        if (!isSpace(code) && code !== OPEN_OBJECT && code !== OPEN_ARRAY && code !== COMMA && code !== CLOSE_ARRAY) continue;
        inBare = false;
        const value = take(text, start, i, false);
        if (value) yield value;
        start = -1;
      }
      if (code === LINE_FEED) {
        if (depth > base) {
          if (lineMode) {
            yield broken(line);
            start = -1;
          } else breakSinceSignificant = true;
        } else if (closedOnItsLine) lineMode = true;
        line++;
        continue;
      }
      if (depth === base) {
        if (isSpace(code) || (base === 1 && code === COMMA)) continue;
        closedOnItsLine = false;
        if (base === 1 && code === CLOSE_ARRAY) {
          base = 0;
          depth = 0;
          continue;
        }
        if (base === 0 && code === OPEN_ARRAY) {
          // A top-level array: its elements are the values.
          base = 1;
          depth = 1;
          continue;
        }
        start = i;
        startValue();
        if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
          depth++;
          push(code);
          lastSignificant = code;
        } else if (code === QUOTE) {
          inString = true;
          inBare = true;
        } else inBare = true;
        continue;
      }
      if (code === QUOTE) inString = true;
      else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
        if (breakSinceSignificant && !expectsValue(lastSignificant, untracked > 0 ? undefined : open[open.length - 1])) {
          // A value opens a line where none may: the line before was cut short.
          yield broken(line - 1);
          start = i;
          startValue();
        }
        depth++;
        push(code);
      } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
        depth--;
        pop();
        if (depth === base) {
          const value = take(text, start, i + 1, true);
          if (value) yield value;
          start = -1;
          closedOnItsLine = valueLine === line;
          continue;
        }
      } else if (isSpace(code)) continue;
      lastSignificant = code;
      breakSinceSignificant = false;
    }
    if (start >= 0) {
      pending += text.slice(start);
      if (pending.length > MAX_JSON_VALUE_CHARS) {
        throw new JsonValueTooLargeError(`a JSON value is larger than ${MAX_JSON_VALUE_CHARS} characters`);
      }
    }
    position.line = line;
  };

  for await (const chunk of chunks) {
    yield* scan(decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
  }
  yield* scan(decoder.end());
  const rest = pending.trimEnd();
  if (rest.trim() === '') return;
  if (inBare && !inString) {
    yield { kind: 'value', text: rest, structured: false, ...place() };
    return;
  }
  let lines = 1;
  for (let at = rest.indexOf('\n'); at !== -1; at = rest.indexOf('\n', at + 1)) lines++;
  if (lines === 1) yield broken(valueLine);
  else yield { kind: 'truncated', line: valueLine, lines, bytes: Buffer.byteLength(rest) };
}
