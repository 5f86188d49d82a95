import { jsonValues, type JsonValueText } from '../../../cli/replay/json-values';
import { chunksOf, collect } from './factories';

/** A value's text; `<broken 3>` for a broken value at line 3 (`<broken 3+2>` over 2 lines), `<truncated 1+4 N bytes>`. */
function shown(value: JsonValueText): string {
  if (value.kind === 'value') return value.text;
  if (value.kind === 'broken') return `<broken ${value.line}${value.lines > 1 ? `+${value.lines}` : ''}>`;
  return `<truncated ${value.line}+${value.lines} ${value.bytes} bytes>`;
}

async function texts(...parts: (string | Uint8Array)[]): Promise<string[]> {
  return (await collect(jsonValues(chunksOf(...parts)))).map(shown);
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
    const values = await texts(...[...bytes].map((byte) => Uint8Array.of(byte)));
    expect(parts.length).toBeGreaterThan(20);
    expect(values.map((text) => JSON.parse(text))).toEqual([{ name: 'Zoë ✓' }, { n: 2 }]);
  });

  test('numbers values in order and marks bare text as unstructured', async () => {
    const values = await collect(jsonValues(chunksOf('{"a":1}\nnot json\n{"b":2}')));
    expect(values.map((value) => value.kind === 'value' && [value.ordinal, value.line, value.structured])).toEqual([
      [1, 1, true],
      [2, 2, false],
      [3, 2, false],
      [4, 3, true],
    ]);
  });

  test('reads a top-level string as one bare value, brackets inside it included', async () => {
    const values = await collect(jsonValues(chunksOf('"a {b [c" {"c":1}')));
    expect(values.map((value) => value.kind === 'value' && [value.text, value.structured])).toEqual([
      ['"a {b [c"', false],
      ['{"c":1}', true],
    ]);
  });

  test('an unterminated value on the last line is one broken line', async () => {
    const values = await texts('{"a":1}\n{"b":');
    expect(values).toEqual(['{"a":1}', '<broken 2>']);
  });

  test('skips a byte-order mark and empty input', async () => {
    expect(await texts('\ufeff{"a":1}')).toEqual(['{"a":1}']);
    expect(await texts('', '  \n')).toEqual([]);
  });

  test('marks values that share a line, so a place names which one', async () => {
    const values = await collect(jsonValues(chunksOf('{"a":1}{"a":2}\n{"a":3}')));
    expect(values.map((value) => value.kind !== 'truncated' && [value.line, value.ordinal, value.shared])).toEqual([
      [1, 1, false],
      [1, 2, true],
      [2, 3, false],
    ]);
  });
});

