import { categoryOf, outcomeOf } from '../../../functions/transform/classify';

const IDP = 'cognito-idp.amazonaws.com';

describe('categoryOf', () => {
  test.each([
    ['InitiateAuth', 'sign_in'],
    ['AdminInitiateAuth', 'sign_in'],
    ['RespondToAuthChallenge', 'sign_in'],
    ['AdminRespondToAuthChallenge', 'sign_in'],
    ['SignUp', 'sign_up'],
    ['ConfirmSignUp', 'sign_up'],
    ['ResendConfirmationCode', 'sign_up'],
    ['ForgotPassword', 'password'],
    ['ConfirmForgotPassword', 'password'],
    ['ChangePassword', 'password'],
    ['AdminSetUserPassword', 'password'],
    ['AdminResetUserPassword', 'password'],
    ['AssociateSoftwareToken', 'mfa'],
    ['VerifySoftwareToken', 'mfa'],
    ['SetUserMFAPreference', 'mfa'],
    ['AdminSetUserMFAPreference', 'mfa'],
    ['RevokeToken', 'token'],
    ['GetTokensFromRefreshToken', 'token'],
    ['GlobalSignOut', 'sign_out'],
    ['AdminUserGlobalSignOut', 'sign_out'],
    ['AdminCreateUser', 'user_admin'],
    ['AdminDisableUser', 'user_admin'],
    ['AdminAddUserToGroup', 'user_admin'],
    ['ListUsers', 'user_admin'],
    ['CreateGroup', 'user_admin'],
    ['CreateUserPool', 'pool_admin'],
    ['UpdateUserPool', 'pool_admin'],
    ['DeleteUserPoolClient', 'pool_admin'],
    ['CreateUserPoolDomain', 'pool_admin'],
    ['UpdateIdentityProvider', 'pool_admin'],
    ['CreateResourceServer', 'pool_admin'],
    ['SetUICustomization', 'pool_admin'],
    ['SetRiskConfiguration', 'pool_admin'],
    ['DescribeUserPool', 'pool_admin'],
    ['Login_GET', 'sign_in'],
    ['Login_POST', 'sign_in'],
    ['Token_POST', 'sign_in'],
    ['Authorize_GET', 'sign_in'],
    ['SAML2Response_POST', 'sign_in'],
    ['IdpResponse_GET', 'sign_in'],
    ['OAuth2Something_GET', 'sign_in'],
    ['Signup_POST', 'sign_up'],
    ['Confirm_POST', 'sign_up'],
    ['ForgotPassword_POST', 'password'],
    ['Mfa_POST', 'mfa'],
    ['Logout', 'sign_out'],
    ['Logout_GET', 'sign_out'],
    ['Revoke_POST', 'token'],
    ['GetUser', 'other'],
    ['SomethingNew', 'other'],
    ['', 'other'],
  ] as const)('%s → %s', (eventName, category) => {
    expect(categoryOf(IDP, eventName)).toBe(category);
  });

  test('every identity-pool event is identity_pool', () => {
    expect(categoryOf('cognito-identity.amazonaws.com', 'GetId')).toBe('identity_pool');
    expect(categoryOf('cognito-identity.amazonaws.com', 'CreateIdentityPool')).toBe('identity_pool');
    expect(categoryOf('cognito-identity.amazonaws.com', undefined)).toBe('identity_pool');
  });

  test('events of other services, or without a name, are other', () => {
    expect(categoryOf('s3.amazonaws.com', 'InitiateAuth')).toBe('other');
    expect(categoryOf(undefined, 'InitiateAuth')).toBe('other');
    expect(categoryOf(IDP, undefined)).toBe('other');
  });

  test('never fails on unusual names', () => {
    for (const name of ['_', '__proto__', 'constructor', 'toString', 'Admin', '\u202eLogin_GET', 'x'.repeat(10_000)]) {
      expect(typeof categoryOf(IDP, name)).toBe('string');
    }
    expect(categoryOf(IDP, '__proto__')).toBe('other');
    expect(categoryOf(IDP, 'constructor')).toBe('other');
  });
});

describe('outcomeOf', () => {
  test('an error code is a failure, whatever else', () => {
    expect(outcomeOf('NotAuthorizedException', undefined, true)).toBe('failure');
    expect(outcomeOf('NotAuthorizedException', 200, false)).toBe('failure');
  });

  test('a hosted-UI status of 400 or more is a failure, below 400 a success', () => {
    expect(outcomeOf(undefined, 400, false)).toBe('failure');
    expect(outcomeOf(undefined, 500, false)).toBe('failure');
    expect(outcomeOf(undefined, 399, false)).toBe('success');
    expect(outcomeOf(undefined, 302, false)).toBe('success');
    expect(outcomeOf(undefined, 200, false)).toBe('success');
  });

  test('an API call without error is a success; anything else is unknown', () => {
    expect(outcomeOf(undefined, undefined, true)).toBe('success');
    expect(outcomeOf(undefined, undefined, false)).toBe('unknown');
  });
});
