import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import {
  assertStoredAsIs,
  checkTypeStability,
  normaliseKey,
  parseFirehoseBase64,
  parseFirehoseRecord,
  storedAsIsProblem,
  type RecordVerdict,
} from '../../helpers/openobserve-rules';

const NOW_MS = Date.UTC(2025, 5, 17, 12, 0, 0);
const NOW_US = NOW_MS * 1000;
const opts = { nowMs: NOW_MS };

/** A schema-v1 line as the transform writes it. */
function normalisedLine(fields: Record<string, unknown> = {}): string {
  const record = {
    _timestamp: NOW_US - 60_000_000,
    event_time: '2025-06-17T11:59:00Z',
    schema_version: 1,
    event_id: 'e1f2a3b4-01c5-4d6e-8f70-81920a1b2c01',
    event_name: 'InitiateAuth',
    category: 'sign_in',
    outcome: 'success',
    http_status: 200,
    read_only: false,
    request_parameters: '{"authFlow":"USER_PASSWORD_AUTH"}',
    ...fields,
  };
  const body = JSON.stringify(record);
  return `{\t${body.slice(1)}\n`;
}

function parse(text: string | Buffer): RecordVerdict {
  return parseFirehoseRecord(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, opts);
}

function rowsOf(verdict: RecordVerdict): Record<string, unknown>[] {
  if (verdict.kind !== 'stored') throw new Error(`expected stored, got ${verdict.kind}: ${verdict.reason}`);
  return verdict.rows;
}

describe('parseFirehoseRecord: lines and JSON', () => {
  it('stores one compact object with a trailing newline as one row', () => {
    // Prepare
    const line = '{"a":"x","_timestamp":' + NOW_US + '}\n';
    // Act
    const verdict = parse(line);
    // Assess
    expect(rowsOf(verdict)).toEqual([{ a: 'x', _timestamp: NOW_US }]);
  });

  it('stores several newline-separated objects and strips a CR before each newline', () => {
    const verdict = parse('{"a":1}\r\n{"a":2}\r\n');
    expect(rowsOf(verdict).map((r) => r.a)).toEqual([1, 2]);
  });

  it.each([
    ['pretty-printed JSON', '{\n  "a": 1\n}\n'],
    ['a blank line at the end (\\n\\n)', '{"a":1}\n\n'],
    ['a blank line in the middle', '{"a":1}\n\n{"a":2}'],
    ['two objects without a newline', '{"a":1}{"a":2}'],
    ['a truncated object', '{"a":1'],
    ['a lone surrogate escape', '{"a":"\\ud800"}'],
    ['a leading zero', '{"a":01}'],
    ['nesting past serde_json\'s recursion limit', '{"a":' + '['.repeat(130) + ']'.repeat(130) + '}'],
  ])('fails the whole request for %s', (_name, text) => {
    expect(parse(text).kind).toBe('request-failed');
  });

  it('fails the whole request for bytes that are not UTF-8', () => {
    expect(parse(Buffer.from([0x7b, 0x09, 0xff, 0x7d])).kind).toBe('request-failed');
  });

  it.each([
    ['an array', '[1,2]\n'],
    ['a string', '"text"\n'],
    ['a number', '42\n'],
    ['null', 'null\n'],
  ])('drops a line that is %s without failing the request', (_name, text) => {
    expect(parse(text).kind).toBe('dropped');
  });

  it('drops an empty record (no lines) without failing the request', () => {
    expect(parse('').kind).toBe('dropped');
  });

  it('keeps the object lines of a record and lists its dropped lines', () => {
    const verdict = parse('[1]\n{"a":1}\n');
    expect(verdict.kind === 'stored' && verdict.droppedLines).toEqual(['line 1: line is a JSON array, not an object']);
  });

  it('drops a CloudWatch Logs envelope line (it is exploded, not stored as sent)', () => {
    const envelope = { messageType: 'DATA_MESSAGE', owner: '111122223333', logGroup: 'g', logStream: 's', subscriptionFilters: ['f'], logEvents: [] };
    expect(parse(JSON.stringify(envelope)).kind).toBe('dropped');
  });

  it('reads a gzip-compressed record like the plain one', () => {
    expect(rowsOf(parse(gzipSync('{"a":1}\n')))).toEqual([{ a: 1, _timestamp: NOW_US }]);
  });
});

