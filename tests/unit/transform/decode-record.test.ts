import { MAX_RECORD_BYTES } from '../../../functions/transform/constants';
import { base64DecodedLength, decodeRecordData } from '../../../functions/transform/decode-record';

const base64 = (bytes: Buffer | string): string => Buffer.from(bytes).toString('base64');

describe('decodeRecordData', () => {
  test('decodes a JSON object and reports its decoded size', () => {
    const result = decodeRecordData(base64('{"a":1,"b":"ü"}'));

    expect(result).toEqual({ ok: true, value: { a: 1, b: 'ü' }, bytes: 16, plainStrings: true });
  });

  test('accepts a leading byte-order mark', () => {
    const result = decodeRecordData(base64(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')])));

    expect(result).toMatchObject({ ok: true, value: { a: 1 } });
  });

  test.each([
    ['empty data', '', 'record is empty'],
    ['characters outside the alphabet', 'not base64!!', 'record is not valid base64'],
    ['a length that is not a multiple of 4', 'eyJhIjoxfQ', 'record is not valid base64'],
    ['the URL-safe alphabet', 'eyJh-_oxfQ==', 'record is not valid base64'],
    ['padding in the middle', 'QQ==QQ==', 'record is not valid base64'],
    ['whitespace', 'eyJh IjoxfQ=', 'record is not valid base64'],
  ])('marks %s as failed', (_name, data, reason) => {
    expect(decodeRecordData(data)).toEqual({ ok: false, reason });
  });

  test('marks bytes that are not UTF-8 as failed', () => {
    expect(decodeRecordData(base64(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])))).toEqual({ ok: false, reason: 'record is not UTF-8' });
  });

  test('marks encoded UTF-16 surrogates (CESU-8) as not UTF-8', () => {
    expect(decodeRecordData(base64(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22])))).toEqual({ ok: false, reason: 'record is not UTF-8' });
  });

  test.each([
    ['one object per line', '{"a":1}\n{"b":2}\n'],
    ['lines ending in CRLF, blank lines between', '{"a":1}\r\n\r\n{"b":2}\r\n'],
    ['objects back to back', '{"a":1}{"b":2}'],
    ['objects separated by spaces, no final newline', '{"a":1}  {"b":2}'],
    ['an array of objects', '[{"a":1},{"b":2}]'],
  ])('reads a record of several events: %s', (_name, text) => {
    expect(decodeRecordData(base64(text))).toEqual({ ok: true, value: { a: 1 }, values: [{ a: 1 }, { b: 2 }], bytes: Buffer.byteLength(text), plainStrings: true, asciiStrings: true });
  });

  test('brackets and quotes inside strings do not split a record', () => {
    const text = '{"a":"}{\\"]"}\n{"b":"[{"}';

    expect(decodeRecordData(base64(text))).toMatchObject({ ok: true, values: [{ a: '}{"]' }, { b: '[{' }] });
  });

  test('one object with a trailing newline is one event, not a list', () => {
    expect(decodeRecordData(base64('{"a":1}\n'))).toEqual({ ok: true, value: { a: 1 }, bytes: 8, plainStrings: true, asciiStrings: true });
  });

  test.each([
    ['text', 'not json at all', 'record is not JSON'],
    ['an object, then a cut-off one', '{"a":1}\n{"b":', 'record is not JSON'],
    ['an object, then text', '{"a":1}\nnope', 'record is not JSON'],
    ['an object, then a broken one', '{"a":1}\n{b:2}', 'record is not JSON'],
    ['an object, then an array', '{"a":1}\n[1]', 'record holds several JSON values, not all of them objects'],
    ['an array', '[1,2]', 'record is a JSON array, not an object'],
    ['an array of an object and a number', '[{"a":1},2]', 'record is a JSON array, not an object'],
    ['an empty array', '[]', 'record is a JSON array, not an object'],
    ['null', 'null', 'record is JSON null, not an object'],
    ['a number', '42', 'record is JSON of type number, not an object'],
    ['a string', '"text"', 'record is JSON of type string, not an object'],
    ['whitespace', '   ', 'record is not JSON'],
  ])('marks %s as failed', (_name, text, reason) => {
    expect(decodeRecordData(base64(text))).toEqual({ ok: false, reason });
  });

  test('never quotes the content in a reason', () => {
    const secret = 'sEcReT-Pa55w0rd-do-not-log';

    const result = decodeRecordData(base64(`{"password":"${secret}"`));

    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  test('accepts a record of exactly 1,000 KiB', () => {
    const text = `{"a":"${'x'.repeat(MAX_RECORD_BYTES - 8)}"}`;

    const result = decodeRecordData(base64(text));

    expect(result).toMatchObject({ ok: true, bytes: MAX_RECORD_BYTES });
  });

  test('marks a record over 1,000 KiB ProcessingFailed with its size', () => {
    const text = `{"a":"${'x'.repeat(MAX_RECORD_BYTES - 7)}"}`;

    const result = decodeRecordData(base64(text));

    expect(result).toEqual({ ok: false, reason: `record is ${MAX_RECORD_BYTES + 1} bytes, over the ${MAX_RECORD_BYTES}-byte limit` });
  });

  test('refuses a far larger record before decoding it', () => {
    const result = decodeRecordData('A'.repeat(8 * 1024 * 1024));

    expect(result).toEqual({ ok: false, reason: `record is ${6 * 1024 * 1024} bytes, over the ${MAX_RECORD_BYTES}-byte limit` });
  });

  test('keeps a __proto__ key as data, not as the prototype', () => {
    const result = decodeRecordData(base64('{"__proto__":{"polluted":true},"a":1}'));

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('base64DecodedLength', () => {
  test.each([
    ['', 0],
    ['QQ==', 1],
    ['QUI=', 2],
    ['QUJD', 3],
    ['QUJDRA==', 4],
  ])('%s decodes to %i bytes', (text, bytes) => {
    expect(base64DecodedLength(text)).toBe(bytes);
    expect(Buffer.from(text, 'base64').length).toBe(bytes);
  });
});
