/**
 * Property tests of the whole batch: for any input, the transform never throws, returns every recordId once
 * in order, keeps the response under 6 MB, and every Ok line is stored by OpenObserve exactly as sent.
 */
import fc from 'fast-check';
import { parseTransformConfig, type TransformConfig } from '../../../functions/transform/config';
import { MAX_RESPONSE_BYTES } from '../../../functions/transform/constants';
import { decodeRecordData } from '../../../functions/transform/decode-record';
import { normaliseEvent } from '../../../functions/transform/normalise';
import { processBatch } from '../../../functions/transform/process-batch';
import { normaliseEvents } from '../../../functions/transform/record-events';
import type { FirehoseTransformationEvent, FirehoseTransformationEventRecord } from 'aws-lambda';
import { FIXED_NOW_MS, cloudTrailEvent, eventBridgeEvent, hostedUiEvent, userActivityEvent } from '../../helpers/factories';
import { assertRecordStoredAsIs, recordLines } from '../../helpers/openobserve-rules';

const HIDDEN = fc.constantFrom('HIDDEN_DUE_TO_SECURITY_REASONS', 'HIDDEN_FOR_SECURITY_REASONS');
const NASTY_STRING = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '\ud800', 'a\udfffb', '😀', 'שלום\u202e', '"\\\n\t', '__proto__', '_id', '{"a":1}', '2025-06-17T13:00:00Z', '198.51.100.7', '::ffff:1.2.3.4'),
  HIDDEN,
);
/** Any value a field might hold: hidden placeholder, hostile string, number, object, array, null. */
const HOSTILE_VALUE: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: NASTY_STRING },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"polluted":1},"username":"x"}') as unknown) },
  { weight: 1, arbitrary: fc.constantFrom(null, 0, -1, 1e308, 200.0, '400.0', true, [], {}) },
);
const FIELD_NAMES = [
  'eventName', 'eventSource', 'eventTime', 'eventType', 'eventID', 'errorCode', 'errorMessage', 'awsRegion', 'recipientAccountId',
  'sourceIPAddress', 'userAgent', 'userIdentity', 'requestID', 'readOnly', 'tlsDetails', 'requestParameters', 'responseElements',
  'additionalEventData', 'resources',
];
const REQUEST_FIELDS = ['userPoolId', 'clientId', 'username', 'authFlow', 'challengeName', 'identityPoolId', 'identityId', 'logins', 'providerName', 'sourceUser', 'user'];
const HOSTED_FIELDS = ['grant_type', 'identity_provider', 'sub', 'username', 'client_id'];
const PAGE_NAMES = ['Login_POST', 'Token_POST', 'Beta_Authorize_GET', 'mfa_phone_resendCode_POST', 'Error_GET', 'Logout', '__proto___GET'];

/** A Cognito-like event: a real shape with some fields replaced by hostile values. */
const COGNITO_EVENT: fc.Arbitrary<unknown> = fc
  .record({
    base: fc.constantFrom('api', 'hosted', 'identity', 'bare'),
    overrides: fc.dictionary(fc.constantFrom(...FIELD_NAMES), HOSTILE_VALUE, { maxKeys: 4 }),
    request: fc.dictionary(fc.constantFrom(...REQUEST_FIELDS), HOSTILE_VALUE, { maxKeys: 3 }),
    page: fc.constantFrom(...PAGE_NAMES),
    hosted: fc.dictionary(fc.constantFrom(...HOSTED_FIELDS), HOSTILE_VALUE, { maxKeys: 3 }),
    envelope: fc.dictionary(fc.constantFrom('id', 'time', 'account', 'region', 'source', 'detail-type', 'resources'), HOSTILE_VALUE, { maxKeys: 2 }),
  })
  .map(({ base, overrides, request, page, hosted, envelope }) => {
    const detail =
      base === 'hosted'
        ? hostedUiEvent(page, 400, { additionalEventData: { responseParameters: { status: 302 }, requestParameters: { client_id: ['c'], ...hosted } } })
        : cloudTrailEvent(base === 'identity' ? { eventSource: 'cognito-identity.amazonaws.com', eventName: 'GetId' } : {});
    const withRequest = { ...detail, requestParameters: { ...(detail.requestParameters as object | null), ...request }, ...overrides };
    return base === 'bare' ? withRequest : { ...eventBridgeEvent(withRequest), ...envelope };
  });

const ACTIVITY_FIELDS = [
  'eventId', 'eventType', 'userSub', 'userName', 'userPoolId', 'clientId', 'creationDate', 'eventResponse', 'riskLevel', 'riskDecision',
  'challenges', 'deviceName', 'ipAddress', 'requestId', 'idpName', 'compromisedCredentialDetected', 'city', 'country', 'eventFeedbackValue',
  'hasContextData', 'version', 'somethingNew',
];

