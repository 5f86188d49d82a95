import { DEFAULT_TRANSFORM_CONFIG, parseTransformConfig } from '../../../functions/transform/config';
import { normaliseOtherEvent, normaliseUnrecognised } from '../../../functions/transform/other-event';
import { FIXED_NOW_MS, eventBridgeEvent } from '../../helpers/factories';

const scheduled = eventBridgeEvent(
  { 'instance-id': 'i-0123', state: 'running' },
  { 'detail-type': 'EC2 Instance State-change Notification', source: 'aws.ec2', time: '2025-06-17T13:30:00Z', id: 'ev-1' },
);

describe('normaliseOtherEvent', () => {
  test('maps the envelope and keeps detail as JSON text, category other, outcome unknown', () => {
    const outcome = normaliseOtherEvent(scheduled, FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(outcome.kind).toBe('ok');
    if (outcome.kind !== 'ok') return;
    expect(JSON.parse(outcome.line)).toEqual({
      _timestamp: Date.UTC(2025, 5, 17, 13, 30) * 1000,
      event_time: '2025-06-17T13:30:00Z',
      schema_version: 1,
      event_id: 'ev-1',
      event_name: 'EC2 Instance State-change Notification',
      event_source: 'aws.ec2',
      category: 'other',
      outcome: 'unknown',
      aws_account_id: '111122223333',
      aws_region: 'eu-west-1',
      detail: '{"instance-id":"i-0123","state":"running"}',
    });
  });

  test('uses the arrival time when the envelope has no usable time, and restamps when late', () => {
    const noTime = normaliseOtherEvent({ 'detail-type': 'x', source: 'y' }, FIXED_NOW_MS - 5, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);
    const late = normaliseOtherEvent(scheduled, FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS + 5 * 3600 * 1000);

    expect(noTime.kind === 'ok' && noTime.record._timestamp).toBe((FIXED_NOW_MS - 5) * 1000);
    expect(late.kind === 'ok' && late.record).toMatchObject({ restamped: true, event_time: '2025-06-17T13:30:00Z' });
  });

  test('drops events whose detail-type matches EXCLUDE_EVENT_NAMES', () => {
    const config = parseTransformConfig({ EXCLUDE_EVENT_NAMES: 'EC2 *' });

    expect(normaliseOtherEvent(scheduled, FIXED_NOW_MS, config, FIXED_NOW_MS).kind).toBe('dropped');
  });

  test('follows PAYLOAD_MODE for detail', () => {
    const dropped = normaliseOtherEvent(scheduled, FIXED_NOW_MS, parseTransformConfig({ PAYLOAD_MODE: 'drop' }), FIXED_NOW_MS);
    const nested = normaliseOtherEvent(scheduled, FIXED_NOW_MS, parseTransformConfig({ PAYLOAD_MODE: 'nested' }), FIXED_NOW_MS);

    expect(dropped.kind === 'ok' && dropped.record.detail).toBeUndefined();
    expect(nested.kind === 'ok' && nested.record.detail).toEqual({ 'instance-id': 'i-0123', state: 'running' });
  });

  test('leaves out empty and hidden envelope values', () => {
    const outcome = normaliseOtherEvent(
      { 'detail-type': '', source: 'HIDDEN_DUE_TO_SECURITY_REASONS', detail: {}, account: null, region: ['x'] },
      FIXED_NOW_MS,
      DEFAULT_TRANSFORM_CONFIG,
      FIXED_NOW_MS,
    );

    expect(outcome.kind === 'ok' && outcome.line).toBe(`{\t"_timestamp":${FIXED_NOW_MS * 1000},"schema_version":1,"category":"other","outcome":"unknown"}\n`);
  });
});

describe('normaliseUnrecognised', () => {
  test('keeps any object whole in detail at its arrival time, category other, outcome unknown', () => {
    const outcome = normaliseUnrecognised({ messageType: 'CONTROL_MESSAGE', logEvents: [] }, FIXED_NOW_MS - 2000, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(outcome.kind === 'ok' && JSON.parse(outcome.line)).toEqual({
      _timestamp: (FIXED_NOW_MS - 2000) * 1000,
      schema_version: 1,
      category: 'other',
      outcome: 'unknown',
      detail: '{"messageType":"CONTROL_MESSAGE","logEvents":[]}',
    });
  });

  test('follows PAYLOAD_MODE and the late-event rule', () => {
    const dropped = normaliseUnrecognised({ a: 1 }, FIXED_NOW_MS, parseTransformConfig({ PAYLOAD_MODE: 'drop' }), FIXED_NOW_MS);
    const late = normaliseUnrecognised({ a: 1 }, FIXED_NOW_MS - 24 * 3_600_000, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(dropped.kind === 'ok' && dropped.record.detail).toBeUndefined();
    expect(late.kind === 'ok' && late.record).toMatchObject({ _timestamp: FIXED_NOW_MS * 1000, restamped: true });
  });
});