/** Adversarial input: one broken line must cost that line only, never the values after it. */
describe('jsonValues on broken input', () => {
  const line = (n: number): string => JSON.stringify({ n, detail: { eventName: 'SignUp', note: 'a {b} [c] "d" \\ e', list: [1, { x: [] }] } });
  const ndjson = (count: number): string[] => Array.from({ length: count }, (_, i) => line(i + 1));

  test('NDJSON resynchronises at the next line after a truncated one', async () => {
    // Prepare: 100 events, the 50th cut in half
    const lines = ndjson(100);
    lines[49] = lines[49]!.slice(0, 30);
    // Act
    const values = await texts(`${lines.join('\n')}\n`);
    // Assess
    expect(values).toHaveLength(100);
    expect(values[49]).toBe('<broken 50>');
    expect(values.filter((text) => !text.startsWith('<')).map((text) => JSON.parse(text).n)).toEqual([...Array(100).keys()].map((i) => i + 1).filter((n) => n !== 50));
  });

  test.each([3, 8, 12, 20, 27, 35, 44, 51, 58, 63])('NDJSON cut at character %i of its second line loses that line only', async (cut) => {
    const lines = ndjson(4);
    lines[1] = lines[1]!.slice(0, cut);
    const values = await texts(lines.join('\n'));
    expect(values[1]).toBe('<broken 2>');
    expect(values.filter((text) => !text.startsWith('<')).map((text) => JSON.parse(text).n)).toEqual([1, 3, 4]);
  });

  test('every cut point of the first line of an NDJSON file costs that line only, or that line and the next', async () => {
    // Before a line has shown the file is NDJSON, a cut right after ':', '[' or a comma in an array is a valid
    // place for the next line's object to nest: then both lines are reported broken, and the rest is read.
    // Strings without brackets or colons, so that the test can tell those places by the last character.
    const lines = [1, 2, 3, 4].map((n) => JSON.stringify({ n, detail: { eventName: 'SignUp', note: 'a b', list: [1, { x: [] }] } }));
    for (let cut = 1; cut < lines[0]!.length; cut++) {
      const head = lines[0]!.slice(0, cut);
      const values = await texts([head, ...lines.slice(1)].join('\n'));
      const nests = /(:|\[|\[1,)$/.test(head);
      expect({ cut, values: values.map((text) => (text.startsWith('<') ? text : JSON.parse(text).n)) }).toEqual({
        cut,
        values: nests ? ['<broken 1+2>', 3, 4] : ['<broken 1>', 2, 3, 4],
      });
    }
  });

  test('a line break inside a string ends the value in progress, even before NDJSON is recognised', async () => {
    const values = await texts('{"a":"unterminated\n{"b":1}\n{"c":2}');
    expect(values).toEqual(['<broken 1>', '{"b":1}', '{"c":2}']);
  });

  test('a missing comma before a value opening a line ends the value in progress there', async () => {
    const values = await texts('{"a":1,"b":{"c":2}\n{"d":3}\n');
    expect(values).toEqual(['<broken 1>', '{"d":3}']);
  });

  test('inside a top-level array in NDJSON form, a broken element line costs that element only', async () => {
    const values = await texts('[\n{"a":1},\n{"b":\n{"c":3}\n]');
    expect(values).toEqual(['{"a":1}', '<broken 3>', '{"c":3}']);
  });

  test('a pretty-printed document cut short is truncated: its lines and bytes are counted, not skipped as one record', async () => {
    const doc = JSON.stringify({ Records: [{ a: 1 }, { b: 2 }] }, null, 2);
    const cut = doc.slice(0, doc.indexOf('"b"'));
    const values = await texts(cut);
    expect(values).toEqual([`<truncated 1+${cut.trimEnd().split('\n').length} ${Buffer.byteLength(cut.trimEnd())} bytes>`]);
  });

  test('pretty-printed documents, one after the other, are still read whole', async () => {
    const docs = [{ a: { b: [1, 2] } }, { c: '[{' }].map((doc) => JSON.stringify(doc, null, 2)).join('\n');
    const values = await texts(docs);
    expect(values.map((text) => JSON.parse(text))).toEqual([{ a: { b: [1, 2] } }, { c: '[{' }]);
  });

  test('resynchronises when the break falls on a chunk boundary, escapes included', async () => {
    const text = `${line(1)}\n{"a":"x\\\\\n${line(3)}\n`;
    for (let size = 1; size <= 7; size++) {
      const parts: string[] = [];
      for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
      expect(await texts(...parts)).toEqual([line(1), '<broken 2>', line(3)]);
    }
  });

  test('reports the line being read through the position it is given', async () => {
    const position = { line: 1 };
    const seen: number[] = [];
    for await (const _value of jsonValues(chunksOf('{"a":1}\n\n{"b":2}\n'), position)) seen.push(position.line);
    expect(seen).toEqual([1, 3]);
    expect(position.line).toBe(4);
  });

  test('a line that is nothing but brackets costs the text it holds, not memory per bracket, and is read past', async () => {
    // Prepare: 20 MB of '[' on the second line of an NDJSON file
    const before = process.memoryUsage().heapUsed;
    const deep = '['.repeat(20_000_000);
    // Act
    const values = await texts('{"a":0}\n', deep, '\n{"a":1}\n');
    // Assess
    expect(values).toEqual(['{"a":0}', '<broken 2>', '{"a":1}']);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * 1024 * 1024);
  });

  test('a pretty-printed document nested deeper than the brackets it remembers is still read whole', async () => {
    const value = `{"deep":\n${'[\n'.repeat(5000)}[1],\n[2]${'\n]'.repeat(5000)}\n}`;
    const values = await texts(`${value}\n${value}`);
    expect(values).toEqual([value, value]);
  });
});