/** A user activity log event with some message or envelope fields replaced by hostile values. */
const USER_ACTIVITY_EVENT: fc.Arbitrary<unknown> = fc
  .record({
    message: fc.dictionary(fc.constantFrom(...ACTIVITY_FIELDS), HOSTILE_VALUE, { maxKeys: 5 }),
    envelope: fc.dictionary(fc.constantFrom('eventTimestamp', 'eventSource', 'logLevel', 'logSourceId', 'message'), HOSTILE_VALUE, { maxKeys: 2 }),
  })
  .map(({ message, envelope }) => ({ ...userActivityEvent(message), ...envelope }));

/** Several events in one record, the way log delivery may frame them. */
const EVENTS_TEXT: fc.Arbitrary<string> = fc
  .record({ events: fc.array(fc.oneof(USER_ACTIVITY_EVENT, COGNITO_EVENT), { minLength: 2, maxLength: 4 }), separator: fc.constantFrom('\n', '\r\n', '', ' \n\n') })
  .map(({ events, separator }) => events.map((event) => JSON.stringify(event)).join(separator) + separator);

/** A record that went through the transform before (redrive), possibly tampered with. */
const NORMALISED_RECORD: fc.Arbitrary<unknown> = fc
  .record({ fields: fc.dictionary(fc.constantFrom('_timestamp', 'event_name', 'category', 'http_status', 'request_parameters', 'restamped', '_id', 'detail', 'grant_type', 'identity_provider'), HOSTILE_VALUE) })
  .map(({ fields }) => ({ schema_version: 1, ...fields }));

const DATA: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: COGNITO_EVENT.map((event) => Buffer.from(JSON.stringify(event)).toString('base64')) },
  { weight: 1, arbitrary: NORMALISED_RECORD.map((event) => Buffer.from(JSON.stringify(event)).toString('base64')) },
  { weight: 2, arbitrary: USER_ACTIVITY_EVENT.map((event) => Buffer.from(JSON.stringify(event)).toString('base64')) },
  { weight: 1, arbitrary: EVENTS_TEXT.map((text) => Buffer.from(text).toString('base64')) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => Buffer.from(JSON.stringify(value) ?? '').toString('base64')) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 24 }) },
);

const CONFIG: fc.Arbitrary<TransformConfig> = fc
  .record({
    PAYLOAD_MODE: fc.constantFrom('json', 'drop'),
    USERNAME_MODE: fc.constantFrom('keep', 'hash', 'drop'),
    SOURCE_IP_MODE: fc.constantFrom('keep', 'truncate'),
    EXCLUDE_EVENT_NAMES: fc.constantFrom('', 'Admin*', 'Login_*,GetId', '*Auth*'),
    // Up to the default: a longer setting knowingly lets records past OpenObserve's 5 h window.
    LATE_EVENT_SECONDS: fc.constantFrom('60', '3600', '16200'),
  })
  .map((env) => parseTransformConfig(env));

const BATCH = fc.record({
  records: fc.array(fc.record({ suffix: fc.string({ maxLength: 6 }), data: DATA, arrival: fc.integer({ min: -1, max: 4_102_444_800_000 }) }), { maxLength: 8 }),
  config: CONFIG,
  nowMs: fc.integer({ min: FIXED_NOW_MS - 365 * 86_400_000, max: FIXED_NOW_MS + 365 * 86_400_000 }),
});

function toEvent(records: readonly { suffix: string; data: string; arrival: number }[]): FirehoseTransformationEvent {
  const firehoseRecords: FirehoseTransformationEventRecord[] = records.map((record, index) => ({
    recordId: `${index}-${record.suffix}`,
    approximateArrivalTimestamp: record.arrival,
    data: record.data,
  }));
  return { invocationId: 'inv', deliveryStreamArn: 'arn:aws:firehose:eu-west-1:111122223333:deliverystream/s', region: 'eu-west-1', records: firehoseRecords };
}

