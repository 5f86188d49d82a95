import { EventResponseType, EventType } from '@aws-sdk/client-cognito-identity-provider';
import { DEFAULT_TRANSFORM_CONFIG, parseTransformConfig, type TransformConfig } from '../../../functions/transform/config';
import { normaliseEvent } from '../../../functions/transform/normalise';
import type { NormalisedRecord } from '../../../functions/transform/schema';
import { isUserPoolLogEvent } from '../../../functions/transform/user-activity-record';
import { FIXED_NOW_MS, userActivityEvent, type Json } from '../../helpers/factories';
import { assertStoredAsIs } from '../../helpers/openobserve-rules';

const CONTEXT = { awsAccountId: '111122223333' };

/** AWS's own example event, as the Cognito guide prints it ("Exporting logs from Amazon Cognito user pools"). */
const AWS_EXAMPLE: Json = {
  eventTimestamp: '1687297330677',
  eventSource: 'USER_ACTIVITY',
  logLevel: 'INFO',
  message: {
    version: '1',
    eventId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    eventType: 'SignUp',
    userSub: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE22222',
    userName: 'test-user',
    userPoolId: 'us-west-2_EXAMPLE',
    clientId: '1example23456789',
    creationDate: 'Wed Jul 17 17:25:55 UTC 2024',
    eventResponse: 'InProgress',
    riskLevel: '',
    riskDecision: 'PASS',
    challenges: [],
    deviceName: 'Other, Other',
    ipAddress: '192.0.2.1',
    requestId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE33333',
    idpName: '',
    compromisedCredentialDetected: 'false',
    city: 'Seattle',
    country: 'United States',
    eventFeedbackValue: '',
    eventFeedbackDate: '',
    eventFeedbackProvider: '',
    hasContextData: 'true',
  },
  logSourceId: { userPoolId: 'us-west-2_EXAMPLE' },
};

/** 2023-06-20T21:42:10.677Z, the example's eventTimestamp, plus a minute. */
const EXAMPLE_NOW_MS = 1687297330677 + 60_000;

