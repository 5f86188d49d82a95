import { MAX_NESTED_DEPTH, payloadField } from '../../../functions/transform/payload';
import { usernameScrubber } from '../../../functions/transform/username';

describe('payloadField', () => {
  test('json mode writes JSON text of the blob', () => {
    expect(payloadField({ authFlow: 'USER_PASSWORD_AUTH', n: 1 }, 'json', undefined)).toBe('{"authFlow":"USER_PASSWORD_AUTH","n":1}');
    expect(payloadField(['EMAIL'], 'json', undefined)).toBe('["EMAIL"]');
    expect(payloadField('a string where an object was', 'json', undefined)).toBe('"a string where an object was"');
    expect(payloadField(42, 'json', undefined)).toBe('42');
  });

  test.each([
    ['null', null],
    ['missing', undefined],
    ['an empty string', ''],
    ['an empty object', {}],
    ['an empty array', []],
    ['the hidden placeholder', 'HIDDEN_DUE_TO_SECURITY_REASONS'],
    ['the other hidden placeholder', 'HIDDEN_FOR_SECURITY_REASONS'],
  ])('gives nothing for %s, in every mode', (_name, value) => {
    for (const mode of ['json', 'nested', 'drop'] as const) expect(payloadField(value, mode, undefined)).toBeUndefined();
  });

  test('drop mode gives nothing', () => {
    expect(payloadField({ a: 1 }, 'drop', undefined)).toBeUndefined();
  });

  test('nested mode keeps an object as an object and writes anything else as JSON text', () => {
    const blob = { a: { b: 1 } };

    expect(payloadField(blob, 'nested', undefined)).toBe(blob);
    expect(payloadField(['x'], 'nested', undefined)).toBe('["x"]');
    expect(payloadField('text', 'nested', undefined)).toBe('"text"');
  });

  test(`nested mode writes a blob nested deeper than ${MAX_NESTED_DEPTH} levels as JSON text (serde_json's limit)`, () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 1; i < MAX_NESTED_DEPTH + 1; i += 1) deep = { d: deep };
    let fits: Record<string, unknown> = { leaf: 1 };
    for (let i = 1; i < MAX_NESTED_DEPTH; i += 1) fits = { d: fits };

    expect(typeof payloadField(deep, 'nested', undefined)).toBe('string');
    expect(payloadField(fits, 'nested', undefined)).toBe(fits);
  });

  test('applies the username scrub in json and nested modes, never to the input', () => {
    const scrub = usernameScrubber('drop', 'pool');
    const input = { username: 'alice', clientId: 'c' };

    expect(payloadField(input, 'json', scrub)).toBe('{"clientId":"c"}');
    expect(payloadField(input, 'nested', scrub)).toEqual({ clientId: 'c' });
    expect(payloadField({ username: 'alice' }, 'json', scrub)).toBeUndefined();
    expect(payloadField({ username: 'alice' }, 'nested', scrub)).toBeUndefined();
    expect(input).toEqual({ username: 'alice', clientId: 'c' });
  });

  test('replaces lone surrogates in the JSON text so the text itself parses anywhere', () => {
    const text = payloadField({ a: 'x\ud800y', b: '😀' }, 'json', undefined);

    expect(text).toBe('{"a":"x\ufffdy","b":"😀"}');
  });

  test('keeps __proto__ keys as data in the text', () => {
    const blob = JSON.parse('{"__proto__":{"isAdmin":true}}') as unknown;

    expect(payloadField(blob, 'json', undefined)).toBe('{"__proto__":{"isAdmin":true}}');
  });
});
