import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TRANSFORM_CONFIG, parseTransformConfig } from '../../../functions/transform/config';
import { normaliseEvent } from '../../../functions/transform/normalise';
import { passThroughNormalised } from '../../../functions/transform/normalised-record';
import { FIXED_NOW_MS, cloudTrailEvent, eventBridgeEvent, hostedUiEvent, userActivityEvent } from '../../helpers/factories';

const EVENTS_DIR = path.resolve(__dirname, '../../../events/eventbridge');

function lineOf(event: unknown, config = DEFAULT_TRANSFORM_CONFIG, nowMs = FIXED_NOW_MS): string {
  const outcome = normaliseEvent(event, nowMs, config, nowMs);
  if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${outcome.kind}`);
  return outcome.line;
}

describe('passThroughNormalised (redrive)', () => {
  test('is idempotent: a normalised line normalises to the same bytes', () => {
    const events = [
      ...readdirSync(EVENTS_DIR).map((name) => JSON.parse(readFileSync(path.join(EVENTS_DIR, name), 'utf8')) as unknown),
      eventBridgeEvent(hostedUiEvent('Login_GET', 200)),
      eventBridgeEvent({ x: 1 }, { 'detail-type': 'Other', source: 'aws.other' }),
      eventBridgeEvent(cloudTrailEvent({ userAgent: 'ünï 😀 "quoted" \\ \ud800', requestParameters: { a: 'x\ud800', __proto__x: 1 } })),
      userActivityEvent(),
      userActivityEvent({ challenges: [{ challengeName: 'Mfa\ud800', challengeResponse: 'Failure' }], city: 'São Paulo', hasContextData: 'false' }),
      { hello: 'world', nested: { username: 'x' } },
    ];
    for (const config of [DEFAULT_TRANSFORM_CONFIG, parseTransformConfig({ PAYLOAD_MODE: 'nested', USERNAME_MODE: 'hash' })]) {
      for (const event of events) {
        const first = lineOf(event, config);
        expect(lineOf(JSON.parse(first), config)).toBe(first);
      }
    }
  });

  test('applies the late-event rule on redrive, keeping event_time', () => {
    const first = lineOf(eventBridgeEvent(cloudTrailEvent()));
    const laterMs = FIXED_NOW_MS + 6 * 3600 * 1000;

    const again = JSON.parse(lineOf(JSON.parse(first), DEFAULT_TRANSFORM_CONFIG, laterMs)) as Record<string, unknown>;

    expect(again).toMatchObject({ _timestamp: laterMs * 1000, event_time: '2025-06-17T13:00:00Z', restamped: true });
  });

  test('reports restamped only when the rule moved the time now, and keeps an earlier restamp', () => {
    const restamped = JSON.parse(lineOf(eventBridgeEvent(cloudTrailEvent()), DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS + 6 * 3600 * 1000)) as unknown;

    const outcome = passThroughNormalised(restamped as Record<string, unknown>, FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS + 6 * 3600 * 1000);

    expect(outcome).toMatchObject({ kind: 'ok', restamped: false, record: { restamped: true } });
  });

  test('keeps only schema v1 fields of their types, with valid category and outcome', () => {
    const input = {
      _timestamp: Math.trunc(FIXED_NOW_MS / 1000),
      schema_version: 1,
      _id: 'x',
      extra: 'y',
      event_name: 42,
      category: 'made_up',
      outcome: 'maybe',
      http_status: '200',
      read_only: 'true',
      restamped: 'yes',
      request_parameters: 'not json',
      response_elements: { a: 1 },
      username: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    };

    const outcome = passThroughNormalised(input, FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(outcome.kind === 'ok' && JSON.parse(outcome.line)).toEqual({
      _timestamp: FIXED_NOW_MS * 1000,
      schema_version: 1,
      event_name: '42',
      category: 'other',
      outcome: 'unknown',
      read_only: true,
      request_parameters: '"not json"',
      response_elements: '{"a":1}',
    });
  });

  test('falls back to event_time, then the arrival time, for a missing _timestamp', () => {
    const fromEventTime = passThroughNormalised({ schema_version: 1, event_time: '2025-06-17T13:00:00Z' }, FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);
    const fromArrival = passThroughNormalised({ schema_version: 1, _timestamp: 'soon' }, FIXED_NOW_MS - 7, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(fromEventTime.kind === 'ok' && fromEventTime.record._timestamp).toBe(Date.UTC(2025, 5, 17, 13) * 1000);
    expect(fromArrival.kind === 'ok' && fromArrival.record._timestamp).toBe((FIXED_NOW_MS - 7) * 1000);
  });

  test('fails a record of another schema version, which it cannot check', () => {
    for (const version of [2, '1', 0, null]) {
      expect(passThroughNormalised({ schema_version: version }, FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS)).toEqual({
        kind: 'failed',
        reason: 'record has a schema_version other than 1',
      });
    }
  });

  test('drops excluded event names and removes payloads with PAYLOAD_MODE=drop', () => {
    const line = lineOf(eventBridgeEvent(cloudTrailEvent()));

    expect(passThroughNormalised(JSON.parse(line), FIXED_NOW_MS, parseTransformConfig({ EXCLUDE_EVENT_NAMES: 'Initiate*' }), FIXED_NOW_MS).kind).toBe('dropped');
    const dropped = passThroughNormalised(JSON.parse(line), FIXED_NOW_MS, parseTransformConfig({ PAYLOAD_MODE: 'drop' }), FIXED_NOW_MS);
    expect(dropped.kind === 'ok' && dropped.record.request_parameters).toBeUndefined();
  });
});
