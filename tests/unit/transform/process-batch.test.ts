import { DEFAULT_TRANSFORM_CONFIG, parseTransformConfig } from '../../../functions/transform/config';
import { MAX_RECORD_BYTES, MAX_RESPONSE_BYTES } from '../../../functions/transform/constants';
import { processBatch } from '../../../functions/transform/process-batch';
import { MAX_HASHED_USERNAMES } from '../../../functions/transform/username';
import type { FirehoseTransformationEvent } from 'aws-lambda';
import { FIXED_NOW_MS, cloudTrailEvent, decodeData, eventBridgeEvent, firehoseEvent, firehoseRecord, userActivityEvent } from '../../helpers/factories';
import { assertRecordStoredAsIs, assertStoredAsIs, recordLines } from '../../helpers/openobserve-rules';

describe('processBatch', () => {
  test('returns every recordId once, in input order, with one result each', () => {
    // Prepare
    const event = firehoseEvent([
      eventBridgeEvent(cloudTrailEvent()),
      firehoseRecord(undefined, { data: 'bm90IGpzb24gYXQgYWxs' }),
      eventBridgeEvent(cloudTrailEvent({ eventName: 'ListUsers' })),
      eventBridgeEvent(cloudTrailEvent({ eventName: 'SignUp' })),
    ]);
    const config = parseTransformConfig({ EXCLUDE_EVENT_NAMES: 'ListUsers' });

    // Act
    const { response, summary, failures } = processBatch(event, config, FIXED_NOW_MS);

    // Assess
    expect(response.records.map((r) => r.recordId)).toEqual(event.records.map((r) => r.recordId));
    expect(response.records.map((r) => r.result)).toEqual(['Ok', 'ProcessingFailed', 'Dropped', 'Ok']);
    expect(failures).toEqual([{ recordId: event.records[1]?.recordId, reason: 'record is not JSON' }]);
    expect(summary).toMatchObject({ recordsIn: 4, ok: 2, dropped: 1, processingFailed: 1, restamped: 0, overResponseLimit: 0 });
  });

  test('an Ok record carries the normalised line; Dropped and ProcessingFailed carry the original data', () => {
    const event = firehoseEvent([eventBridgeEvent(cloudTrailEvent()), firehoseRecord(undefined, { data: 'bm90IGpzb24=' })]);

    const { response } = processBatch(event, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    const line = decodeData(response.records[0]?.data ?? '');
    expect(line.startsWith('{\t"_timestamp":')).toBe(true);
    assertStoredAsIs(line, FIXED_NOW_MS);
    expect(response.records[1]).toEqual({ recordId: event.records[1]?.recordId, result: 'ProcessingFailed', data: 'bm90IGpzb24=' });
  });

  test.each([
    ['invalid base64', 'not base64!!', 'record is not valid base64'],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0xff, 0x7d]).toString('base64'), 'record is not UTF-8'],
    ['text that is not JSON', Buffer.from('{"a":').toString('base64'), 'record is not JSON'],
    ['JSON that is not an object', Buffer.from('[1,2,3]').toString('base64'), 'record is a JSON array, not an object'],
    ['empty data', '', 'record is empty'],
    ['a record over 1,000 KiB', Buffer.from(`{"a":"${'x'.repeat(MAX_RECORD_BYTES)}"}`).toString('base64'), `record is ${MAX_RECORD_BYTES + 8} bytes, over the ${MAX_RECORD_BYTES}-byte limit`],
    ['a normalised record of another schema version', Buffer.from('{"schema_version":2,"_timestamp":1}').toString('base64'), 'record has a schema_version other than 1'],
    ['a record of two events, one a normalised record of another schema version', Buffer.from('{"hello":"world"}\n{"schema_version":2}\n').toString('base64'), 'event 2 of 2: record has a schema_version other than 1'],
  ])('marks %s ProcessingFailed on its own, with the reason', (_name, data, reason) => {
    const event = firehoseEvent([eventBridgeEvent(cloudTrailEvent()), firehoseRecord(undefined, { data }), eventBridgeEvent(cloudTrailEvent())]);

    const { response, failures } = processBatch(event, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(response.records.map((r) => r.result)).toEqual(['Ok', 'ProcessingFailed', 'Ok']);
    expect(response.records[1]?.data).toBe(data);
    expect(failures).toEqual([{ recordId: event.records[1]?.recordId, reason }]);
  });

  describe('records of several events (Cognito log delivery)', () => {
    const twoEvents = `${JSON.stringify(userActivityEvent())}\n${JSON.stringify(userActivityEvent({ eventId: 'second', eventType: 'SignUp', eventResponse: 'Pass' }))}\n`;

    test('a record of two events, one per line, gives one line per event under its one recordId', () => {
      // Prepare
      const event = firehoseEvent([firehoseRecord(twoEvents), eventBridgeEvent(cloudTrailEvent())]);

      // Act
      const { response, summary } = processBatch(event, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

      // Assess
      expect(response.records.map((r) => [r.recordId, r.result])).toEqual(event.records.map((r) => [r.recordId, 'Ok']));
      const data = decodeData(response.records[0]?.data ?? '');
      assertRecordStoredAsIs(data, FIXED_NOW_MS);
      expect(recordLines(data).map((line) => JSON.parse(line) as { event_id: string; category: string })).toMatchObject([
        { event_id: '0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f', category: 'sign_in' },
        { event_id: 'second', category: 'sign_up' },
      ]);
      expect(summary).toMatchObject({ recordsIn: 2, ok: 2, processingFailed: 0 });
    });

    test('events back to back, with CRLF or in an array give the same lines', () => {
      const [one, two] = [JSON.stringify(userActivityEvent()), JSON.stringify(userActivityEvent({ eventId: 'second' }))];
      const event = firehoseEvent([firehoseRecord(twoEvents), firehoseRecord(`${one}${two}`), firehoseRecord(`${one}\r\n${two}\r\n`), firehoseRecord(`[${one},${two}]`)]);

      const { response } = processBatch(event, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

      const lines = response.records.map((record) => recordLines(decodeData(record.data)).map((line) => (JSON.parse(line) as { event_id: string }).event_id));
      expect(lines).toEqual(Array.from({ length: 4 }, () => ['0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f', 'second']));
    });

    test('events EXCLUDE_EVENT_NAMES drops are left out; a record whose every event is dropped is Dropped', () => {
      const event = firehoseEvent([firehoseRecord(twoEvents), firehoseRecord(`${JSON.stringify(userActivityEvent())}\n${JSON.stringify(userActivityEvent())}`)]);

      const { response } = processBatch(event, parseTransformConfig({ EXCLUDE_EVENT_NAMES: 'SignIn' }), FIXED_NOW_MS);

      expect(response.records.map((r) => r.result)).toEqual(['Ok', 'Dropped']);
      expect(recordLines(decodeData(response.records[0]?.data ?? ''))).toHaveLength(1);
      expect(response.records[1]?.data).toBe(event.records[1]?.data);
    });

    test('counts a record restamped when one of its events was', () => {
      const old = JSON.stringify(userActivityEvent({}, { eventTimestamp: String(FIXED_NOW_MS - 24 * 3_600_000) }));
      const event = firehoseEvent([firehoseRecord(`${JSON.stringify(userActivityEvent())}\n${old}\n`)]);

      const { summary } = processBatch(event, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

      expect(summary.restamped).toBe(1);
    });
  });

  test("user activity events take aws_account_id from the batch's deliveryStreamArn", () => {
    const event = firehoseEvent([userActivityEvent()]);

    const withArn = processBatch(event, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);
    const withoutArn = processBatch({ ...event, deliveryStreamArn: 'not an arn' }, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(JSON.parse(decodeData(withArn.response.records[0]?.data ?? ''))).toMatchObject({ aws_account_id: '111122223333' });
    expect(JSON.parse(decodeData(withoutArn.response.records[0]?.data ?? ''))).not.toHaveProperty('aws_account_id');
  });

  test('a reason never holds record content', () => {
    const secret = 'Sup3r-Secr3t-Passw0rd';
    const event = firehoseEvent([firehoseRecord(undefined, { data: Buffer.from(`{"password":"${secret}"`).toString('base64') })]);

    const result = processBatch(event, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(JSON.stringify(result.failures)).not.toContain(secret);
  });

  test('fails a record whose nesting is too deep to serialise, not the batch', () => {
    const deep = `{"detail-type":"x","source":"y","detail":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const event = firehoseEvent([firehoseRecord(undefined, { data: Buffer.from(deep).toString('base64') }), eventBridgeEvent(cloudTrailEvent())]);

    const { response, failures } = processBatch(event, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(response.records.map((r) => r.result)).toEqual(['ProcessingFailed', 'Ok']);
    expect(failures[0]?.reason).toMatch(/^transform error \(\w+\)$/);
  });

  test('USERNAME_MODE=hash bounds the work of a 3 MB batch of hostile username arrays: every record Ok, no name kept', () => {
    // Prepare: three records just under 1,000 KiB, each a quarter of a million one-letter usernames in
    // requestParameters (issue: > 1 s and 400 MB per batch when every one was hashed).
    const hostile = (index: number): ReturnType<typeof eventBridgeEvent> => {
      const username = Array.from({ length: 250_000 }, (_, at) => String.fromCharCode(97 + ((at + index) % 26)));
      return eventBridgeEvent(cloudTrailEvent({ eventName: 'AdminGetUser', requestParameters: { userPoolId: 'eu-west-1_Ab12Cd34E', username } }));
    };
    const event = firehoseEvent([hostile(0), hostile(1), hostile(2)]);
    const bytesIn = event.records.reduce((sum, record) => sum + Buffer.from(record.data, 'base64').length, 0);

    // Act
    const { response, summary } = processBatch(event, parseTransformConfig({ USERNAME_MODE: 'hash' }), FIXED_NOW_MS);

    // Assess
    expect(bytesIn).toBeGreaterThan(2_900_000);
    expect(event.records.every((record) => Buffer.from(record.data, 'base64').length <= MAX_RECORD_BYTES)).toBe(true);
    expect(response.records.map((r) => r.result)).toEqual(['Ok', 'Ok', 'Ok']);
    for (const record of response.records) {
      const line = decodeData(record.data);
      const request = JSON.parse((JSON.parse(line) as { request_parameters: string }).request_parameters) as { username: string[] };
      expect(request.username).toHaveLength(MAX_HASHED_USERNAMES);
      expect(request.username.every((value) => /^[0-9a-f]{64}$/.test(value))).toBe(true);
      assertStoredAsIs(line, FIXED_NOW_MS);
    }
    expect(summary.bytesOut).toBeLessThan(40_000);
  });

  test('counts restamped records and bytes', () => {
    // Prepare: ASCII and non-ASCII lines (encoded two ways), a Dropped and a ProcessingFailed record.
    const event = firehoseEvent([
      eventBridgeEvent(cloudTrailEvent({ eventTime: '2025-06-16T00:00:00Z' })),
      eventBridgeEvent(cloudTrailEvent()),
      eventBridgeEvent(cloudTrailEvent({ userAgent: 'Zoë 😀 東京' })),
      eventBridgeEvent(cloudTrailEvent({ errorMessage: 'user "ü" \\ not found' })),
      eventBridgeEvent(cloudTrailEvent({ eventName: 'ListUsers' })),
      firehoseRecord(undefined, { data: 'bm90IGpzb24=' }),
    ]);

    // Act
    const { response, summary } = processBatch(event, parseTransformConfig({ EXCLUDE_EVENT_NAMES: 'ListUsers' }), FIXED_NOW_MS);

    // Assess
    expect(response.records.map((r) => r.result)).toEqual(['Ok', 'Ok', 'Ok', 'Ok', 'Dropped', 'ProcessingFailed']);
    expect(summary.restamped).toBe(1);
    expect(summary.bytesIn).toBe(event.records.reduce((sum, r) => sum + Buffer.from(r.data, 'base64').length, 0));
    const okRecords = response.records.filter((r) => r.result === 'Ok');
    expect(summary.bytesOut).toBe(okRecords.reduce((sum, r) => sum + Buffer.from(r.data, 'base64').length, 0));
    expect(summary.responseBytes).toBe(Buffer.byteLength(JSON.stringify(response)));
  });

  test('keeps the response under 6 MB: records that do not fit become ProcessingFailed with their original data', () => {
    // Prepare: 10 records of ~520 KB whose normalised lines are larger than their input (quotes escaped twice).
    const blob = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`k${i}`, 'v']));
    const event = firehoseEvent(Array.from({ length: 10 }, () => eventBridgeEvent(cloudTrailEvent({ requestParameters: blob }))));
    const requestBytes = Buffer.byteLength(JSON.stringify(event));
    expect(requestBytes).toBeLessThan(MAX_RESPONSE_BYTES);

    // Act
    const { response, summary, failures } = processBatch(event, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    // Assess
    expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    expect(summary.overResponseLimit).toBeGreaterThan(0);
    expect(summary.ok + summary.processingFailed).toBe(10);
    const failed = response.records.filter((r) => r.result === 'ProcessingFailed');
    for (const record of failed) expect(record.data).toBe(event.records.find((r) => r.recordId === record.recordId)?.data);
    expect(failures.every((f) => f.reason === `response would exceed ${MAX_RESPONSE_BYTES} bytes`)).toBe(true);
  });

  test('counts the records that gave way to the limit as ProcessingFailed, and lists every failure in record order', () => {
    // Prepare: ~520 KB records that grow (restamped ones among them), with records that fail on their own between them.
    const blob = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`k${i}`, 'v']));
    const large = (eventTime?: string) => eventBridgeEvent(cloudTrailEvent({ requestParameters: blob, ...(eventTime ? { eventTime } : {}) }));
    const notJson = firehoseRecord(undefined, { data: 'bm90IGpzb24=' });
    const event = firehoseEvent([notJson, large('2025-06-16T00:00:00Z'), large(), large(), notJson, large('2025-06-16T00:00:00Z'), large(), large(), large(), notJson, large(), large(), large('2025-06-16T00:00:00Z')]);
    expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThan(MAX_RESPONSE_BYTES);

    // Act
    const { response, summary, failures } = processBatch(event, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    // Assess
    const okRecords = response.records.filter((r) => r.result === 'Ok');
    const failedIds = response.records.filter((r) => r.result === 'ProcessingFailed').map((r) => r.recordId);
    expect(summary.overResponseLimit).toBeGreaterThan(0);
    expect(failures.map((f) => f.recordId)).toEqual(failedIds);
    expect(failures.filter((f) => f.reason === 'record is not JSON')).toHaveLength(3);
    expect(failures.filter((f) => f.reason === `response would exceed ${MAX_RESPONSE_BYTES} bytes`)).toHaveLength(summary.overResponseLimit);
    expect(summary).toMatchObject({ recordsIn: 13, ok: okRecords.length, dropped: 0, processingFailed: failedIds.length, responseBytes: Buffer.byteLength(JSON.stringify(response)) });
    expect(summary.bytesOut).toBe(okRecords.reduce((sum, r) => sum + Buffer.from(r.data, 'base64').length, 0));
    const restampedOk = okRecords.filter((r) => (JSON.parse(decodeData(r.data)) as { restamped?: boolean }).restamped === true);
    expect(summary.restamped).toBe(restampedOk.length);
  });

  test('answers an event without records, or with malformed records, without throwing', () => {
    expect(processBatch({} as FirehoseTransformationEvent, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS).response).toEqual({ records: [] });
    const odd = { invocationId: 'i', deliveryStreamArn: 'a', region: 'r', records: [null, { recordId: 7 }, { recordId: 'x', data: 5 }] };

    const { response } = processBatch(odd as unknown as FirehoseTransformationEvent, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(response.records).toEqual([
      { recordId: '', result: 'ProcessingFailed', data: '' },
      { recordId: '7', result: 'ProcessingFailed', data: '' },
      { recordId: 'x', result: 'ProcessingFailed', data: '' },
    ]);
  });
});
