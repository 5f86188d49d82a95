import { envelopeId, eventBridgeSource, wrapCloudTrailRecord } from '../../../cli/replay/cloudtrail-envelope';
import { cloudTrailRecord } from './factories';

describe('wrapCloudTrailRecord', () => {
  test('builds the envelope EventBridge gives an API call', () => {
    // Prepare
    const record = cloudTrailRecord({ eventTime: '2025-06-17T08:02:11Z', eventID: 'e-1' });
    // Act
    const wrapped = wrapCloudTrailRecord(record);
    // Assess
    expect(wrapped).toEqual({
      ok: true,
      event: {
        version: '0',
        id: envelopeId('e-1'),
        'detail-type': 'AWS API Call via CloudTrail',
        source: 'aws.cognito-idp',
        account: '111122223333',
        time: '2025-06-17T08:02:11Z',
        region: 'eu-west-1',
        resources: [],
        detail: record,
      },
    });
  });

  test('maps AwsServiceEvent (hosted UI) to "AWS Service Event via CloudTrail"', () => {
    const wrapped = wrapCloudTrailRecord(cloudTrailRecord({ eventType: 'AwsServiceEvent', eventName: 'Login_GET' }));
    expect(wrapped.ok && wrapped.event['detail-type']).toBe('AWS Service Event via CloudTrail');
  });

  test('maps identity-pool records to aws.cognito-identity', () => {
    const wrapped = wrapCloudTrailRecord(cloudTrailRecord({ eventSource: 'cognito-identity.amazonaws.com' }));
    expect(wrapped.ok && wrapped.event.source).toBe('aws.cognito-identity');
  });

  test('lists the ARNs of the record resources', () => {
    const wrapped = wrapCloudTrailRecord(
      cloudTrailRecord({ resources: [{ ARN: 'arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_A', accountId: '111122223333' }, { type: 'x' }] }),
    );
    expect(wrapped.ok && wrapped.event.resources).toEqual(['arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_A']);
  });

  test('writes time to the second, as EventBridge does', () => {
    const wrapped = wrapCloudTrailRecord(cloudTrailRecord({ eventTime: '2025-06-17T08:02:11.789Z' }));
    expect(wrapped.ok && wrapped.event.time).toBe('2025-06-17T08:02:11Z');
  });

  test('gives the same id for the same eventID, a UUID-shaped one', () => {
    expect(envelopeId('abc')).toBe(envelopeId('abc'));
    expect(envelopeId('abc')).not.toBe(envelopeId('abd'));
    expect(envelopeId('abc')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('refuses records without an event type EventBridge delivers, or without source and time', () => {
    expect(wrapCloudTrailRecord(cloudTrailRecord({ eventType: 'AwsCloudTrailInsight' })).ok).toBe(false);
    expect(wrapCloudTrailRecord(cloudTrailRecord({ eventSource: undefined })).ok).toBe(false);
    expect(wrapCloudTrailRecord(cloudTrailRecord({ eventTime: 17 })).ok).toBe(false);
  });

  test('a refusal names a documented eventType, and never quotes an unknown one', () => {
    const reasonOf = (eventType: unknown): string | undefined => {
      const wrapped = wrapCloudTrailRecord(cloudTrailRecord({ eventType }));
      return wrapped.ok ? undefined : wrapped.reason;
    };
    expect(reasonOf('AwsCloudTrailInsight')).toBe('CloudTrail AwsCloudTrailInsight records are not replayed');
    expect(reasonOf('AwsVpceEvent')).toBe('CloudTrail AwsVpceEvent records are not replayed');
    expect(new Set(['p@ssw0rd-in-a-record', 'toString', '__proto__', 42, null].map(reasonOf))).toEqual(new Set(['CloudTrail record without a known eventType']));
  });
});

describe('eventBridgeSource', () => {
  test('turns service.amazonaws.com into aws.service', () => {
    expect(eventBridgeSource('cognito-idp.amazonaws.com')).toBe('aws.cognito-idp');
    expect(eventBridgeSource('signin')).toBe('aws.signin');
  });
});
