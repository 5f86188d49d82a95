import { DEFAULT_TRANSFORM_CONFIG, parseTransformConfig } from '../../../functions/transform/config';
import { normaliseEvents } from '../../../functions/transform/record-events';
import { FIXED_NOW_MS, cloudTrailEvent, eventBridgeEvent, userActivityEvent } from '../../helpers/factories';
import { assertRecordStoredAsIs, recordLines } from '../../helpers/openobserve-rules';

describe('normaliseEvents', () => {
  test('one line per event, in order, each with the batch context', () => {
    // Act
    const outcome = normaliseEvents([userActivityEvent(), eventBridgeEvent(cloudTrailEvent())], FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS, false, { awsAccountId: '444455556666' });

    // Assess
    if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${outcome.kind}`);
    assertRecordStoredAsIs(outcome.line, FIXED_NOW_MS);
    expect(recordLines(outcome.line).map((line) => JSON.parse(line) as object)).toMatchObject([
      { event_type: 'UserActivity', aws_account_id: '444455556666' },
      { event_type: 'AwsApiCall', aws_account_id: '111122223333' },
    ]);
    expect(outcome.restamped).toBe(false);
  });

  test('fails the whole record when one event fails, naming which', () => {
    const outcome = normaliseEvents([userActivityEvent(), { schema_version: 7 }, userActivityEvent()], FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(outcome).toEqual({ kind: 'failed', reason: 'event 2 of 3: record has a schema_version other than 1' });
  });

  test('leaves out dropped events, and is Dropped when all were', () => {
    const config = parseTransformConfig({ EXCLUDE_EVENT_NAMES: 'SignIn' });

    const some = normaliseEvents([userActivityEvent(), userActivityEvent({ eventType: 'SignUp' })], FIXED_NOW_MS, config, FIXED_NOW_MS);
    const all = normaliseEvents([userActivityEvent(), userActivityEvent()], FIXED_NOW_MS, config, FIXED_NOW_MS);

    expect(some.kind === 'ok' && recordLines(some.line)).toHaveLength(1);
    expect(all).toEqual({ kind: 'dropped', reason: 'event name is in EXCLUDE_EVENT_NAMES' });
  });

  test('is restamped when any event was', () => {
    const late = userActivityEvent({}, { eventTimestamp: String(FIXED_NOW_MS - 24 * 3_600_000) });

    expect(normaliseEvents([userActivityEvent(), late], FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS)).toMatchObject({ kind: 'ok', restamped: true });
  });
});