describe('parseFirehoseRecord: protobuf sniff', () => {
  it('never takes a record whose second byte is a tab for protobuf', () => {
    expect(parse('{\t"a":1}\n').kind).toBe('stored');
  });

  it('takes a one-byte record for an empty OTLP request (its JSON is lost)', () => {
    expect(parse('7').kind).toBe('protobuf');
  });

  it('takes a compact record whose bytes happen to decode as OTLP for protobuf', () => {
    // Prepare: `{` is the skipped varint; `"` opens field 4, length-delimited (unknown, so skipped), whose
    // length is the next byte, `%` = 37: exactly the rest of the line.
    const text = `{"%${'a'.repeat(33)}":1}`;
    // Act
    const verdict = parse(text);
    // Assess
    expect(verdict.kind).toBe('protobuf');
  });

  it('reads a compact record that does not decode as OTLP as JSON', () => {
    expect(parse('{"_timestamp":' + NOW_US + ',"a":"b"}').kind).toBe('stored');
  });
});

describe('parseFirehoseRecord: fields', () => {
  it('lowercases keys and turns characters outside [a-z0-9_] into _', () => {
    const row = rowsOf(parse('{"userAgent":"x","detail-type":"y","a.b":"z","Ünïcode":"u"}'))[0];
    expect(Object.keys(row ?? {}).sort()).toEqual(['_timestamp', 'a_b', 'detail_type', 'useragent', 'ünïcode']);
  });

  it('flattens three levels of objects and keeps the fourth as JSON text with sorted keys', () => {
    const row = rowsOf(parse('{"a":{"b":{"c":{"z":1,"y":2.0}}}}'))[0];
    expect(row).toEqual({ a_b_c: '{"y":2.0,"z":1}', _timestamp: NOW_US });
  });

  it('turns arrays into JSON text and drops null, {} and []', () => {
    const row = rowsOf(parse('{"list":["a",1],"n":null,"o":{},"e":[],"s":"v"}'))[0];
    expect(row).toEqual({ list: '["a",1]', s: 'v', _timestamp: NOW_US });
  });

  it('lets the later of two keys that normalise alike win', () => {
    expect(rowsOf(parse('{"Name":"first","name":"second"}'))[0]?.name).toBe('second');
  });

  it('keeps a __proto__ key as a plain column', () => {
    const row = rowsOf(parse('{"__proto__":"x"}'))[0];
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe('x');
  });

  it('fails the request for an _id holding a non-string value', () => {
    expect(parse('{"_id":1}').kind).toBe('request-failed');
  });

  it.each(['_o2_id', '_original', '_all_values', '_all', '_o2_ingest_ts'])('drops a record carrying the reserved key %s', (key) => {
    expect(parse(`{"${key}":"x"}`).kind).toBe('dropped');
  });
});

