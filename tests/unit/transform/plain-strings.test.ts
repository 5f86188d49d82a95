/**
 * The `plainStrings` shortcut: decodeRecordData vouches that every string of a backslash-free record (ASCII or
 * not) needs no JSON escaping, and the output line skips checking them. It must never change a byte.
 */
import fc from 'fast-check';
import { DEFAULT_TRANSFORM_CONFIG, parseTransformConfig } from '../../../functions/transform/config';
import { decodeRecordData } from '../../../functions/transform/decode-record';
import { normaliseEvent } from '../../../functions/transform/normalise';
import { FIXED_NOW_MS, cloudTrailEvent, eventBridgeEvent, hostedUiEvent } from '../../helpers/factories';

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** Characters a JSON string holds raw in text without a backslash: printable ASCII (DEL included), and beyond. */
const PLAIN_CHARS = [
  ...Array.from({ length: 0x80 - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).filter((c) => c !== '"' && c !== '\\'),
  ...['é', 'ß', '東', 'Ω', '\u00a0', '\u2028', '\u2029', '\ufffd', '\ufeff', '😀', '𝄞'],
];
const PLAIN_STRING = fc.string({ unit: fc.constantFrom(...PLAIN_CHARS), maxLength: 30 });
const ANY_STRING = fc.oneof(PLAIN_STRING, fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('\u007f', '\ud800', 'ü', '"', '\\', '\n'));
const VALUE: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: PLAIN_STRING },
  { weight: 1, arbitrary: ANY_STRING },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.dictionary(PLAIN_STRING, fc.oneof(PLAIN_STRING, fc.integer()), { maxKeys: 3 }) },
);
const FIELDS = ['eventName', 'eventTime', 'eventID', 'errorCode', 'errorMessage', 'awsRegion', 'recipientAccountId', 'sourceIPAddress', 'userAgent', 'requestID'];
const REQUEST_FIELDS = ['userPoolId', 'clientId', 'username', 'authFlow', 'challengeName', 'identityPoolId', 'identityId'];

const EVENT: fc.Arbitrary<unknown> = fc
  .record({
    base: fc.constantFrom('api', 'hosted', 'bare', 'other', 'normalised'),
    overrides: fc.dictionary(fc.constantFrom(...FIELDS), VALUE, { maxKeys: 5 }),
    request: fc.dictionary(fc.constantFrom(...REQUEST_FIELDS), VALUE, { maxKeys: 4 }),
  })
  .map(({ base, overrides, request }) => {
    if (base === 'normalised') return { schema_version: 1, event_name: overrides.eventName, user_agent: overrides.userAgent, request_parameters: request };
    if (base === 'other') return { 'detail-type': overrides.eventName ?? 'x', source: overrides.userAgent ?? 's', id: overrides.eventID, detail: request };
    const detail = base === 'hosted' ? hostedUiEvent('Login_POST', 200) : cloudTrailEvent();
    const event = { ...detail, requestParameters: { ...(detail.requestParameters as object | null), ...request }, ...overrides };
    return base === 'bare' ? event : eventBridgeEvent(event);
  });

describe('decodeRecordData plainStrings', () => {
  test.each([
    ['ASCII text', '{"a":"b c\u007f","n":1}'],
    ['non-ASCII text', '{"a":"ü 東 😀 \u2028"}'],
    ['text after a byte-order mark', '\ufeff{"a":1}'],
  ])('is set for %s without a backslash', (_name, text) => {
    expect(decodeRecordData(base64(text))).toMatchObject({ ok: true, plainStrings: true });
  });

  test.each([
    ['a backslash escape', '{"a":"b\\"c"}'],
    ['a \\u escape', '{"a":"\\u0041"}'],
    ['an escaped lone surrogate', '{"a":"\\ud800"}'],
    ['a non-ASCII character and an escape', '{"a":"ü\\n"}'],
  ])('is absent for text with %s', (_name, text) => {
    const decoded = decodeRecordData(base64(text));

    expect(decoded.ok).toBe(true);
    expect(decoded).not.toHaveProperty('plainStrings');
  });
});

describe('decodeRecordData asciiStrings', () => {
  test('is set for ASCII text without a backslash', () => {
    expect(decodeRecordData(base64('{"a":"b c\u007f","n":[1,{"c":"~"}]}'))).toMatchObject({ ok: true, plainStrings: true, asciiStrings: true });
  });

  test.each([
    ['non-ASCII text', '{"a":"ü"}'],
    ['ASCII text with an escape that writes a non-ASCII character', '{"a":"\\u00fc"}'],
    ['ASCII text with an escaped lone surrogate', '{"a":"\\ud800"}'],
  ])('is absent for %s', (_name, text) => {
    const decoded = decodeRecordData(base64(text));

    expect(decoded.ok).toBe(true);
    expect(decoded).not.toHaveProperty('asciiStrings');
  });
});

describe('normaliseEvent with plainStrings', () => {
  test.each([
    ['json', DEFAULT_TRANSFORM_CONFIG],
    ['nested, hashed usernames, truncated addresses', parseTransformConfig({ PAYLOAD_MODE: 'nested', USERNAME_MODE: 'hash', SOURCE_IP_MODE: 'truncate' })],
  ])('writes the same line as without it whenever decodeRecordData sets it (%s)', (_name, config) => {
    let plain = 0;
    fc.assert(
      fc.property(EVENT, (event) => {
        const decoded = decodeRecordData(base64(JSON.stringify(event)));
        if (!decoded.ok || decoded.plainStrings !== true) return;
        plain += 1;

        expect(normaliseEvent(decoded.value, FIXED_NOW_MS, config, FIXED_NOW_MS, true)).toEqual(
          normaliseEvent(decoded.value, FIXED_NOW_MS, config, FIXED_NOW_MS, false),
        );
      }),
      { numRuns: 300 },
    );
    expect(plain).toBeGreaterThan(30);
  });
});
