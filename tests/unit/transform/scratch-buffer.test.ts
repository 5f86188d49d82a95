import fc from 'fast-check';
import { asciiToBase64, scratchBuffer, utf8ToBase64 } from '../../../functions/transform/scratch-buffer';

describe('scratchBuffer', () => {
  test('returns a buffer of at least the bytes asked for', () => {
    expect(scratchBuffer(10).length).toBeGreaterThanOrEqual(10);
    expect(scratchBuffer(200_000).length).toBeGreaterThanOrEqual(200_000);
  });

  test('reuses the same buffer while it is large enough', () => {
    const first = scratchBuffer(100);

    expect(scratchBuffer(50)).toBe(first);
    expect(scratchBuffer(first.length)).toBe(first);
  });

  test('grows when a larger size is asked for, and never shrinks', () => {
    const small = scratchBuffer(1);
    const large = scratchBuffer(small.length + 1);

    expect(large).not.toBe(small);
    expect(large.length).toBeGreaterThan(small.length);
    expect(scratchBuffer(1)).toBe(large);
  });
});

describe('utf8ToBase64', () => {
  const expected = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

  test.each([
    ['empty text', ''],
    ['a line', '{\t"_timestamp":1,"a":"b"}\n'],
    ['multi-byte characters', 'ü€😀'],
    ['a lone surrogate (written as U+FFFD, as Buffer.from does)', 'a\ud800b'],
    ['text longer than the initial scratch size', 'x'.repeat(100_000)],
    ['multi-byte text longer than the initial scratch size', '€'.repeat(30_000)],
  ])('encodes %s as Buffer.from(text).toString("base64") does', (_name, text) => {
    expect(utf8ToBase64(text)).toBe(expected(text));
  });

  test('encodes any text as Buffer.from(text).toString("base64") does, call after call', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { maxLength: 5 }), (texts) => {
        for (const text of texts) expect(utf8ToBase64(text)).toBe(expected(text));
      }),
    );
  });
});

describe('asciiToBase64', () => {
  const expected = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

  test.each([
    ['empty text', ''],
    ['a line', '{\t"_timestamp":1,"a":"b \\"c\\" \\\\ \\u00fc"}\n'],
    ['text longer than the scratch buffer', 'x'.repeat(100_000)],
  ])('encodes %s as Buffer.from(text).toString("base64") does', (_name, text) => {
    expect(asciiToBase64(text)).toBe(expected(text));
  });

  test('encodes any ASCII text, built piece by piece, as Buffer.from does', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)), maxLength: 80 }), { maxLength: 30 }), (pieces) => {
        let text = '';
        for (const piece of pieces) text += piece;
        expect(asciiToBase64(text)).toBe(expected(text));
      }),
    );
  });
});