describe('processBatch (properties)', () => {
  test('for any batch: no throw, every recordId once in order, under 6 MB, every Ok line stored as sent', () => {
    fc.assert(
      fc.property(BATCH, ({ records, config, nowMs }) => {
        // Prepare
        const event = toEvent(records);

        // Act
        const { response, summary, failures } = processBatch(event, config, nowMs);

        // Assess
        expect(response.records.map((r) => r.recordId)).toEqual(event.records.map((r) => r.recordId));
        expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
        expect(summary.ok + summary.dropped + summary.processingFailed).toBe(records.length);
        expect(failures).toHaveLength(summary.processingFailed);
        response.records.forEach((record, index) => {
          if (record.result === 'Ok') assertRecordStoredAsIs(Buffer.from(record.data, 'base64').toString('utf8'), nowMs);
          else expect(record.data).toBe(event.records[index]?.data);
        });
      }),
      { numRuns: 1500 },
    );
  });

  test('an Ok record carries the base64 of the UTF-8 bytes of its lines; ASCII input without a backslash gives ASCII lines', () => {
    // The batch encodes the lines of ASCII records straight from the string (scratch-buffer.ts, asciiToBase64),
    // which is right only while everything the transform writes of its own is ASCII.
    const context = { awsAccountId: '111122223333' };
    let asciiLines = 0;
    fc.assert(
      fc.property(BATCH, fc.constantFrom<TransformConfig['payloadMode']>('json', 'nested', 'drop'), ({ records, config: base, nowMs }, payloadMode) => {
        // Prepare
        const event = toEvent(records);
        const config: TransformConfig = { ...base, payloadMode };

        // Act
        const { response } = processBatch(event, config, nowMs);

        // Assess
        response.records.forEach((record, index) => {
          const input = event.records[index] as FirehoseTransformationEventRecord;
          const decoded = decodeRecordData(input.data);
          if (record.result !== 'Ok' || !decoded.ok) return;
          const outcome =
            decoded.values === undefined
              ? normaliseEvent(decoded.value, input.approximateArrivalTimestamp, config, nowMs, false, context)
              : normaliseEvents(decoded.values, input.approximateArrivalTimestamp, config, nowMs, false, context);
          expect(outcome.kind).toBe('ok');
          const lines = outcome.kind === 'ok' ? outcome.line : '';
          expect(record.data).toBe(Buffer.from(lines, 'utf8').toString('base64'));
          if (decoded.asciiStrings === true) {
            // biome-ignore lint/suspicious/noControlCharactersInRegex: the whole 7-bit range, control characters included, is ASCII
            expect(lines).toMatch(/^[\x00-\x7f]*$/);
            asciiLines += 1;
          }
        });
      }),
      { numRuns: 1000 },
    );
    expect(asciiLines).toBeGreaterThan(500);
  });

  test('PAYLOAD_MODE=nested: every line of every Ok output is one JSON object whose second byte is a tab', () => {
    const nested = parseTransformConfig({ PAYLOAD_MODE: 'nested' });
    fc.assert(
      fc.property(fc.array(DATA, { maxLength: 6 }), (datas) => {
        const event = toEvent(datas.map((data) => ({ suffix: '', data, arrival: FIXED_NOW_MS })));

        const { response } = processBatch(event, nested, FIXED_NOW_MS);

        for (const record of response.records.filter((r) => r.result === 'Ok')) {
          for (const line of recordLines(Buffer.from(record.data, 'base64').toString('utf8'))) {
            expect(line.startsWith('{\t"_timestamp":')).toBe(true);
            expect(line.indexOf('\n')).toBe(line.length - 1);
            expect(typeof JSON.parse(line)).toBe('object');
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the response fits whenever the request did, and ProcessingFailed records keep their original data', () => {
    // Records of up to ~900 KB: quote-heavy blobs whose lines outgrow their input, plain events, garbage.
    const LARGE_RECORD = fc.record({
      kind: fc.constantFrom('expanding', 'expanding', 'plain', 'garbage'),
      size: fc.oneof(fc.integer({ min: 10, max: 2000 }), fc.integer({ min: 200_000, max: 900_000 })),
    });
    fc.assert(
      fc.property(fc.array(LARGE_RECORD, { minLength: 1, maxLength: 16 }), (specs) => {
        // Prepare: keep only as many records as fit in a 6 MB request, as Lambda guarantees.
        const records: { suffix: string; data: string; arrival: number }[] = [];
        let requestBytes = 200;
        for (const spec of specs) {
          const value =
            spec.kind === 'garbage'
              ? 'x'.repeat(spec.size)
              : JSON.stringify(eventBridgeEvent(cloudTrailEvent({ requestParameters: spec.kind === 'expanding' ? { q: '"'.repeat(spec.size / 2) } : { a: 'a'.repeat(spec.size) } })));
          const data = Buffer.from(value).toString('base64');
          if (requestBytes + data.length + 120 > MAX_RESPONSE_BYTES) break;
          requestBytes += data.length + 120;
          records.push({ suffix: '', data, arrival: FIXED_NOW_MS });
        }
        const event = toEvent(records);
        expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);

        // Act
        const { response } = processBatch(event, parseTransformConfig({}), FIXED_NOW_MS);

        // Assess
        expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
        response.records.forEach((record, index) => {
          expect(record.recordId).toBe(event.records[index]?.recordId);
          if (record.result !== 'Ok') expect(record.data).toBe(event.records[index]?.data);
        });
      }),
      { numRuns: 40, endOnFailure: true }, // shrinking megabyte strings takes minutes; the first counterexample is enough
    );
  });
});
