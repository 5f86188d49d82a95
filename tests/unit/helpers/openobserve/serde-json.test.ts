import fc from 'fast-check';
import { JsonFloat, parseSerdeJson } from '../../../helpers/openobserve/serde-json';
import { serdeToString } from '../../../helpers/openobserve/serde-to-string';

function value(text: string): unknown {
  const parsed = parseSerdeJson(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

describe('parseSerdeJson', () => {
  it('keeps integers as numbers and floats as JsonFloat', () => {
    expect(value('[1,-2,2.0,1e3,-0]')).toEqual([1, -2, new JsonFloat(2), new JsonFloat(1000), new JsonFloat(-0)]);
  });

  it('turns an integer beyond u64 into a float', () => {
    expect(value('18446744073709551616')).toBeInstanceOf(JsonFloat);
    // biome-ignore lint/correctness/noPrecisionLoss: u64::MAX as the nearest double is exactly what serde_json yields
    expect(value('18446744073709551615')).toBe(18446744073709551615);
  });

  it('reads objects into Maps in input order and reports repeated keys', () => {
    const parsed = parseSerdeJson('{"b":1,"a":{"c":true},"b":2}');
    expect(parsed.ok && [...(parsed.value as Map<string, unknown>).entries()]).toEqual([
      ['b', 2],
      ['a', new Map([['c', true]])],
    ]);
    expect(parsed.ok && parsed.duplicateKeys).toEqual(['b']);
  });

  it('decodes escapes including a surrogate pair', () => {
    expect(value('"\\t\\u00e9\\ud83d\\ude00\\/"')).toBe('\té😀/');
  });

  it.each([
    ['an empty text', ''],
    ['whitespace only', ' \t'],
    ['a lone leading surrogate', '"\\ud83d"'],
    ['a lone trailing surrogate', '"\\ude00"'],
    ['a raw control character in a string', '"a\u0001b"'],
    ['a trailing comma', '[1,]'],
    ['a float that overflows', '1e400'],
    ['a non-breaking space around the value', '\u00a0{}'],
    ['a byte-order mark', '\ufeff{}'],
    ['128 nested arrays', '['.repeat(128) + ']'.repeat(128)],
  ])('rejects %s', (_name, text) => {
    expect(parseSerdeJson(text).ok).toBe(false);
  });

  it('accepts 127 nested arrays and surrounding JSON whitespace', () => {
    expect(parseSerdeJson(' \r\n' + '['.repeat(127) + ']'.repeat(127) + '\t').ok).toBe(true);
  });
});

describe('serdeToString', () => {
  it('writes compact JSON with sorted keys and floats with a fraction', () => {
    const parsed = parseSerdeJson('{"z":[1,2.0,"s",null],"a":{"y":false,"b":1.5}}');
    expect(parsed.ok && serdeToString(parsed.value)).toBe('{"a":{"b":1.5,"y":false},"z":[1,2.0,"s",null]}');
  });
});

describe('parseSerdeJson properties', () => {
  it('accepts whatever JSON.stringify writes for a JSON value of ordinary depth', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(parseSerdeJson(JSON.stringify(value)).ok).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
