import { normaliseCloudTrail } from '../../../functions/transform/cloudtrail-record';
import { DEFAULT_TRANSFORM_CONFIG } from '../../../functions/transform/config';
import { FIXED_NOW_MS, cloudTrailEvent, eventBridgeEvent } from '../../helpers/factories';

describe('normaliseCloudTrail', () => {
  test('maps a bare record without an envelope', () => {
    const outcome = normaliseCloudTrail(cloudTrailEvent(), undefined, FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(outcome).toMatchObject({
      kind: 'ok',
      restamped: false,
      record: { event_name: 'InitiateAuth', category: 'sign_in', outcome: 'success', aws_account_id: '111122223333', aws_region: 'eu-west-1' },
    });
  });

  test('takes id, account, region and time from the envelope when the record lacks them', () => {
    const detail = cloudTrailEvent({ eventID: undefined, recipientAccountId: undefined, awsRegion: undefined, eventTime: undefined, eventType: undefined });
    const envelope = eventBridgeEvent(detail, { id: 'env-id', account: '444455556666', region: 'us-east-1', time: '2025-06-17T13:30:00Z' });

    const outcome = normaliseCloudTrail(detail, envelope, FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(outcome.kind === 'ok' && outcome.record).toMatchObject({
      event_id: 'env-id',
      aws_account_id: '444455556666',
      aws_region: 'us-east-1',
      event_time: '2025-06-17T13:30:00Z',
      _timestamp: Date.UTC(2025, 5, 17, 13, 30) * 1000,
      // No eventType: an "AWS API Call via CloudTrail" envelope still makes it an API call.
      outcome: 'success',
    });
  });

  test('writes the line the record holds', () => {
    const outcome = normaliseCloudTrail(cloudTrailEvent(), undefined, FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(outcome.kind === 'ok' && JSON.parse(outcome.line)).toEqual(outcome.kind === 'ok' && JSON.parse(JSON.stringify(outcome.record)));
  });

  test('a non-Cognito CloudTrail event keeps its fields, with category other', () => {
    const outcome = normaliseCloudTrail(
      cloudTrailEvent({ eventSource: 's3.amazonaws.com', eventName: 'CreateBucket', requestParameters: { bucketName: 'b' } }),
      undefined,
      FIXED_NOW_MS,
      DEFAULT_TRANSFORM_CONFIG,
      FIXED_NOW_MS,
    );

    expect(outcome.kind === 'ok' && outcome.record).toMatchObject({ event_source: 's3.amazonaws.com', event_name: 'CreateBucket', category: 'other', outcome: 'success' });
  });
});
