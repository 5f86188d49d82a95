import { withoutLoneSurrogates } from '../../../functions/transform/json-text';

describe('withoutLoneSurrogates', () => {
  test('replaces lone high and low surrogate escapes with U+FFFD', () => {
    expect(withoutLoneSurrogates(JSON.stringify('a\ud800b'))).toBe('"a\ufffdb"');
    expect(withoutLoneSurrogates(JSON.stringify('\udfffz'))).toBe('"\ufffdz"');
    expect(withoutLoneSurrogates(JSON.stringify('\udc00\ud800'))).toBe('"\ufffd\ufffd"');
  });

  test('leaves surrogate pairs, which JSON.stringify writes as characters', () => {
    expect(withoutLoneSurrogates(JSON.stringify('😀'))).toBe('"😀"');
  });

  test('leaves an escaped backslash followed by the letters ud800', () => {
    const text = JSON.stringify('\\ud800');

    expect(withoutLoneSurrogates(text)).toBe(text);
  });

  test('replaces a lone surrogate that follows an escaped backslash', () => {
    expect(withoutLoneSurrogates(JSON.stringify('\\\ud800'))).toBe('"\\\\\ufffd"');
  });

  test('returns the same string when there is nothing to replace', () => {
    const text = '{"a":"plain"}';

    expect(withoutLoneSurrogates(text)).toBe(text);
  });
});
