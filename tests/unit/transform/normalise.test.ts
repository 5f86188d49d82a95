import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TRANSFORM_CONFIG, parseTransformConfig, type TransformConfig } from '../../../functions/transform/config';
import { normaliseEvent } from '../../../functions/transform/normalise';
import type { NormalisedRecord } from '../../../functions/transform/schema';
import { FIXED_NOW_MS, cloudTrailEvent, eventBridgeEvent, hostedUiEvent, type Json } from '../../helpers/factories';

const EVENTS_DIR = path.resolve(__dirname, '../../../events/eventbridge');
const HIDDEN = ['HIDDEN_DUE_TO_SECURITY_REASONS', 'HIDDEN_FOR_SECURITY_REASONS'];
const IDENTITY_POOL = 'eu-west-1:5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9';

function sample(name: string): unknown {
  return JSON.parse(readFileSync(path.join(EVENTS_DIR, `${name}.json`), 'utf8'));
}

function normalised(event: unknown, config: TransformConfig = DEFAULT_TRANSFORM_CONFIG, nowMs = FIXED_NOW_MS): NormalisedRecord {
  const outcome = normaliseEvent(event, nowMs - 1000, config, nowMs);
  if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${outcome.kind}: ${outcome.reason}`);
  expect(JSON.parse(outcome.line)).toEqual(JSON.parse(JSON.stringify(outcome.record)));
  return outcome.record;
}

/** The record's defined fields only (the record may hold keys whose value is undefined). */
function defined(record: NormalisedRecord): Json {
  return JSON.parse(JSON.stringify(record)) as Json;
}

describe('normaliseEvent: the sample events in events/eventbridge', () => {
  test.each([
    ['initiate-auth-success', { event_name: 'InitiateAuth', category: 'sign_in', outcome: 'success', auth_flow: 'USER_PASSWORD_AUTH', client_id: '3n4b5c6d7e8f9g0h1i2j3k4l5m' }],
    ['initiate-auth-failure-not-authorized', { category: 'sign_in', outcome: 'failure', error_code: 'NotAuthorizedException', error_message: 'Incorrect username or password.' }],
    ['initiate-auth-challenge-mfa', { category: 'sign_in', outcome: 'success', auth_flow: 'USER_SRP_AUTH', challenge_name: 'PASSWORD_VERIFIER' }],
    ['respond-to-auth-challenge-mfa', { category: 'sign_in', outcome: 'success', challenge_name: 'SOFTWARE_TOKEN_MFA' }],
    ['too-many-requests', { category: 'sign_in', outcome: 'failure', error_code: 'TooManyRequestsException' }],
    ['sign-up', { event_name: 'SignUp', category: 'sign_up', outcome: 'success', user_sub: 'c3d4e5f6-0003-4071-9cad-9e8f7a6b5c43' }],
    ['confirm-sign-up', { category: 'sign_up', outcome: 'success' }],
    ['forgot-password', { category: 'password', outcome: 'success' }],
    ['confirm-forgot-password-code-mismatch', { category: 'password', outcome: 'failure', error_code: 'CodeMismatchException' }],
    ['associate-software-token', { category: 'mfa', outcome: 'success', source_ip: '2001:db8:4f2a::17' }],
    ['set-user-mfa-preference', { category: 'mfa', outcome: 'success' }],
    ['get-tokens-from-refresh-token', { category: 'token', outcome: 'success' }],
    ['revoke-token', { category: 'token', outcome: 'success' }],
    ['global-sign-out', { category: 'sign_out', outcome: 'success' }],
    ['admin-create-user', { category: 'user_admin', outcome: 'success', user_pool_id: 'eu-west-1_Ab12Cd34E', principal_type: 'AssumedRole', principal_arn: 'arn:aws:sts::111122223333:assumed-role/UserAdminRole/ops-session' }],
    ['admin-disable-user', { category: 'user_admin', outcome: 'success', user_pool_id: 'eu-west-1_Ab12Cd34E' }],
    ['update-user-pool', { category: 'pool_admin', outcome: 'success', user_pool_id: 'eu-west-1_Ab12Cd34E', principal_type: 'AssumedRole' }],
    ['hosted-ui-login-get', { event_name: 'Login_GET', event_type: 'AwsServiceEvent', category: 'sign_in', outcome: 'unknown', http_status: 200, user_pool_id: 'eu-west-1_Ab12Cd34E', user_pool_domain: 'auth-demo-7788.auth.eu-west-1.amazoncognito.com', client_id: '3n4b5c6d7e8f9g0h1i2j3k4l5m', read_only: true }],
    ['hosted-ui-login-post-failure', { category: 'sign_in', outcome: 'failure', http_status: 400 }],
    ['hosted-ui-token-post', { event_name: 'Token_POST', category: 'sign_in', outcome: 'success', http_status: 200, grant_type: 'authorization_code' }],
    ['hosted-ui-logout', { category: 'sign_out', outcome: 'success', http_status: 302 }],
    ['identity-pool-get-id', { event_name: 'GetId', category: 'identity_pool', outcome: 'success', identity_pool_id: IDENTITY_POOL, user_pool_id: 'eu-west-1_Ab12Cd34E', identity_id: 'eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }],
    ['identity-pool-get-credentials-failure', { category: 'identity_pool', outcome: 'failure', error_code: 'NotAuthorizedException', identity_id: 'eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', identity_pool_id: IDENTITY_POOL }],
    // Identity-pool data events name their pool only in resources[].ARN, the user pool only as a logins key.
    ['identity-pool-get-credentials-for-identity', { category: 'identity_pool', outcome: 'success', identity_pool_id: IDENTITY_POOL, user_pool_id: 'eu-west-1_Ab12Cd34E', identity_provider: 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab12Cd34E', identity_id: 'eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', read_only: false }],
    ['identity-pool-get-open-id-token-for-developer-identity', { category: 'identity_pool', outcome: 'success', identity_pool_id: IDENTITY_POOL, identity_provider: 'login.example.backend', principal_type: 'AssumedRole' }],
    ['identity-pool-unlink-identity', { category: 'identity_pool', outcome: 'success', identity_pool_id: IDENTITY_POOL, user_pool_id: 'eu-west-1_Ab12Cd34E' }],
    ['create-identity-pool', { category: 'pool_admin', outcome: 'success', identity_pool_id: IDENTITY_POOL, principal_type: 'AssumedRole' }],
    ['set-identity-pool-roles', { category: 'pool_admin', outcome: 'success', identity_pool_id: IDENTITY_POOL }],
    ['hosted-ui-token-client-credentials', { category: 'token', outcome: 'success', grant_type: 'client_credentials', client_id: '7q8r9s0t1u2v3w4x5y6z7a8b9c' }],
    ['hosted-ui-token-refresh', { event_name: 'Beta_Token_POST', category: 'token', outcome: 'failure', grant_type: 'refresh_token', http_status: 400 }],
    ['managed-login-authorize-idp', { event_name: 'Beta_Authorize_GET', category: 'sign_in', outcome: 'unknown', http_status: 302, identity_provider: 'CorpSAML' }],
    ['managed-login-passkey-post', { event_name: 'login_passkey_POST', category: 'sign_in', outcome: 'success' }],
    ['managed-login-verify-code-failure', { event_name: 'verifyCode_POST', category: 'sign_in', outcome: 'failure', http_status: 400 }],
    ['managed-login-mfa-totp-failure', { event_name: 'mfa_totp_POST', category: 'mfa', outcome: 'failure' }],
    ['managed-login-mfa-options', { event_name: 'mfa_options_POST', category: 'mfa', outcome: 'unknown' }],
    ['hosted-ui-confirm-post', { event_name: 'Confirm_POST', category: 'sign_up', outcome: 'success', user_sub: 'd4e5f6a7-0004-4182-8dbe-af9081726354' }],
    ['hosted-ui-error-get', { event_name: 'Error_GET', category: 'sign_in', outcome: 'failure', http_status: 200 }],
    ['hosted-ui-saml2-logout', { event_name: 'SAML2Logout_POST', category: 'sign_out', outcome: 'success' }],
    ['update-user-attributes', { category: 'account', outcome: 'success', user_sub: 'b2c3d4e5-0002-4f60-8b9c-8d7e6f5a4b32' }],
    ['verify-user-attribute-code-mismatch', { category: 'account', outcome: 'failure', error_code: 'CodeMismatchException' }],
    ['confirm-device', { category: 'account', outcome: 'success' }],
    ['initiate-auth-refresh-token', { category: 'token', outcome: 'success', auth_flow: 'REFRESH_TOKEN_AUTH' }],
    ['admin-link-provider-for-user', { category: 'user_admin', outcome: 'success', identity_provider: 'CorpSAML', user_pool_id: 'eu-west-1_Ab12Cd34E' }],
  ])('%s', (name, expected) => {
    // Act
    const record = normalised(sample(name));

    // Assess
    expect(record).toMatchObject({ schema_version: 1, aws_account_id: '111122223333', aws_region: 'eu-west-1', ...expected });
    for (const value of Object.values(record)) expect(HIDDEN).not.toContain(value);
  });

  test('initiate-auth-success, field by field', () => {
    const record = normalised(sample('initiate-auth-success'), DEFAULT_TRANSFORM_CONFIG, Date.UTC(2025, 5, 17, 9, 0));

    expect(defined(record)).toEqual({
      _timestamp: Date.parse('2025-06-17T08:02:11Z') * 1000,
      event_time: '2025-06-17T08:02:11Z',
      schema_version: 1,
      event_id: expect.any(String),
      event_name: 'InitiateAuth',
      event_source: 'cognito-idp.amazonaws.com',
      event_type: 'AwsApiCall',
      category: 'sign_in',
      outcome: 'success',
      aws_account_id: '111122223333',
      aws_region: 'eu-west-1',
      client_id: '3n4b5c6d7e8f9g0h1i2j3k4l5m',
      user_sub: 'a1b2c3d4-0001-4e5f-9a8b-7c6d5e4f3a21',
      auth_flow: 'USER_PASSWORD_AUTH',
      source_ip: '198.51.100.23',
      user_agent: expect.any(String),
      principal_type: 'Unknown',
      request_id: expect.any(String),
      read_only: false,
      tls_version: 'TLSv1.3',
      request_parameters: expect.stringContaining('"authFlow":"USER_PASSWORD_AUTH"'),
      response_elements: expect.stringContaining('"authenticationResult"'),
      additional_event_data: '{"sub":"a1b2c3d4-0001-4e5f-9a8b-7c6d5e4f3a21"}',
    });
  });
});

describe('normaliseEvent: CloudTrail events', () => {
  test('takes _timestamp from detail.eventTime in microseconds', () => {
    const record = normalised(eventBridgeEvent(cloudTrailEvent({ eventTime: '2025-06-17T13:00:00Z' }), { time: '2025-06-17T13:00:05Z' }));

    expect(record._timestamp).toBe(Date.UTC(2025, 5, 17, 13) * 1000);
    expect(record.event_time).toBe('2025-06-17T13:00:00Z');
    expect(record.restamped).toBeUndefined();
  });

  test('falls back to the envelope time, then to the arrival time', () => {
    const fromEnvelope = normalised(eventBridgeEvent(cloudTrailEvent({ eventTime: 'HIDDEN_DUE_TO_SECURITY_REASONS' }), { time: '2025-06-17T13:00:05Z' }));
    const fromArrival = normalised(eventBridgeEvent(cloudTrailEvent({ eventTime: undefined }), { time: 'yesterday' }));

    expect(fromEnvelope._timestamp).toBe(Date.UTC(2025, 5, 17, 13, 0, 5) * 1000);
    expect(fromEnvelope.event_time).toBe('2025-06-17T13:00:05Z');
    expect(fromArrival._timestamp).toBe((FIXED_NOW_MS - 1000) * 1000);
    expect(fromArrival.event_time).toBe('yesterday');
  });

  test('restamps a late event to now and keeps event_time', () => {
    const nowMs = FIXED_NOW_MS + 6 * 3600 * 1000;

    const record = normalised(eventBridgeEvent(cloudTrailEvent()), DEFAULT_TRANSFORM_CONFIG, nowMs);

    expect(record).toMatchObject({ _timestamp: nowMs * 1000, event_time: '2025-06-17T13:00:00Z', restamped: true });
  });

  test('keeps a late event as it is with LATE_EVENT_POLICY=keep', () => {
    const nowMs = FIXED_NOW_MS + 6 * 3600 * 1000;

    const record = normalised(eventBridgeEvent(cloudTrailEvent()), parseTransformConfig({ LATE_EVENT_POLICY: 'keep' }), nowMs);

    expect(record._timestamp).toBe(Date.UTC(2025, 5, 17, 13) * 1000);
    expect(record.restamped).toBeUndefined();
  });

  test('a hosted-UI event reads status, client_id[0], pool and domain from additionalEventData', () => {
    const record = normalised(eventBridgeEvent(hostedUiEvent('Signup_POST', 200.0)));

    expect(record).toMatchObject({
      event_type: 'AwsServiceEvent',
      category: 'sign_up',
      outcome: 'success',
      http_status: 200,
      client_id: '3n4b5c6d7e8f9g0h1i2j3k4l5m',
      user_pool_id: 'eu-west-1_Ab12Cd34E',
      user_pool_domain: 'auth-demo.auth.eu-west-1.amazoncognito.com',
    });
    expect(record.request_parameters).toBeUndefined();
  });

  test('a hosted-UI status of 400 or more is a failure; the empty errorCode of hosted-UI events is no error', () => {
    const failed = normalised(eventBridgeEvent(hostedUiEvent('Login_POST', '400.0', { errorCode: '', errorMessage: '' })));
    const ok = normalised(eventBridgeEvent(hostedUiEvent('Login_POST', 302, { errorCode: '', errorMessage: '' })));
    const shown = normalised(eventBridgeEvent(hostedUiEvent('Login_GET', 200, { errorCode: '', errorMessage: '' })));

    expect(failed).toMatchObject({ outcome: 'failure', http_status: 400 });
    expect(failed.error_code).toBeUndefined();
    expect(ok.outcome).toBe('success');
    expect(shown).toMatchObject({ outcome: 'unknown', http_status: 200 });
  });

  test('a hosted-UI event without a status has outcome unknown', () => {
    const record = normalised(eventBridgeEvent(hostedUiEvent('Login_GET', 'HIDDEN_DUE_TO_SECURITY_REASONS')));

    expect(record.outcome).toBe('unknown');
    expect(record.http_status).toBeUndefined();
  });

  test('reads the user pool id from a resource ARN when the parameters lack it', () => {
    const inDetail = normalised(eventBridgeEvent(cloudTrailEvent({ resources: [{ ARN: 'arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_Xy98Zw76V', type: 'AWS::Cognito::UserPool' }] })));
    const inEnvelope = normalised(eventBridgeEvent(cloudTrailEvent(), { resources: ['arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_Env'] }));

    expect(inDetail.user_pool_id).toBe('eu-west-1_Xy98Zw76V');
    expect(inEnvelope.user_pool_id).toBe('eu-west-1_Env');
  });

  test('the request names a pool before any ARN or logins key does', () => {
    const record = normalised(
      eventBridgeEvent(
        cloudTrailEvent({
          eventSource: 'cognito-identity.amazonaws.com',
          eventName: 'GetId',
          requestParameters: { identityPoolId: 'eu-west-1:from-request', logins: { 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_FromLogin': 'x' } },
          resources: [{ ARN: 'arn:aws:cognito-identity:eu-west-1:111122223333:identitypool/eu-west-1:from-arn' }],
        }),
      ),
    );

    expect(record).toMatchObject({ identity_pool_id: 'eu-west-1:from-request', user_pool_id: 'eu-west-1_FromLogin' });
  });

  test('grant_type, identity_provider and the managed-login sub are first values, never placeholders', () => {
    const hidden = normalised(
      eventBridgeEvent(
        hostedUiEvent('Token_POST', 200, {
          additionalEventData: { requestParameters: { grant_type: ['HIDDEN_DUE_TO_SECURITY_REASONS'], identity_provider: [], sub: 'HIDDEN_DUE_TO_SECURITY_REASONS' } },
        }),
      ),
    );
    const plain = normalised(
      eventBridgeEvent(
        hostedUiEvent('Authorize_GET', 302, {
          additionalEventData: { sub: 'from-additional', requestParameters: { grant_type: 'authorization_code', identity_provider: ['Google', 'Other'], sub: ['from-request'] } },
        }),
      ),
    );

    expect([hidden.grant_type, hidden.identity_provider, hidden.user_sub, hidden.category]).toEqual([undefined, undefined, undefined, 'token']);
    expect(plain).toMatchObject({ grant_type: 'authorization_code', identity_provider: 'Google', user_sub: 'from-additional' });
  });

  test('identity_provider of IdP administration and of linking a federated user', () => {
    const admin = (eventName: string, requestParameters: unknown): unknown =>
      normalised(eventBridgeEvent(cloudTrailEvent({ eventName, requestParameters }))).identity_provider;

    expect(admin('CreateIdentityProvider', { userPoolId: 'p', providerName: 'CorpOIDC', providerType: 'OIDC' })).toBe('CorpOIDC');
    expect(admin('AdminLinkProviderForUser', { sourceUser: { providerName: 'Google' }, destinationUser: { providerName: 'Cognito' } })).toBe('Google');
    expect(admin('AdminDisableProviderForUser', { user: { providerName: 'Facebook' } })).toBe('Facebook');
    expect(admin('InitiateAuth', { authFlow: 'USER_SRP_AUTH' })).toBeUndefined();
  });

  test('reads identity-pool ids from aws.cognito-identity events', () => {
    const record = normalised(
      eventBridgeEvent(
        cloudTrailEvent({
          eventSource: 'cognito-identity.amazonaws.com',
          eventName: 'GetOpenIdToken',
          requestParameters: { identityPoolId: 'eu-west-1:pool', identityId: 'eu-west-1:identity' },
          responseElements: { identityId: 'eu-west-1:other' },
        }),
        { source: 'aws.cognito-identity' },
      ),
    );

    expect(record).toMatchObject({ category: 'identity_pool', identity_pool_id: 'eu-west-1:pool', identity_id: 'eu-west-1:identity' });
  });

  test('takes the event source from the envelope when the record hides it', () => {
    const record = normalised(eventBridgeEvent(cloudTrailEvent({ eventSource: undefined, eventName: 'GetId' }), { source: 'aws.cognito-identity' }));

    expect(record).toMatchObject({ event_source: 'cognito-identity.amazonaws.com', category: 'identity_pool' });
  });

  test('normalises a bare CloudTrail record (from a CloudTrail log file)', () => {
    const record = normalised(cloudTrailEvent({ eventName: 'SignUp' }));

    expect(record).toMatchObject({ event_name: 'SignUp', category: 'sign_up', event_id: '9a8b7c6d-1111-4e2f-8a3b-2c1d0e9f8a01' });
  });

  test('a username is kept, hashed or dropped, also inside the payload text', () => {
    const event = eventBridgeEvent(cloudTrailEvent({ eventName: 'AdminGetUser', requestParameters: { userPoolId: 'eu-west-1_P', username: 'alice' } }));

    const kept = normalised(event);
    const hashed = normalised(event, parseTransformConfig({ USERNAME_MODE: 'hash' }));
    const dropped = normalised(event, parseTransformConfig({ USERNAME_MODE: 'drop' }));

    expect(kept.username).toBe('alice');
    expect(hashed.username).toMatch(/^[0-9a-f]{64}$/);
    expect(hashed.request_parameters).toBe(`{"userPoolId":"eu-west-1_P","username":"${hashed.username}"}`);
    expect(dropped.username).toBeUndefined();
    expect(dropped.request_parameters).toBe('{"userPoolId":"eu-west-1_P"}');
    expect(JSON.stringify(hashed) + JSON.stringify(dropped)).not.toContain('alice');
  });

  test('a hidden username is never a value, in any mode', () => {
    for (const mode of ['keep', 'hash', 'drop']) {
      const record = normalised(eventBridgeEvent(cloudTrailEvent({ requestParameters: { username: 'HIDDEN_DUE_TO_SECURITY_REASONS' } })), parseTransformConfig({ USERNAME_MODE: mode }));
      expect(record.username).toBeUndefined();
    }
  });

  test('SOURCE_IP_MODE=truncate zeroes the host part and leaves service names', () => {
    const config = parseTransformConfig({ SOURCE_IP_MODE: 'truncate' });

    expect(normalised(eventBridgeEvent(cloudTrailEvent({ sourceIPAddress: '203.0.113.77' })), config).source_ip).toBe('203.0.113.0');
    expect(normalised(eventBridgeEvent(cloudTrailEvent({ sourceIPAddress: '2001:db8:4f2a:1:2:3:4:17' })), config).source_ip).toBe('2001:db8:4f2a::');
    expect(normalised(eventBridgeEvent(cloudTrailEvent({ sourceIPAddress: 'cognito-idp.amazonaws.com' })), config).source_ip).toBe('cognito-idp.amazonaws.com');
  });

  test('PAYLOAD_MODE=drop removes the blobs; nested keeps them as objects', () => {
    const event = eventBridgeEvent(cloudTrailEvent());

    const dropped = normalised(event, parseTransformConfig({ PAYLOAD_MODE: 'drop' }));
    const nested = normalised(event, parseTransformConfig({ PAYLOAD_MODE: 'nested' }));

    expect(dropped.request_parameters).toBeUndefined();
    expect(dropped.response_elements).toBeUndefined();
    expect(dropped.additional_event_data).toBeUndefined();
    expect(dropped.client_id).toBe('3n4b5c6d7e8f9g0h1i2j3k4l5m');
    expect(nested.request_parameters).toEqual({ authFlow: 'USER_PASSWORD_AUTH', authParameters: 'HIDDEN_DUE_TO_SECURITY_REASONS', clientId: '3n4b5c6d7e8f9g0h1i2j3k4l5m' });
  });

  test('EXCLUDE_EVENT_NAMES drops matching events', () => {
    const config = parseTransformConfig({ EXCLUDE_EVENT_NAMES: 'Admin*,ListUsers' });

    expect(normaliseEvent(eventBridgeEvent(cloudTrailEvent({ eventName: 'AdminGetUser' })), FIXED_NOW_MS, config, FIXED_NOW_MS)).toEqual({
      kind: 'dropped',
      reason: 'event name is in EXCLUDE_EVENT_NAMES',
    });
    expect(normaliseEvent(eventBridgeEvent(cloudTrailEvent()), FIXED_NOW_MS, config, FIXED_NOW_MS).kind).toBe('ok');
  });
});

describe('normaliseEvent: hostile input', () => {
  test('hidden placeholders everywhere never become field values', () => {
    // Prepare: every value of a CloudTrail record replaced by a placeholder, both spellings.
    const hiddenDetail = Object.fromEntries(Object.keys(cloudTrailEvent()).map((key, i) => [key, HIDDEN[i % 2]]));

    // Act
    const record = normalised(eventBridgeEvent(hiddenDetail));

    // Assess
    for (const value of Object.values(record)) expect(HIDDEN).not.toContain(value);
    expect(record).toMatchObject({ category: 'other', event_id: '0d6a1f0e-7b1c-4c36-b1f4-0a9e2d7c5b11', aws_account_id: '111122223333' });
  });

  test('strings where objects were, and numbers where strings were', () => {
    const record = normalised(
      eventBridgeEvent(
        cloudTrailEvent({
          userIdentity: 'HIDDEN_DUE_TO_SECURITY_REASONS',
          requestParameters: 'not an object',
          responseElements: 42,
          additionalEventData: ['a'],
          tlsDetails: 'TLSv1.3',
          recipientAccountId: 111122223333,
          eventName: 12,
          readOnly: 'false',
        }),
      ),
    );

    expect(record).toMatchObject({
      aws_account_id: '111122223333',
      event_name: '12',
      read_only: false,
      request_parameters: '"not an object"',
      response_elements: '42',
      additional_event_data: '["a"]',
    });
    expect(record.principal_type).toBeUndefined();
    expect(record.tls_version).toBeUndefined();
    expect(record.client_id).toBeUndefined();
  });

  test('a CloudTrail event whose detail is null or a string is mapped by its envelope', () => {
    for (const detail of [null, 'HIDDEN_DUE_TO_SECURITY_REASONS', 'text', [1]]) {
      const record = normalised(eventBridgeEvent(detail));
      expect(record).toMatchObject({ event_name: 'AWS API Call via CloudTrail', category: 'other', outcome: 'unknown' });
    }
  });

  test('__proto__ keys stay data and pollute nothing', () => {
    const event = JSON.parse(
      JSON.stringify(eventBridgeEvent(cloudTrailEvent())).replace('"requestParameters":{', '"requestParameters":{"__proto__":{"clientId":"evil","isAdmin":true},'),
    ) as unknown;

    const record = normalised(event);

    expect(record.client_id).toBe('3n4b5c6d7e8f9g0h1i2j3k4l5m');
    expect(record.request_parameters).toContain('"__proto__":{"clientId":"evil","isAdmin":true}');
    expect(({} as Json).isAdmin).toBeUndefined();
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  });

  test('unicode: emoji, right-to-left text and lone surrogates', () => {
    const record = normalised(eventBridgeEvent(cloudTrailEvent({ userAgent: 'שלום 😀 \u202eevil' })));
    const outcome = normaliseEvent(eventBridgeEvent(cloudTrailEvent({ errorMessage: 'bad \ud800 surrogate', errorCode: 'X' })), FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(record.user_agent).toBe('שלום 😀 \u202eevil');
    expect(outcome.kind === 'ok' && outcome.line).toContain('"error_message":"bad \ufffd surrogate"');
  });

  test('fails values that are not objects', () => {
    for (const value of [null, 1, 'text', [], true]) {
      expect(normaliseEvent(value, FIXED_NOW_MS, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS)).toEqual({ kind: 'failed', reason: 'record is not a JSON object' });
    }
  });

  test('keeps an object of no known shape whole in detail, at its arrival time, never failing it', () => {
    const outcome = normaliseEvent({ hello: 'world', username: 'ana' }, FIXED_NOW_MS - 5000, parseTransformConfig({ USERNAME_MODE: 'drop' }), FIXED_NOW_MS);

    expect(outcome.kind === 'ok' && JSON.parse(outcome.line)).toEqual({
      _timestamp: (FIXED_NOW_MS - 5000) * 1000,
      schema_version: 1,
      category: 'other',
      outcome: 'unknown',
      detail: '{"hello":"world"}',
    });
  });

  test('an arrival time that is not a time falls back to now', () => {
    const outcome = normaliseEvent({ 'detail-type': 'x', source: 'y' }, Number.NaN, DEFAULT_TRANSFORM_CONFIG, FIXED_NOW_MS);

    expect(outcome.kind === 'ok' && outcome.record._timestamp).toBe(FIXED_NOW_MS * 1000);
  });
});
