/**
 * Each rule of OpenObserve's Firehose endpoint (docs/reference/openobserve-firehose-ingestion.md) that shapes the output,
 * checked on real transform output with the OpenObserve-rules test helper.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TRANSFORM_CONFIG } from '../../../functions/transform/config';
import { normaliseEvent } from '../../../functions/transform/normalise';
import { processBatch } from '../../../functions/transform/process-batch';
import { FIXED_NOW_MS, cloudTrailEvent, eventBridgeEvent, firehoseEvent, hostedUiEvent } from '../../helpers/factories';
import {
  COLS_PER_RECORD_LIMIT,
  assertStoredAsIs,
  checkTypeStability,
  parseFirehoseBase64,
  parseFirehoseRecord,
  sniffOtlpMetrics,
} from '../../helpers/openobserve-rules';

const EVENTS_DIR = path.resolve(__dirname, '../../../events/eventbridge');
const sampleEvents = readdirSync(EVENTS_DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(path.join(EVENTS_DIR, name), 'utf8')) as unknown);

function lineOf(event: unknown, nowMs = FIXED_NOW_MS): string {
  const outcome = normaliseEvent(event, nowMs, DEFAULT_TRANSFORM_CONFIG, nowMs);
  if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${outcome.kind}: ${outcome.reason}`);
  return outcome.line;
}

describe('OpenObserve Firehose contract', () => {
  test('protobuf sniff: the second byte is a tab, so no record is ever taken for OTLP metrics', () => {
    for (const event of sampleEvents) {
      const bytes = Buffer.from(lineOf(event));
      expect(bytes[1]).toBe(0x09);
      expect(sniffOtlpMetrics(bytes).protobuf).toBe(false);
    }
  });

  test('protobuf sniff: the same record without the tab is a risk the tab removes', () => {
    // The sniff skips one leading varint: `{` (0x7b) is one byte, so decoding starts at the second byte.
    // A tab there is field 1 with wire type 1 (64-bit), which the OTLP message rejects.
    const withTab = Buffer.from('{\t"_timestamp":1}\n');

    expect(sniffOtlpMetrics(withTab).protobuf).toBe(false);
  });

  test('one bad line fails the whole request: every output is exactly one line with one trailing newline', () => {
    const event = firehoseEvent(sampleEvents.map((sample) => sample as Record<string, unknown>));

    const { response } = processBatch(event, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    for (const record of response.records) {
      expect(record.result).toBe('Ok');
      const text = Buffer.from(record.data, 'base64').toString('utf8');
      expect(text.indexOf('\n')).toBe(text.length - 1);
      expect(text).not.toMatch(/\n\n|\r/);
      expect(parseFirehoseBase64(record.data, { nowMs: FIXED_NOW_MS }).kind).toBe('stored');
    }
  });

  test('every sample event is stored exactly as sent', () => {
    for (const event of sampleEvents) assertStoredAsIs(lineOf(event), FIXED_NOW_MS);
  });

  test('type conflicts: each column keeps one type across very different events', () => {
    // Prepare: events whose raw payloads disagree on types (string vs object vs number vs array).
    const events = [
      ...sampleEvents,
      eventBridgeEvent(cloudTrailEvent({ requestParameters: 'HIDDEN_DUE_TO_SECURITY_REASONS', readOnly: 'true' })),
      eventBridgeEvent(cloudTrailEvent({ requestParameters: { clientId: 12345, username: 42 }, recipientAccountId: 111122223333 })),
      eventBridgeEvent(cloudTrailEvent({ responseElements: ['a', 1], additionalEventData: 7 })),
      eventBridgeEvent(hostedUiEvent('Login_POST', '400.0')),
      eventBridgeEvent(hostedUiEvent('Login_GET', 200.5)),
      eventBridgeEvent({ anything: [1, 2, { x: null }] }, { 'detail-type': 'Scheduled Event', source: 'aws.events' }),
    ];

    // Act
    const rows = events.map((event) => {
      const verdict = parseFirehoseRecord(Buffer.from(lineOf(event)), { nowMs: FIXED_NOW_MS });
      if (verdict.kind !== 'stored') throw new Error(verdict.reason);
      return { row: verdict.rows[0] ?? {}, types: verdict.types[0] ?? {} };
    });
    const stability = checkTypeStability(
      rows.map((r) => r.row),
      rows.map((r) => r.types),
    );

    // Assess
    expect(stability.conflicts).toEqual([]);
  });

  test('1,000-column limit: blobs stay one string column each, however many keys they hold', () => {
    // Prepare: 400 events, each with 10 distinct request parameters → 4,000 keys if flattened.
    const events = Array.from({ length: 400 }, (_, i) =>
      eventBridgeEvent(
        cloudTrailEvent({
          requestParameters: Object.fromEntries(Array.from({ length: 10 }, (__, j) => [`param_${i}_${j}`, { deep: { er: j } }])),
        }),
      ),
    );

    // Act
    const rows = events.map((event) => {
      const verdict = parseFirehoseRecord(Buffer.from(lineOf(event)), { nowMs: FIXED_NOW_MS });
      if (verdict.kind !== 'stored') throw new Error(verdict.reason);
      return verdict.rows[0] ?? {};
    });
    const stability = checkTypeStability(rows);

    // Assess
    expect(stability.overColumnLimit).toBe(false);
    expect(stability.columns.size).toBeLessThanOrEqual(40);
    expect(stability.columns.size).toBeLessThan(COLS_PER_RECORD_LIMIT);
  });

  test('ingest window: an event older than 5 hours is restamped to now and stored, not silently dropped', () => {
    // Prepare: a replay a day after the fact.
    const nowMs = FIXED_NOW_MS + 24 * 3600 * 1000;
    const line = lineOf(eventBridgeEvent(cloudTrailEvent()), nowMs);

    // Act
    const verdict = parseFirehoseRecord(Buffer.from(line), { nowMs });

    // Assess
    expect(verdict.kind).toBe('stored');
    expect(JSON.parse(line)).toMatchObject({ _timestamp: nowMs * 1000, event_time: '2025-06-17T13:00:00Z', restamped: true });
    assertStoredAsIs(line, nowMs);
  });

  test('ingest window: without the rule OpenObserve would drop the late record', () => {
    const nowMs = FIXED_NOW_MS + 24 * 3600 * 1000;
    const config = { ...DEFAULT_TRANSFORM_CONFIG, lateEventPolicy: 'keep' as const };
    const outcome = normaliseEvent(eventBridgeEvent(cloudTrailEvent()), nowMs, config, nowMs);
    if (outcome.kind !== 'ok') throw new Error('expected ok');

    expect(parseFirehoseRecord(Buffer.from(outcome.line), { nowMs }).kind).toBe('dropped');
  });

  test('ingest window: an event more than 24 hours in the future is restamped to now and stored', () => {
    const line = lineOf(eventBridgeEvent(cloudTrailEvent({ eventTime: '2025-06-19T13:00:00Z' })));

    expect(JSON.parse(line)).toMatchObject({ _timestamp: FIXED_NOW_MS * 1000, restamped: true });
    assertStoredAsIs(line, FIXED_NOW_MS);
  });

  test('reserved keys: no output key normalises to _id or another reserved name', () => {
    const hostile = JSON.parse('{"_id":"x","_o2_id":1,"_original":"y","_all":2,"schema_version":1,"_timestamp":1750165200000000}') as unknown;

    const line = lineOf(hostile);

    expect(Object.keys(JSON.parse(line) as object)).toEqual(['_timestamp', 'schema_version', 'category', 'outcome']);
    assertStoredAsIs(line, FIXED_NOW_MS);
  });
});
