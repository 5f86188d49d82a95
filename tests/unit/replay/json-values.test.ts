import { jsonValues } from '../../../cli/replay/json-values';
import { chunksOf, collect } from './factories';

async function texts(...parts: string[]): Promise<string[]> {
  return (await collect(jsonValues(chunksOf(...parts)))).map((value) => value.text);
}

describe('jsonValues', () => {
  test('yields a single pretty-printed document whole', async () => {
    // Prepare
    const doc = '{\n  "a": {\n    "b": [1, 2]\n  }\n}\n';
    // Act
    const values = await texts(doc);
    // Assess
    expect(values.map((text) => JSON.parse(text))).toEqual([{ a: { b: [1, 2] } }]);
  });

  test('yields each line of NDJSON', async () => {
    const values = await texts('{"a":1}\n{"a":2}\r\n\n{"a":3}\n');
    expect(values).toEqual(['{"a":1}', '{"a":2}', '{"a":3}']);
  });

  test('splits concatenated objects with no separator, as Firehose backups may be', async () => {
    const values = await texts('{"a":1}{"a":2}{"a":"}{"}');
    expect(values).toEqual(['{"a":1}', '{"a":2}', '{"a":"}{"}']);
  });

  test('yields the elements of a top-level array one by one', async () => {
    const values = await texts('[ {"a":1}, {"b":[2,3]} ,{"c":"]"} ]');
    expect(values).toEqual(['{"a":1}', '{"b":[2,3]}', '{"c":"]"}']);
  });

  test('ignores brackets and escaped quotes inside strings', async () => {
    const values = await texts('{"a":"\\"}{[","b":"\\\\"}\n{"c":1}');
    expect(values.map((text) => JSON.parse(text))).toEqual([{ a: '"}{[', b: '\\' }, { c: 1 }]);
  });

  test('reassembles values and multi-byte characters split across chunks', async () => {
    const bytes = Buffer.from('{"name":"Zoë ✓"}\n{"n":2}');
    const parts = [...bytes].map((byte) => String.fromCharCode(byte));
    const values = await collect(jsonValues(chunksOf(...[...bytes].map((byte) => Uint8Array.of(byte)))));
    expect(parts.length).toBeGreaterThan(20);
    expect(values.map((value) => JSON.parse(value.text))).toEqual([{ name: 'Zoë ✓' }, { n: 2 }]);
  });

  test('numbers values in order and marks bare text as unstructured', async () => {
    const values = await collect(jsonValues(chunksOf('{"a":1}\nnot json\n{"b":2}')));
    expect(values.map((value) => [value.ordinal, value.structured])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, true],
    ]);
  });

  test('reads a top-level string as one bare value, brackets inside it included', async () => {
    const values = await collect(jsonValues(chunksOf('"a {b [c" {"c":1}')));
    expect(values.map((value) => [value.text, value.structured])).toEqual([
      ['"a {b [c"', false],
      ['{"c":1}', true],
    ]);
  });

  test('yields an unterminated value at the end for JSON.parse to reject', async () => {
    const values = await texts('{"a":1}\n{"b":');
    expect(values).toEqual(['{"a":1}', '{"b":']);
  });

  test('skips a byte-order mark and empty input', async () => {
    expect(await texts('\ufeff{"a":1}')).toEqual(['{"a":1}']);
    expect(await texts('', '  \n')).toEqual([]);
  });
});
