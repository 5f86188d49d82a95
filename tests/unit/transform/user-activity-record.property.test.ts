/**
 * Property tests of the user activity mapping: AWS says the log schema "is subject to change" and "some
 * fields might be logged with null values", so for any `message` object (known keys with any value,
 * unknown keys, keys missing) the record is never failed, every field has its schema type, and nothing the
 * fields do not hold is lost.
 */
import fc from 'fast-check';
import { parseTransformConfig } from '../../../functions/transform/config';
import { normaliseEvent } from '../../../functions/transform/normalise';
import { processBatch } from '../../../functions/transform/process-batch';
import { FIXED_NOW_MS, firehoseEvent, firehoseRecord, userActivityEvent, type Json } from '../../helpers/factories';
import { assertRecordStoredAsIs, assertStoredAsIs } from '../../helpers/openobserve-rules';

const MAPPED_KEYS = [
  'eventId', 'eventType', 'userSub', 'userName', 'userPoolId', 'clientId', 'eventResponse', 'riskLevel', 'riskDecision', 'challenges',
  'deviceName', 'ipAddress', 'requestId', 'idpName', 'compromisedCredentialDetected', 'city', 'country', 'eventFeedbackValue', 'hasContextData',
];
const KNOWN_KEYS = [...MAPPED_KEYS, 'version', 'creationDate', 'eventFeedbackDate', 'eventFeedbackProvider'];

/** Any value a field might hold: the types Cognito documents, and every other JSON value. */
const ANY_VALUE: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, '', 'true', 'false', 'TRUE', 'null', 'Pass', 'Fail', 'InProgress', 'High', 'HIDDEN_DUE_TO_SECURITY_REASONS', 0, 1.5, true, [], {}),
  fc.string({ maxLength: 20 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A message: known keys with any value, unknown keys, and any subset missing. */
const MESSAGE: fc.Arbitrary<Json> = fc
  .record({
    known: fc.dictionary(fc.constantFrom(...KNOWN_KEYS), ANY_VALUE, { maxKeys: KNOWN_KEYS.length }),
    unknown: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), ANY_VALUE, { maxKeys: 4 }),
    base: fc.boolean(),
  })
  .map(({ known, unknown, base }) => ({ ...(base ? (userActivityEvent().message as Json) : {}), ...unknown, ...known }));

const ENVELOPE = fc.record({
  eventTimestamp: fc.oneof(fc.constant(String(FIXED_NOW_MS - 60_000)), ANY_VALUE),
  logLevel: ANY_VALUE,
  logSourceId: fc.oneof(fc.constant({ userPoolId: 'eu-west-1_Ab12Cd34E' }), ANY_VALUE),
});

const CONFIG = fc
  .record({ PAYLOAD_MODE: fc.constantFrom('json', 'drop'), USERNAME_MODE: fc.constantFrom('keep', 'hash', 'drop'), SOURCE_IP_MODE: fc.constantFrom('keep', 'truncate') })
  .map((env) => parseTransformConfig(env));

function isEmpty(value: unknown): boolean {
  return value === null || value === '';
}

/** Whether a field takes `value` of mapped key `key`, as the Cognito guide types them; what it does not take must stay in detail. */
function fieldTakes(key: string, value: unknown): boolean {
  if (key === 'challenges') return Array.isArray(value);
  if (key === 'eventResponse') return value === 'Pass' || value === 'Fail' || value === 'InProgress';
  if (key === 'compromisedCredentialDetected' || key === 'hasContextData') {
    return typeof value === 'boolean' || (typeof value === 'string' && ['true', 'false'].includes(value.toLowerCase()));
  }
  return typeof value === 'string' || typeof value === 'number';
}

describe('user activity logs (properties)', () => {
  test('for any message object: never failed, every field of its schema type, stored as sent', () => {
    fc.assert(
      fc.property(MESSAGE, ENVELOPE, CONFIG, (message, envelope, config) => {
        // Prepare
        const event = { ...envelope, eventSource: 'USER_ACTIVITY', message };

        // Act
        const outcome = normaliseEvent(event, FIXED_NOW_MS - 1000, config, FIXED_NOW_MS, false, { awsAccountId: '111122223333' });

        // Assess
        expect(outcome.kind).not.toBe('failed');
        if (outcome.kind === 'ok') {
          assertStoredAsIs(outcome.line, FIXED_NOW_MS);
          expect(outcome.record.event_type).toBe('UserActivity');
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('nothing is lost: every non-empty message value no field takes (unknown keys, mistyped values) is in detail, as it came', () => {
    const keepAll = parseTransformConfig({});
    fc.assert(
      fc.property(MESSAGE, (message) => {
        const outcome = normaliseEvent({ eventTimestamp: String(FIXED_NOW_MS), eventSource: 'USER_ACTIVITY', message }, FIXED_NOW_MS, keepAll, FIXED_NOW_MS);
        if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${outcome.kind}`);

        const kept = (outcome.record.detail === undefined ? {} : (JSON.parse(String(outcome.record.detail)) as Json).message ?? {}) as Json;
        for (const [key, value] of Object.entries(message)) {
          if (isEmpty(value) || (MAPPED_KEYS.includes(key) && fieldTakes(key, value))) continue;
          // As JSON says it: -0 is written 0.
          expect(kept[key]).toEqual(JSON.parse(JSON.stringify(value)));
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('a record of any number of such events, one per line, gives one stored line per event', () => {
    fc.assert(
      fc.property(fc.array(MESSAGE, { minLength: 1, maxLength: 5 }), (messages) => {
        const text = messages.map((message) => JSON.stringify({ eventTimestamp: String(FIXED_NOW_MS), eventSource: 'USER_ACTIVITY', message })).join('\n');

        const { response } = processBatch(firehoseEvent([firehoseRecord(`${text}\n`)]), parseTransformConfig({}), FIXED_NOW_MS);

        const [record] = response.records;
        expect(record?.result).toBe('Ok');
        const data = Buffer.from(record?.data ?? '', 'base64').toString('utf8');
        assertRecordStoredAsIs(data, FIXED_NOW_MS);
        expect(data.split('\n').length - 1).toBe(messages.length);
      }),
      { numRuns: 300 },
    );
  });
});