describe('parseFirehoseRecord: _timestamp', () => {
  it.each([
    ['seconds', Math.floor(NOW_MS / 1000), NOW_US],
    ['milliseconds', NOW_MS, NOW_US],
    ['microseconds', NOW_US, NOW_US],
    ['nanoseconds', NOW_US * 1000, NOW_US],
  ])('reads an integer in %s by its magnitude', (_unit, value, expected) => {
    expect(rowsOf(parse(`{"_timestamp":${value}}`))[0]?._timestamp).toBe(expected);
  });

  it.each([
    ['RFC 3339', '2025-06-17T11:00:00.5Z', NOW_US - 3600e6 + 500_000],
    ['ISO 8601 without a zone (UTC)', '2025-06-17T11:00:00', NOW_US - 3600e6],
    ['an offset', '2025-06-17T13:00:00+02:00', NOW_US - 3600e6],
    ['RFC 2822', '17 Jun 2025 11:00:00 +0000', NOW_US - 3600e6],
  ])('reads a %s string', (_name, value, expected) => {
    expect(rowsOf(parse(`{"_timestamp":"${value}"}`))[0]?._timestamp).toBe(expected);
  });

  it('drops an RFC 2822 string whose day name holds a T (read as RFC 3339, which fails)', () => {
    expect(parse('{"_timestamp":"Tue, 17 Jun 2025 11:00:00 +0000"}').kind).toBe('dropped');
  });

  it('uses the arrival time when _timestamp is missing', () => {
    expect(rowsOf(parse('{"a":1}'))[0]?._timestamp).toBe(NOW_US);
  });

  it('reads @timestamp as _timestamp (the key normalises to it)', () => {
    expect(rowsOf(parse(`{"@timestamp":${NOW_MS - 1000}}`))[0]?._timestamp).toBe(NOW_US - 1_000_000);
  });

  it('drops a record older than five hours', () => {
    expect(parse(`{"_timestamp":${NOW_US - 5 * 3600e6 - 1}}`).kind).toBe('dropped');
  });

  it('keeps a record just inside the five-hour window', () => {
    expect(parse(`{"_timestamp":${NOW_US - 5 * 3600e6}}`).kind).toBe('stored');
  });

  it('honours a wider allowedUptoMs', () => {
    const verdict = parseFirehoseRecord(Buffer.from(`{"_timestamp":${NOW_US - 6 * 3600e6}}`), { nowMs: NOW_MS, allowedUptoMs: 7 * 3600e3 });
    expect(verdict.kind).toBe('stored');
  });

  it('drops a record more than 24 hours in the future', () => {
    expect(parse(`{"_timestamp":${NOW_US + 24 * 3600e6 + 1}}`).kind).toBe('dropped');
  });

  it('drops a record whose _timestamp string cannot be parsed', () => {
    expect(parse('{"_timestamp":"yesterday"}').kind).toBe('dropped');
  });
});

describe('parseFirehoseBase64', () => {
  it('decodes standard padded base64', () => {
    expect(parseFirehoseBase64(Buffer.from('{"a":1}\n').toString('base64'), opts).kind).toBe('stored');
  });

  it.each([
    ['unpadded', Buffer.from('{"a":1}').toString('base64').replace(/=+$/, '')],
    ['URL-safe', Buffer.from('{"a":"??>>"}').toString('base64url')],
    ['with whitespace', ` ${Buffer.from('{"a":1}').toString('base64')}`],
    ['with non-zero trailing bits', 'eyJhIjoxfQ=='.replace('Q==', 'R==')],
  ])('fails the whole request for %s base64', (_name, data) => {
    expect(parseFirehoseBase64(data, opts).kind).toBe('request-failed');
  });
});

