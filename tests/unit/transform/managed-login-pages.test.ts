/**
 * Every managed-login and hosted-UI event name AWS documents gets a category and an outcome rule decided on
 * purpose; names are read by their parts whatever their case, `Beta_` prefix or number of parts.
 */
import { classify } from '../../../functions/transform/classify';
import { managedLoginEvent } from '../../../functions/transform/managed-login-pages';
import type { Category } from '../../../functions/transform/schema';
import {
  HOSTED_UI_CLASSIC_EVENT_NAMES,
  MANAGED_LOGIN_EVENTS_SOURCE,
  MANAGED_LOGIN_EVENT_NAMES,
} from '../../fixtures/aws/managed-login-event-names';
import { pageFacts } from '../../helpers/factories';

/**
 * What a request with a status below 400 means: `result` — the status is the result (success);
 * `none` — no authentication result (a page shown, a step between pages): unknown; `failure` — always.
 */
type AtSuccessStatus = 'result' | 'none' | 'failure';

/** The decision for every documented name: its category, and what a status below 400 means. */
const EXPECTED: Readonly<Record<string, readonly [Category, AtSuccessStatus]>> = {
  Login_GET: ['sign_in', 'none'],
  CognitoAuthentication: ['sign_in', 'result'],
  OAuth2_Authorize_GET: ['sign_in', 'none'],
  Beta_Authorize_GET: ['sign_in', 'none'],
  OAuth2Response_GET: ['sign_in', 'result'],
  OAuth2Response_POST: ['sign_in', 'result'],
  SAML2Response_POST: ['sign_in', 'result'],
  Beta_SAML2Response_POST: ['sign_in', 'result'],
  Login_OIDC_SAML_POST: ['sign_in', 'none'],
  // Without a grant_type; with one, see classify.test.ts.
  Token_POST: ['token', 'result'],
  Beta_Token_POST: ['token', 'result'],
  Signup_GET: ['sign_up', 'none'],
  Signup_POST: ['sign_up', 'result'],
  Confirm_GET: ['sign_up', 'none'],
  Confirm_POST: ['sign_up', 'result'],
  ResendCode_POST: ['sign_up', 'result'],
  ForgotPassword_GET: ['password', 'none'],
  ForgotPassword_POST: ['password', 'result'],
  ConfirmForgotPassword_GET: ['password', 'none'],
  ConfirmForgotPassword_POST: ['password', 'result'],
  ResetPassword_GET: ['password', 'none'],
  ResetPassword_POST: ['password', 'result'],
  Mfa_GET: ['mfa', 'none'],
  Mfa_POST: ['mfa', 'result'],
  MfaOption_GET: ['mfa', 'none'],
  MfaOption_POST: ['mfa', 'none'],
  MfaRegister_GET: ['mfa', 'none'],
  MfaRegister_POST: ['mfa', 'result'],
  Logout: ['sign_out', 'result'],
  SAML2Logout_POST: ['sign_out', 'result'],
  Error_GET: ['sign_in', 'failure'],
  UserInfo_GET: ['account', 'result'],
  UserInfo_POST: ['account', 'result'],
  Confirm_With_Link_GET: ['sign_up', 'result'],
  Event_Feedback_GET: ['account', 'result'],
  login_POST: ['sign_in', 'result'],
  login_continue_POST: ['sign_in', 'result'],
  forgotPassword_POST: ['password', 'result'],
  selectChallenge_POST: ['sign_in', 'result'],
  confirmUser_GET: ['sign_up', 'result'],
  mfa_back_POST: ['mfa', 'none'],
  mfa_options_POST: ['mfa', 'none'],
  mfa_phone_register_POST: ['mfa', 'result'],
  mfa_phone_verify_POST: ['mfa', 'result'],
  mfa_phone_resendCode_POST: ['mfa', 'result'],
  mfa_totp_POST: ['mfa', 'result'],
  signup_POST: ['sign_up', 'result'],
  signup_confirm_POST: ['sign_up', 'result'],
  verifyCode_POST: ['sign_in', 'result'],
  passkeys_add_POST: ['mfa', 'result'],
  passkeys_add_GET: ['mfa', 'none'],
  login_passkey_POST: ['sign_in', 'result'],
};

const DOCUMENTED = [...HOSTED_UI_CLASSIC_EVENT_NAMES, ...MANAGED_LOGIN_EVENT_NAMES];