function normalised(event: unknown, config: TransformConfig = DEFAULT_TRANSFORM_CONFIG, nowMs = FIXED_NOW_MS): NormalisedRecord {
  const outcome = normaliseEvent(event, nowMs - 1000, config, nowMs, false, CONTEXT);
  if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${outcome.kind}: ${outcome.reason}`);
  assertStoredAsIs(outcome.line, nowMs);
  expect(JSON.parse(outcome.line)).toEqual(JSON.parse(JSON.stringify(outcome.record)));
  return outcome.record;
}

function detailOf(record: NormalisedRecord): Json {
  return JSON.parse(String(record.detail)) as Json;
}

describe('normaliseUserPoolLog', () => {
  test("AWS's documented example: every field with its schema type, the empty ones left out", () => {
    // Act
    const record = normalised(AWS_EXAMPLE, DEFAULT_TRANSFORM_CONFIG, EXAMPLE_NOW_MS);

    // Assess
    expect(JSON.parse(JSON.stringify(record))).toEqual({
      _timestamp: 1687297330677000,
      event_time: '2023-06-20T21:42:10.677Z',
      schema_version: 1,
      event_id: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
      event_name: 'SignUp',
      event_source: 'USER_ACTIVITY',
      event_type: 'UserActivity',
      category: 'sign_up',
      outcome: 'unknown',
      aws_account_id: '111122223333',
      aws_region: 'us-west-2',
      user_pool_id: 'us-west-2_EXAMPLE',
      client_id: '1example23456789',
      user_sub: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE22222',
      username: 'test-user',
      source_ip: '192.0.2.1',
      device_name: 'Other, Other',
      city: 'Seattle',
      country: 'United States',
      request_id: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE33333',
      risk_decision: 'PASS',
      compromised_credentials: false,
      has_context_data: true,
      detail: '{"logLevel":"INFO","message":{"version":"1","creationDate":"Wed Jul 17 17:25:55 UTC 2024"}}',
    });
  });

  test('a blocked high-risk sign-in with breached credentials', () => {
    const record = normalised(userActivityEvent());

    expect(record).toMatchObject({
      event_name: 'SignIn',
      category: 'sign_in',
      outcome: 'failure',
      risk_level: 'High',
      risk_decision: 'Block',
      compromised_credentials: true,
      challenges: '[{"challengeName":"Password","challengeResponse":"Success"}]',
      city: 'Lagos',
      country: 'Nigeria',
      device_name: 'Chrome 131, Windows 10',
      aws_region: 'eu-west-1',
      event_time: '2025-06-17T13:00:00.123Z',
      _timestamp: Date.UTC(2025, 5, 17, 13, 0, 0, 123) * 1000,
    });
  });

  test.each([
    ['SignIn', 'sign_in'],
    ['SignUp', 'sign_up'],
    ['ResendCode', 'sign_up'],
    ['ForgotPassword', 'password'],
    ['PasswordChange', 'password'],
    ['SomethingNew', 'other'],
  ])('eventType %s is category %s', (eventType, category) => {
    expect(normalised(userActivityEvent({ eventType })).category).toBe(category);
  });

  test("every EventType of the AWS SDK's user-pools model has a category of its own, every EventResponseType an outcome", () => {
    for (const eventType of Object.values(EventType)) expect(normalised(userActivityEvent({ eventType })).category).not.toBe('other');
    const outcomes = Object.values(EventResponseType).map((eventResponse) => normalised(userActivityEvent({ eventResponse })).outcome);
    expect(new Set(outcomes)).toEqual(new Set(['success', 'failure', 'unknown']));
  });

  test.each([
    ['Pass', 'success'],
    ['Fail', 'failure'],
    ['InProgress', 'unknown'],
    ['Maybe', 'unknown'],
    [null, 'unknown'],
  ])('eventResponse %s is outcome %s', (eventResponse, outcome) => {
    expect(normalised(userActivityEvent({ eventResponse })).outcome).toBe(outcome);
  });

  test('an eventResponse it cannot read stays in detail; one it read does not', () => {
    expect(detailOf(normalised(userActivityEvent({ eventResponse: 'Maybe' })))).toMatchObject({ message: { eventResponse: 'Maybe' } });
    expect(detailOf(normalised(userActivityEvent({ eventResponse: 'Pass' }))).message).not.toHaveProperty('eventResponse');
  });

  test('null and empty values are left out, and Cognito\'s "null" place names too', () => {
    const record = normalised(
      userActivityEvent({ riskLevel: null, riskDecision: '', challenges: null, city: 'null', country: null, deviceName: 'null', userName: null, idpName: null }),
    );

    const written = JSON.parse(JSON.stringify(record)) as Json;
    for (const field of ['risk_level', 'risk_decision', 'challenges', 'city', 'country', 'device_name', 'username', 'identity_provider']) {
      expect(written).not.toHaveProperty(field);
    }
    expect(detailOf(record).message).toEqual({ version: '1', creationDate: 'Tue Jun 17 13:00:00 UTC 2025' });
  });

  test('mistyped values leave their field out and stay in detail, whole', () => {
    const record = normalised(
      userActivityEvent({ riskLevel: { level: 'High' }, compromisedCredentialDetected: 'perhaps', challenges: 'Password:Success', hasContextData: 7, userSub: ['x'] }),
    );

    expect(record.risk_level).toBeUndefined();
    expect(record.compromised_credentials).toBeUndefined();
    expect(record.challenges).toBeUndefined();
    expect(record.has_context_data).toBeUndefined();
    expect(record.user_sub).toBeUndefined();
    expect(detailOf(record).message).toMatchObject({
      riskLevel: { level: 'High' },
      compromisedCredentialDetected: 'perhaps',
      challenges: 'Password:Success',
      hasContextData: 7,
      userSub: ['x'],
    });
  });

  test('numbers become text, booleans may be real booleans or text in any case', () => {
    const record = normalised(userActivityEvent({ requestId: 42, compromisedCredentialDetected: false, hasContextData: 'TRUE' }));

    expect(record).toMatchObject({ request_id: '42', compromised_credentials: false, has_context_data: true });
  });

  test('fields AWS adds later, and unknown top-level keys, are kept in detail', () => {
    const record = normalised(userActivityEvent({ sessionId: 's-1', authMethod: { kind: 'passkey' } }, { deliveryId: 'd-9' }));

    expect(detailOf(record)).toEqual({
      logLevel: 'INFO',
      deliveryId: 'd-9',
      message: { version: '1', creationDate: 'Tue Jun 17 13:00:00 UTC 2025', sessionId: 's-1', authMethod: { kind: 'passkey' } },
    });
  });

  test('the feedback value is a field; its date and provider stay in detail', () => {
    const record = normalised(userActivityEvent({ eventFeedbackValue: 'Invalid', eventFeedbackDate: 'Tue Jun 17 13:05:00 UTC 2025', eventFeedbackProvider: 'Admin' }));

    expect(record.event_feedback).toBe('Invalid');
    expect(detailOf(record).message).toMatchObject({ eventFeedbackDate: 'Tue Jun 17 13:05:00 UTC 2025', eventFeedbackProvider: 'Admin' });
  });

  describe('time', () => {
    test('without eventTimestamp, creationDate (Java Date text in UTC) is the event time', () => {
      const record = normalised(userActivityEvent({}, { eventTimestamp: undefined }));

      expect(record.event_time).toBe('2025-06-17T13:00:00.000Z');
      expect(record._timestamp).toBe(Date.UTC(2025, 5, 17, 13) * 1000);
    });

    test('without either, the arrival time, and no event_time', () => {
      const record = normalised(userActivityEvent({ creationDate: 'yesterday' }, { eventTimestamp: 'soon' }));

      expect(record.event_time).toBeUndefined();
      expect(record._timestamp).toBe((FIXED_NOW_MS - 1000) * 1000);
      expect(detailOf(record)).toMatchObject({ eventTimestamp: 'soon', message: { creationDate: 'yesterday' } });
    });

    test('an eventTimestamp given as a number is read the same', () => {
      expect(normalised(userActivityEvent({}, { eventTimestamp: Date.UTC(2025, 5, 17, 13) }))._timestamp).toBe(Date.UTC(2025, 5, 17, 13) * 1000);
    });

    test('the late-event rule applies: an event older than LATE_EVENT_SECONDS is restamped, event_time kept', () => {
      const record = normalised(userActivityEvent(), DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS + 6 * 3_600_000);

      expect(record.restamped).toBe(true);
      expect(record._timestamp).toBe((FIXED_NOW_MS + 6 * 3_600_000) * 1000);
      expect(record.event_time).toBe('2025-06-17T13:00:00.123Z');
    });
  });

  describe('settings', () => {
    test('USERNAME_MODE=hash hashes userName with the pool id, as for CloudTrail events', () => {
      const record = normalised(userActivityEvent(), parseTransformConfig({ USERNAME_MODE: 'hash' }));

      expect(record.username).toMatch(/^[0-9a-f]{64}$/);
      expect(record.username).toBe(normalised(userActivityEvent({ userName: 'maria.rossi' }), parseTransformConfig({ USERNAME_MODE: 'hash' })).username);
    });

    test('USERNAME_MODE=drop leaves userName out, also from detail when it could not be read as text', () => {
      const drop = parseTransformConfig({ USERNAME_MODE: 'drop' });

      expect(normalised(userActivityEvent(), drop).username).toBeUndefined();
      expect(detailOf(normalised(userActivityEvent({ userName: ['maria.rossi'] }), drop)).message).not.toHaveProperty('userName');
    });

    test('SOURCE_IP_MODE=truncate truncates ipAddress', () => {
      expect(normalised(userActivityEvent(), parseTransformConfig({ SOURCE_IP_MODE: 'truncate' })).source_ip).toBe('198.51.100.0');
    });

    test('EXCLUDE_EVENT_NAMES matches eventType', () => {
      const outcome = normaliseEvent(userActivityEvent(), FIXED_NOW_MS, parseTransformConfig({ EXCLUDE_EVENT_NAMES: 'Sign*' }), FIXED_NOW_MS);

      expect(outcome.kind).toBe('dropped');
    });

    test('PAYLOAD_MODE=drop removes detail but not challenges, which is a field', () => {
      const record = normalised(userActivityEvent(), parseTransformConfig({ PAYLOAD_MODE: 'drop' }));

      expect(record.detail).toBeUndefined();
      expect(record.challenges).toBe('[{"challengeName":"Password","challengeResponse":"Success"}]');
    });

    test('PAYLOAD_MODE=nested keeps detail an object', () => {
      const outcome = normaliseEvent(userActivityEvent(), FIXED_NOW_MS, parseTransformConfig({ PAYLOAD_MODE: 'nested' }), FIXED_NOW_MS);

      expect(outcome.kind === 'ok' && JSON.parse(outcome.line).detail).toEqual({ logLevel: 'INFO', message: { version: '1', creationDate: 'Tue Jun 17 13:00:00 UTC 2025' } });
    });
  });

  test('the account comes from the batch; without it, aws_account_id is absent', () => {
    const outcome = normaliseEvent(userActivityEvent(), FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(outcome.kind === 'ok' && outcome.record.aws_account_id).toBeUndefined();
  });

  test('the pool comes from logSourceId when message lacks it; a pool id without a region gives no aws_region', () => {
    expect(normalised(userActivityEvent({ userPoolId: null })).user_pool_id).toBe('eu-west-1_Ab12Cd34E');
    expect(normalised(userActivityEvent({ userPoolId: 'local_pool' })).aws_region).toBeUndefined();
  });

  test('another user-pool log (USER_NOTIFICATION) is mapped by its envelope, its message kept in detail', () => {
    const record = normalised({ eventTimestamp: '1687297330677', eventSource: 'USER_NOTIFICATION', logLevel: 'ERROR', message: { details: 'SMS delivery failed' }, logSourceId: { userPoolId: 'us-west-2_EXAMPLE' } }, DEFAULT_TRANSFORM_CONFIG, EXAMPLE_NOW_MS);

    expect(record).toMatchObject({ event_source: 'USER_NOTIFICATION', event_type: 'UserPoolLog', category: 'other', outcome: 'unknown', user_pool_id: 'us-west-2_EXAMPLE' });
    expect(detailOf(record)).toEqual({ logLevel: 'ERROR', message: { details: 'SMS delivery failed' } });
  });

  test('a message that is no object is kept in detail as it came', () => {
    const record = normalised(userActivityEvent({}, { message: 'sign-in' }));

    expect(record.category).toBe('other');
    expect(detailOf(record)).toEqual({ logLevel: 'INFO', message: 'sign-in' });
  });

  test('a "__proto__" key stays an ordinary key of detail', () => {
    const event = JSON.parse('{"eventTimestamp":"1750165200000","eventSource":"USER_ACTIVITY","message":{"__proto__":{"isAdmin":true},"eventType":"SignIn"}}') as Json;

    const record = normalised(event);

    expect(record.detail).toBe('{"message":{"__proto__":{"isAdmin":true}}}');
    expect(({} as Json).isAdmin).toBeUndefined();
  });
});

describe('isUserPoolLogEvent', () => {
  test.each([
    [{ eventSource: 'USER_ACTIVITY', message: {}, eventTimestamp: '1' }, true],
    [{ eventSource: 'USER_ACTIVITY', message: {}, logSourceId: {} }, true],
    [{ eventSource: 'USER_ACTIVITY', message: {} }, false],
    [{ eventSource: 1, message: {}, eventTimestamp: '1' }, false],
    [{ eventSource: 'USER_ACTIVITY', eventTimestamp: '1' }, false],
  ])('%j → %s', (event, expected) => {
    expect(isUserPoolLogEvent(event)).toBe(expected);
  });
});