describe('storedAsIsProblem / assertStoredAsIs', () => {
  it('accepts a schema-v1 line that OpenObserve stores unchanged', () => {
    expect(storedAsIsProblem(normalisedLine(), NOW_MS)).toBeUndefined();
    expect(() => assertStoredAsIs(normalisedLine(), NOW_MS)).not.toThrow();
  });

  it.each([
    ['a line without the tab', (l: string) => l.replace('{\t', '{')],
    ['a missing trailing newline', (l: string) => l.slice(0, -1)],
    ['two trailing newlines', (l: string) => `${l}\n`],
    ['pretty-printed JSON', (l: string) => `{\t${JSON.stringify(JSON.parse(l), null, 2).slice(1)}\n`],
  ])('rejects %s', (_name, mutate) => {
    expect(storedAsIsProblem(mutate(normalisedLine()), NOW_MS)).toBeDefined();
  });

  it.each([
    ['a key outside the schema', { userAgent: 'x' }],
    ['a null value', { error_code: null }],
    ['an empty string', { error_code: '' }],
    ['a nested object', { request_parameters: { a: 1 } }],
    ['an array', { user_sub: ['x'] }],
    ['a string where the schema says integer', { http_status: '200' }],
    ['a number where the schema says string', { event_name: 7 }],
    ['a number where the schema says boolean', { read_only: 0 }],
    ['a json field that is not JSON text', { request_parameters: 'not json' }],
    ['an unknown category', { category: 'login' }],
    ['restamped: false', { restamped: false }],
    ['a _timestamp in milliseconds (stored multiplied)', { _timestamp: NOW_MS }],
    ['a _timestamp older than five hours', { _timestamp: NOW_US - 6 * 3600e6 }],
  ])('rejects %s', (_name, fields) => {
    expect(storedAsIsProblem(normalisedLine(fields), NOW_MS)).toBeDefined();
  });

  it('rejects a float in an integer field', () => {
    const line = normalisedLine().replace('"http_status":200', '"http_status":200.0');
    expect(storedAsIsProblem(line, NOW_MS)).toMatch(/http_status.*float/);
  });

  it('rejects a repeated key', () => {
    const line = normalisedLine().replace('"outcome":"success"', '"outcome":"success","outcome":"failure"');
    expect(storedAsIsProblem(line, NOW_MS)).toMatch(/appears twice/);
  });

  it('rejects a line whose first key is not _timestamp', () => {
    const line = `{\t"event_time":"2025-06-17T11:59:00Z","_timestamp":${NOW_US}}\n`;
    expect(storedAsIsProblem(line, NOW_MS)).toMatch(/first key/);
  });

  it('names the problem in the thrown error', () => {
    expect(() => assertStoredAsIs(normalisedLine({ http_status: '200' }), NOW_MS)).toThrow(/http_status/);
  });
});

describe('checkTypeStability', () => {
  it('keeps rows whose columns keep their first type', () => {
    const result = checkTypeStability([{ a: 'x', n: 1 }, { a: 'y', n: 2 }, { b: true }]);
    expect(result.conflicts).toEqual([]);
    expect(Object.fromEntries(result.columns)).toEqual({ a: 'string', n: 'int', b: 'bool' });
  });

  it('drops a later row whose value does not match the column type', () => {
    const result = checkTypeStability([{ n: 1 }, { n: 'one' }, { n: 2 }]);
    expect(result.conflicts).toEqual([{ row: 1, column: 'n', expected: 'int', actual: 'string' }]);
  });

  it('treats a float after an integer as a conflict and an integer after a float as castable', () => {
    const types = [{ n: 'int' }, { n: 'float' }] as const;
    expect(checkTypeStability([{ n: 1 }, { n: 2 }], types).conflicts).toHaveLength(1);
    expect(checkTypeStability([{ n: 1.5 }, { n: 2 }]).conflicts).toHaveLength(0);
  });

  it('uses the types of stored verdicts (200.0 is a float column)', () => {
    const verdict = parse('{"s":200.0}\n{"s":200}\n');
    if (verdict.kind !== 'stored') throw new Error(verdict.reason);
    expect(checkTypeStability(verdict.rows, verdict.types).columns.get('s')).toBe('float');
  });

  it('flags a union of more than 1,000 columns', () => {
    const wide = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`c${i}`, 'v']));
    expect(checkTypeStability([wide]).overColumnLimit).toBe(true);
  });
});

describe('properties', () => {
  it('never takes a one-line JSON object whose second byte is a tab for protobuf, nor fails the request with it', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), (object) => {
        // Prepare
        const line = `{\t${JSON.stringify(object).slice(1)}\n`;
        // Act
        const verdict = parse(line);
        // Assess: a (flattened) `_id` with a non-string value is the one object that fails a request.
        if (verdict.kind === 'request-failed') expect(verdict.reason).toMatch(/_id holds a non-string/);
        else expect(['stored', 'dropped']).toContain(verdict.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('stores every row with keys already in stored form and no null value', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 5 })), (object) => {
        const verdict = parse(`{\t${JSON.stringify(object).slice(1)}\n`);
        if (verdict.kind !== 'stored') return;
        for (const row of verdict.rows) {
          for (const [key, value] of Object.entries(row)) {
            expect(normaliseKey(key)).toBe(key);
            expect(value === null || typeof value === 'object').toBe(false);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
