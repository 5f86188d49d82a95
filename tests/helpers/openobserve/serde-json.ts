/**
 * A JSON reader that accepts and rejects exactly what OpenObserve's `serde_json::from_str` does, and keeps
 * what `JSON.parse` throws away: whether a number was written as an integer or a float (OpenObserve's
 * column type), and object keys in input order.
 *
 * Differences from `JSON.parse` that matter for a Firehose record (serde_json 1.x):
 * - a lone UTF-16 surrogate escape (`"\ud800"`) is an error;
 * - nesting deeper than 127 arrays/objects is an error (recursion limit 128);
 * - an integer literal outside the i64/u64 range becomes a float; a float that overflows is an error.
 */

/** A float as serde_json holds it (`f64`), kept apart from integers so the column type is known. */
export class JsonFloat {
  constructor(readonly value: number) {}
}

export type SerdeValue =
  | null
  | boolean
  | number
  | JsonFloat
  | string
  | SerdeValue[]
  | SerdeObject;

/** Object entries in input order; a repeated key keeps its first position and its last value (serde_json). */
export type SerdeObject = Map<string, SerdeValue>;

/** `duplicateKeys`: keys repeated within one object, at any depth (serde_json keeps the last value). */
export type SerdeParse = { ok: true; value: SerdeValue; duplicateKeys: string[] } | { ok: false; reason: string };

// serde_json's `remaining_depth` starts at 128 and an error is raised when it reaches 0.
const MAX_NESTING = 127;
const U64_MAX = 18446744073709551615n;
const I64_MIN = -9223372036854775808n;

class SerdeError extends Error {
  override name = 'SerdeError';
}

/** Parses one complete JSON value; surrounding whitespace (space, tab, CR, LF) is allowed, nothing else. */
export function parseSerdeJson(text: string): SerdeParse {
  const reader = new Reader(text);
  try {
    reader.skipWhitespace();
    const value = reader.value(0);
    reader.skipWhitespace();
    if (reader.pos < text.length) throw new SerdeError(`trailing characters at column ${reader.pos + 1}`);
    return { ok: true, value, duplicateKeys: reader.duplicateKeys };
  } catch (error) {
    if (error instanceof SerdeError) return { ok: false, reason: error.message };
    throw error;
  }
}

class Reader {
  pos = 0;
  readonly duplicateKeys: string[] = [];
  constructor(private readonly text: string) {}

  skipWhitespace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.pos += 1;
    }
  }

  value(depth: number): SerdeValue {
    const t = this.text;
    if (this.pos >= t.length) throw new SerdeError('EOF while parsing a value');
    const c = t[this.pos];
    if (c === '{') return this.object(depth + 1);
    if (c === '[') return this.array(depth + 1);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, result] of LITERALS) {
      if (t.startsWith(word, this.pos)) {
        this.pos += word.length;
        return result;
      }
    }
    throw new SerdeError(`expected value at column ${this.pos + 1}`);
  }

  private object(depth: number): SerdeObject {
    if (depth > MAX_NESTING) throw new SerdeError('recursion limit exceeded');
    const out: SerdeObject = new Map();
    this.pos += 1;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return out;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') throw new SerdeError(`key must be a string at column ${this.pos + 1}`);
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') throw new SerdeError(`expected ':' at column ${this.pos + 1}`);
      this.pos += 1;
      this.skipWhitespace();
      if (out.has(key)) this.duplicateKeys.push(key);
      out.set(key, this.value(depth));
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos += 1;
      if (next === '}') return out;
      if (next !== ',') throw new SerdeError(`expected ',' or '}' at column ${this.pos}`);
    }
  }

  private array(depth: number): SerdeValue[] {
    if (depth > MAX_NESTING) throw new SerdeError('recursion limit exceeded');
    const out: SerdeValue[] = [];
    this.pos += 1;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos += 1;
      return out;
    }
    for (;;) {
      this.skipWhitespace();
      out.push(this.value(depth));
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos += 1;
      if (next === ']') return out;
      if (next !== ',') throw new SerdeError(`expected ',' or ']' at column ${this.pos}`);
    }
  }

  private string(): string {
    const t = this.text;
    let out = '';
    let start = ++this.pos;
    for (;;) {
      if (this.pos >= t.length) throw new SerdeError('EOF while parsing a string');
      const c = t.charCodeAt(this.pos);
      if (c === 0x22) {
        out += t.slice(start, this.pos);
        this.pos += 1;
        return out;
      }
      if (c < 0x20) throw new SerdeError(`control character in string at column ${this.pos + 1}`);
      if (c === 0x5c) {
        out += t.slice(start, this.pos) + this.escape();
        start = this.pos;
        continue;
      }
      this.pos += 1;
    }
  }

  private escape(): string {
    const e = this.text[this.pos + 1];
    this.pos += 2;
    const simple = e === undefined ? undefined : SIMPLE_ESCAPES[e];
    if (simple !== undefined) return simple;
    if (e !== 'u') throw new SerdeError(`invalid escape at column ${this.pos - 1}`);
    const high = this.hex4();
    if (high >= 0xdc00 && high <= 0xdfff) throw new SerdeError('lone trailing surrogate in hex escape');
    if (high < 0xd800 || high > 0xdbff) return String.fromCharCode(high);
    if (this.text[this.pos] !== '\\' || this.text[this.pos + 1] !== 'u') {
      throw new SerdeError('lone leading surrogate in hex escape');
    }
    this.pos += 2;
    const low = this.hex4();
    if (low < 0xdc00 || low > 0xdfff) throw new SerdeError('lone leading surrogate in hex escape');
    return String.fromCharCode(high, low);
  }

  private hex4(): number {
    const digits = this.text.slice(this.pos, this.pos + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) throw new SerdeError(`invalid \\u escape at column ${this.pos + 1}`);
    this.pos += 4;
    return Number.parseInt(digits, 16);
  }

  private number(): number | JsonFloat {
    const match = NUMBER.exec(this.text.slice(this.pos, this.pos + 400));
    if (match === null) throw new SerdeError(`invalid number at column ${this.pos + 1}`);
    const [literal, , fraction, exponent] = match;
    const next = this.text[this.pos + literal.length];
    // serde_json reads a maximal number; a digit after a leading zero ("01") is "invalid number".
    if (next !== undefined && next >= '0' && next <= '9') throw new SerdeError(`invalid number at column ${this.pos + 1}`);
    this.pos += literal.length;
    if (fraction === undefined && exponent === undefined) {
      const big = BigInt(literal);
      // serde_json reads "-0" as the float -0.0 (a negative literal whose i64 negation is not negative).
      if (big === 0n && literal.startsWith('-')) return new JsonFloat(-0);
      if (big >= I64_MIN && big <= U64_MAX) return Number(big);
    }
    const value = Number(literal);
    if (!Number.isFinite(value)) throw new SerdeError('number out of range');
    return new JsonFloat(value);
  }
}

const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/;
const LITERALS: ReadonlyArray<readonly [string, SerdeValue]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
