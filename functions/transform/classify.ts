/**
 * `category` and `outcome` of a CloudTrail event (DESIGN, The normalised record). Unknown names fall to
 * `other`, never fail. Tables are built once at load; a lookup is one or two map reads.
 */
import type { Category, Outcome } from './schema';
import { COGNITO_IDENTITY_EVENT_SOURCE, COGNITO_IDP_EVENT_SOURCE } from './constants';

const API_CATEGORIES: Readonly<Record<Exclude<Category, 'identity_pool' | 'other'>, readonly string[]>> = {
  sign_in: ['InitiateAuth', 'AdminInitiateAuth', 'RespondToAuthChallenge', 'AdminRespondToAuthChallenge'],
  sign_up: ['SignUp', 'ConfirmSignUp', 'ResendConfirmationCode'],
  password: ['ForgotPassword', 'ConfirmForgotPassword', 'ChangePassword', 'AdminSetUserPassword', 'AdminResetUserPassword'],
  mfa: [
    'AssociateSoftwareToken',
    'VerifySoftwareToken',
    'SetUserMFAPreference',
    'AdminSetUserMFAPreference',
    'SetUserSettings',
    'AdminSetUserSettings',
    'StartWebAuthnRegistration',
    'CompleteWebAuthnRegistration',
    'ListWebAuthnCredentials',
    'DeleteWebAuthnCredential',
  ],
  token: ['RevokeToken', 'GetTokensFromRefreshToken'],
  sign_out: ['GlobalSignOut', 'AdminUserGlobalSignOut'],
  user_admin: ['ListUsers', 'ListUsersInGroup', 'ListGroups', 'GetGroup', 'CreateGroup', 'UpdateGroup', 'DeleteGroup'],
  pool_admin: ['SetUICustomization', 'SetRiskConfiguration', 'SetUserPoolMfaConfig', 'AddCustomAttributes', 'TagResource', 'UntagResource'],
};

/** Hosted-UI / managed-login pages, by the lowercased name before `_GET` / `_POST` (contracts/aws.md §3). */
const HOSTED_UI_CATEGORIES: Readonly<Record<Exclude<Category, 'identity_pool' | 'other' | 'user_admin' | 'pool_admin'>, readonly string[]>> = {
  sign_in: ['login', 'authorize', 'oauth2', 'token', 'idpresponse', 'saml2response', 'samlresponse', 'saml2', 'error', 'selectaccount'],
  sign_up: ['signup', 'confirm', 'confirmsignup', 'resendcode'],
  password: ['forgotpassword', 'confirmforgotpassword', 'resetpassword', 'changepassword'],
  mfa: ['mfa', 'mfaoption', 'mfasetup', 'selectmfa', 'totp', 'passkey', 'webauthn'],
  token: ['revoke', 'userinfo'],
  sign_out: ['logout', 'signout'],
};

function table<T extends string>(groups: Readonly<Record<T, readonly string[]>>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  // Keys of our own constant tables, not input.
  for (const category of Object.keys(groups) as T[]) for (const name of groups[category]) map.set(name, category);
  return map;
}

const API = table(API_CATEGORIES);
const HOSTED_UI = table(HOSTED_UI_CATEGORIES);

/** Configuration of pools, clients, domains, identity providers…: any verb on these nouns. */
const POOL_ADMIN = /^(?:Create|Update|Delete|Describe|List|Get|Set|Add|Start|Stop)(?:UserPool|IdentityProvider|ResourceServer|UICustomization|RiskConfiguration|ManagedLoginBranding|UserImportJob|CSVHeader|SigningCertificate|LogDeliveryConfiguration|Terms|TagsForResource)/;

function cognitoUserPoolCategory(eventName: string): Category {
  const api = API.get(eventName);
  if (api !== undefined) return api;
  const lower = eventName.toLowerCase();
  const separator = lower.lastIndexOf('_');
  const hosted = HOSTED_UI.get(lower) ?? (separator > 0 ? HOSTED_UI.get(lower.slice(0, separator)) : undefined);
  if (hosted !== undefined) return hosted;
  if (lower.startsWith('saml') || lower.startsWith('oauth')) return 'sign_in';
  if (POOL_ADMIN.test(eventName)) return 'pool_admin';
  if (eventName.startsWith('Admin')) return 'user_admin';
  return 'other';
}

/**
 * The category of an event by its CloudTrail `eventSource` and `eventName`.
 * @example categoryOf('cognito-idp.amazonaws.com', 'InitiateAuth') // 'sign_in'
 * @example categoryOf('cognito-idp.amazonaws.com', 'Signup_POST') // 'sign_up'
 */
export function categoryOf(eventSource: string | undefined, eventName: string | undefined): Category {
  if (eventSource === COGNITO_IDENTITY_EVENT_SOURCE) return 'identity_pool';
  if (eventSource !== COGNITO_IDP_EVENT_SOURCE || eventName === undefined) return 'other';
  return cognitoUserPoolCategory(eventName);
}

/**
 * `failure` when there is an error code or the hosted-UI status is ≥ 400; `success` when the status is below
 * 400 or an API call has no error; `unknown` otherwise.
 */
export function outcomeOf(errorCode: string | undefined, httpStatus: number | undefined, isApiCall: boolean): Outcome {
  if (errorCode !== undefined) return 'failure';
  if (httpStatus !== undefined) return httpStatus >= 400 ? 'failure' : 'success';
  return isApiCall ? 'success' : 'unknown';
}
