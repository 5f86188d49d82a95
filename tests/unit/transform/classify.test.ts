import { classify } from '../../../functions/transform/classify';
import { eventFacts, pageFacts } from '../../helpers/factories';

const IDENTITY_POOLS = 'cognito-identity.amazonaws.com';

describe('classify: category', () => {
  test.each([
    ['InitiateAuth', 'sign_in'],
    ['RespondToAuthChallenge', 'sign_in'],
    ['SignUp', 'sign_up'],
    ['ChangePassword', 'password'],
    ['VerifySoftwareToken', 'mfa'],
    ['RevokeToken', 'token'],
    ['GlobalSignOut', 'sign_out'],
    ['UpdateUserAttributes', 'account'],
    ['AdminCreateUser', 'user_admin'],
    ['UpdateUserPool', 'pool_admin'],
  ] as const)('the API operation %s is %s', (eventName, category) => {
    expect(classify(eventFacts(eventName)).category).toBe(category);
  });

  test('the token endpoint: an authorization code completes a sign-in, every other grant is token', () => {
    for (const name of ['Token_POST', 'Beta_Token_POST']) {
      expect(classify(pageFacts(name, 200, { grantType: 'authorization_code' })).category).toBe('sign_in');
      expect(classify(pageFacts(name, 200, { grantType: 'refresh_token' })).category).toBe('token');
      expect(classify(pageFacts(name, 200, { grantType: 'client_credentials' })).category).toBe('token');
      expect(classify(pageFacts(name, 400, { grantType: 'urn:ietf:params:oauth:grant-type:device_code' })).category).toBe('token');
      expect(classify(pageFacts(name, 200, { grantType: undefined })).category).toBe('token');
    }
  });

  test('InitiateAuth with a refresh-token flow refreshes tokens, it does not sign in', () => {
    for (const eventName of ['InitiateAuth', 'AdminInitiateAuth']) {
      expect(classify(eventFacts(eventName, { authFlow: 'REFRESH_TOKEN_AUTH' })).category).toBe('token');
      expect(classify(eventFacts(eventName, { authFlow: 'REFRESH_TOKEN' })).category).toBe('token');
      expect(classify(eventFacts(eventName, { authFlow: 'USER_SRP_AUTH' })).category).toBe('sign_in');
      expect(classify(eventFacts(eventName, { authFlow: undefined })).category).toBe('sign_in');
    }
    expect(classify(eventFacts('RespondToAuthChallenge', { authFlow: 'REFRESH_TOKEN_AUTH' })).category).toBe('sign_in');
  });

  test('a user-pool operation newer than the table falls back to its shape', () => {
    expect(classify(eventFacts('CreateUserPoolThing')).category).toBe('pool_admin');
    expect(classify(eventFacts('ListTermsVersions')).category).toBe('pool_admin');
    expect(classify(eventFacts('AdminDoSomethingNew')).category).toBe('user_admin');
    expect(classify(eventFacts('SomethingNew')).category).toBe('other');
  });

  test('identity pools: the identity operations are identity_pool, the rest pool_admin, unknown names other', () => {
    expect(classify(eventFacts('GetId', { eventSource: IDENTITY_POOLS })).category).toBe('identity_pool');
    expect(classify(eventFacts('CreateIdentityPool', { eventSource: IDENTITY_POOLS })).category).toBe('pool_admin');
    expect(classify(eventFacts('SomethingNew', { eventSource: IDENTITY_POOLS })).category).toBe('other');
    expect(classify(eventFacts(undefined, { eventSource: IDENTITY_POOLS })).category).toBe('other');
  });

  test('names are looked up for their own service only', () => {
    expect(classify(eventFacts('GetId')).category).toBe('other');
    expect(classify(eventFacts('InitiateAuth', { eventSource: IDENTITY_POOLS })).category).toBe('other');
    expect(classify(eventFacts('Login_GET', { eventSource: IDENTITY_POOLS })).category).toBe('other');
  });

  test('events of other services, or without a name, are other', () => {
    expect(classify(eventFacts('InitiateAuth', { eventSource: 's3.amazonaws.com' })).category).toBe('other');
    expect(classify(eventFacts('InitiateAuth', { eventSource: undefined })).category).toBe('other');
    expect(classify(eventFacts(undefined)).category).toBe('other');
  });

  test('never fails on unusual names', () => {
    for (const name of ['_', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'Admin', '\u202eLogin_GET', 'x'.repeat(10_000)]) {
      expect(typeof classify(eventFacts(name)).category).toBe('string');
      expect(typeof classify(eventFacts(name, { eventSource: IDENTITY_POOLS })).category).toBe('string');
    }
    expect(classify(eventFacts('__proto__')).category).toBe('other');
    expect(classify(eventFacts('constructor', { eventSource: IDENTITY_POOLS })).category).toBe('other');
  });
});