describe(`the managed-login event names AWS documents (${MANAGED_LOGIN_EVENTS_SOURCE})`, () => {
  test('are all decided here, and only they', () => {
    expect(DOCUMENTED.length).toBeGreaterThanOrEqual(45);
    expect(Object.keys(EXPECTED).sort()).toEqual([...DOCUMENTED].sort());
  });

  test.each(DOCUMENTED.map((name) => [name, ...EXPECTED[name]!] as const))('%s → %s (%s below 400)', (name, category, atSuccess) => {
    // Act
    const at200 = classify(pageFacts(name, 200));
    const at302 = classify(pageFacts(name, 302));
    const at400 = classify(pageFacts(name, 400));
    const at500 = classify(pageFacts(name, 500));
    const noStatus = classify(pageFacts(name, undefined));

    // Assess
    for (const found of [at200, at302, at400, at500, noStatus]) expect(found.category).toBe(category);
    const belowFour = { result: 'success', none: 'unknown', failure: 'failure' }[atSuccess];
    expect([at200.outcome, at302.outcome]).toEqual([belowFour, belowFour]);
    expect([at400.outcome, at500.outcome]).toEqual(['failure', 'failure']);
    expect(noStatus.outcome).toBe(atSuccess === 'failure' ? 'failure' : 'unknown');
    expect(classify(pageFacts(name, 302, { errorCode: 'NotAuthorizedException' })).outcome).toBe('failure');
  });
});

describe('managedLoginEvent', () => {
  test.each([
    ['Login_GET', 'login', 'get'],
    ['LOGIN_get', 'login', 'get'],
    ['Beta_Token_POST', 'token', 'post'],
    ['beta_authorize_get', 'authorize', 'get'],
    ['mfa_phone_resendCode_POST', 'mfa_phone_resendcode', 'post'],
    ['Confirm_With_Link_GET', 'confirm_with_link', 'get'],
    ['CognitoAuthentication', 'cognitoauthentication', undefined],
    ['Logout', 'logout', undefined],
  ] as const)('%s is page %s, method %s', (name, key, method) => {
    expect(managedLoginEvent(name)).toMatchObject({ key, method });
  });

  test('SAML2Logout_POST is a sign-out, not a SAML sign-in', () => {
    expect(managedLoginEvent('SAML2Logout_POST')).toMatchObject({ category: 'sign_out', kind: 'action' });
    expect(classify(pageFacts('SAML2Logout_POST', 302))).toEqual({ category: 'sign_out', outcome: 'success' });
  });

  test('a page AWS may add takes the category of its longest known leading parts, and the method rule', () => {
    expect(managedLoginEvent('mfa_email_verify_POST')).toEqual({ key: undefined, category: 'mfa', kind: 'page', method: 'post' });
    expect(managedLoginEvent('login_passkey_autofill_GET')).toEqual({ key: undefined, category: 'sign_in', kind: 'page', method: 'get' });
    expect(classify(pageFacts('mfa_email_verify_POST', 302))).toEqual({ category: 'mfa', outcome: 'success' });
    expect(classify(pageFacts('signup_terms_GET', 200))).toEqual({ category: 'sign_up', outcome: 'unknown' });
  });

  test('an unknown page keeps the GET rule and falls to other', () => {
    expect(managedLoginEvent('Brand_New_GET')).toEqual({ key: undefined, category: undefined, kind: 'page', method: 'get' });
    expect(classify(pageFacts('Brand_New_GET', 200))).toEqual({ category: 'other', outcome: 'unknown' });
    expect(classify(pageFacts('Brand_New_POST', 302))).toEqual({ category: 'other', outcome: 'success' });
  });

  test('a name without method that no table knows is no page', () => {
    expect(managedLoginEvent('SomethingNew')).toBeUndefined();
    expect(managedLoginEvent('')).toBeUndefined();
    expect(managedLoginEvent('Beta')).toBeUndefined();
  });

  test('reads a name of 300,000 parts in one pass (a quadratic search of its leading parts would time out)', () => {
    expect(managedLoginEvent(`mfa${'_x'.repeat(300_000)}_POST`)).toMatchObject({ category: 'mfa', method: 'post' });
  });

  test('reads a name the same the second time, and after more distinct names than it remembers', () => {
    const first = managedLoginEvent('mfa_phone_verify_POST');
    for (let index = 0; index < 2_000; index += 1) managedLoginEvent(`Page${index}_GET`);

    expect(managedLoginEvent('mfa_phone_verify_POST')).toEqual(first);
    expect(managedLoginEvent('Page1999_GET')).toEqual({ key: undefined, category: undefined, kind: 'page', method: 'get' });
    expect(managedLoginEvent('Beta_Token_POST')).toMatchObject({ key: 'token' });
    expect(managedLoginEvent('NoPage')).toBeUndefined();
    expect(managedLoginEvent('NoPage')).toBeUndefined();
    expect(Object.isFrozen(managedLoginEvent('Login_GET'))).toBe(true);
  });

  test('never fails on unusual names', () => {
    for (const name of ['_', '__', '_GET', 'GET', 'Beta_', 'Beta_GET', '__proto___GET', 'constructor_POST', '\u202eLogin_GET', 'a_'.repeat(5_000)]) {
      expect(() => managedLoginEvent(name)).not.toThrow();
    }
    expect(managedLoginEvent('__proto___GET')?.category).toBeUndefined();
    expect(managedLoginEvent('constructor_POST')?.category).toBeUndefined();
  });
});