describe('classify: outcome', () => {
  test('an error code is a failure, whatever else', () => {
    expect(classify(eventFacts('InitiateAuth', { errorCode: 'NotAuthorizedException' })).outcome).toBe('failure');
    expect(classify(pageFacts('Login_GET', 200, { errorCode: 'NotAuthorizedException' })).outcome).toBe('failure');
    expect(classify(eventFacts('GetObject', { eventSource: 's3.amazonaws.com', errorCode: 'AccessDenied' })).outcome).toBe('failure');
  });

  test('an API call without error is a success', () => {
    expect(classify(eventFacts('InitiateAuth')).outcome).toBe('success');
    expect(classify(eventFacts('GetUser')).outcome).toBe('success');
    expect(classify(eventFacts('GetId', { eventSource: IDENTITY_POOLS })).outcome).toBe('success');
  });

  test('a page shown is no authentication result: Login_GET with 200 is unknown, not success', () => {
    expect(classify(pageFacts('Login_GET', 200))).toEqual({ category: 'sign_in', outcome: 'unknown' });
    expect(classify(pageFacts('Login_GET', 400))).toEqual({ category: 'sign_in', outcome: 'failure' });
  });

  test('credentials submitted: the status is the result', () => {
    expect(classify(pageFacts('Login_POST', 302)).outcome).toBe('success');
    expect(classify(pageFacts('Login_POST', 200)).outcome).toBe('success');
    expect(classify(pageFacts('Login_POST', 400)).outcome).toBe('failure');
  });

  test('authorize redirects are no result, with a session or without one: the sign-in counts where it completes', () => {
    for (const name of ['Authorize_GET', 'OAuth2_Authorize_GET', 'Beta_Authorize_GET']) {
      expect(classify(pageFacts(name, 302)).outcome).toBe('unknown');
      expect(classify(pageFacts(name, 400)).outcome).toBe('failure');
    }
    expect(classify(pageFacts('Token_POST', 200, { grantType: 'authorization_code' }))).toEqual({ category: 'sign_in', outcome: 'success' });
  });

  test('the error page is a failure, whatever its status', () => {
    expect(classify(pageFacts('Error_GET', 200)).outcome).toBe('failure');
    expect(classify(pageFacts('Error_GET', undefined)).outcome).toBe('failure');
  });

  test('logout redirects are successful sign-outs', () => {
    expect(classify(pageFacts('Logout', 302))).toEqual({ category: 'sign_out', outcome: 'success' });
    expect(classify(pageFacts('Logout_GET', 302))).toEqual({ category: 'sign_out', outcome: 'success' });
    expect(classify(pageFacts('SAML2Logout_POST', 302))).toEqual({ category: 'sign_out', outcome: 'success' });
  });

  test('following a link does what the link says: the status is the result', () => {
    expect(classify(pageFacts('Confirm_With_Link_GET', 302)).outcome).toBe('success');
    expect(classify(pageFacts('confirmUser_GET', 200)).outcome).toBe('success');
    expect(classify(pageFacts('OAuth2Response_GET', 302)).outcome).toBe('success');
  });

  test('steps between pages are no result', () => {
    expect(classify(pageFacts('mfa_back_POST', 302)).outcome).toBe('unknown');
    expect(classify(pageFacts('MfaOption_POST', 302)).outcome).toBe('unknown');
    expect(classify(pageFacts('Login_OIDC_SAML_POST', 302)).outcome).toBe('unknown');
  });

  test('a managed-login request without a status, or any other event without one, is unknown', () => {
    expect(classify(pageFacts('Login_POST', undefined)).outcome).toBe('unknown');
    expect(classify(eventFacts('SomethingNew', { isApiCall: false })).outcome).toBe('unknown');
  });
});
