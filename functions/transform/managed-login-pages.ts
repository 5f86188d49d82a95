/**
 * Managed login and the classic hosted UI: requests to a user pool's domain, which CloudTrail logs as
 * `AwsServiceEvent`s named after the page and the method (Amazon Cognito Developer Guide, "Amazon Cognito
 * logging in AWS CloudTrail", tables "Hosted UI (classic) events" and "Managed login events"). The names
 * come in any case and any number of `_`-separated parts (`Login_GET`, `login_passkey_POST`,
 * `mfa_phone_resendCode_POST`, `Confirm_With_Link_GET`, `CognitoAuthentication`), some with a `Beta_` prefix
 * (`Beta_Token_POST`): a name is read as its parts, lowercased, without `Beta` and without the method.
 */
import type { Category } from './schema';

/**
 * What a request to the page says about authentication:
 * - `page`: a `GET` shows the page (no result; its status is that of rendering it), any other method
 *   submits it (the status is the result);
 * - `action`: every request does something — a link followed, an IdP's response, a sign-out, a token used;
 * - `step`: moving between the steps of a sign-in (choosing an MFA method, going back, being routed to an
 *   IdP): never an authentication result;
 * - `error`: the error page, shown only after a request failed.
 */
export type PageKind = 'page' | 'action' | 'step' | 'error';

/** The token endpoint, whose category is that of its `grant_type`. */
export const TOKEN_ENDPOINT = 'token';

export const MANAGED_LOGIN_PAGES: readonly (readonly [key: string, category: Category, kind: PageKind])[] = [
  ['login', 'sign_in', 'page'],
  ['cognitoauthentication', 'sign_in', 'action'],
  ['login_continue', 'sign_in', 'page'],
  ['login_passkey', 'sign_in', 'page'],
  ['selectchallenge', 'sign_in', 'page'],
  ['verifycode', 'sign_in', 'page'],
  // /oauth2/authorize redirects to the sign-in page, to an IdP, or (with a session cookie) back to the
  // app; the log does not say which, so it is no result. The sign-in is counted where it completes.
  ['authorize', 'sign_in', 'page'],
  ['oauth2_authorize', 'sign_in', 'page'],
  ['oauth2response', 'sign_in', 'action'],
  ['saml2response', 'sign_in', 'action'],
  ['login_oidc_saml', 'sign_in', 'step'],
  ['error', 'sign_in', 'error'],
  [TOKEN_ENDPOINT, 'token', 'page'],
  // The /oauth2/revoke endpoint; AWS's list does not name its event.
  ['revoke', 'token', 'page'],
  ['signup', 'sign_up', 'page'],
  ['signup_confirm', 'sign_up', 'page'],
  ['confirm', 'sign_up', 'page'],
  ['confirm_with_link', 'sign_up', 'action'],
  ['confirmuser', 'sign_up', 'action'],
  ['resendcode', 'sign_up', 'page'],
  ['forgotpassword', 'password', 'page'],
  ['confirmforgotpassword', 'password', 'page'],
  ['resetpassword', 'password', 'page'],
  ['mfa', 'mfa', 'page'],
  ['mfa_totp', 'mfa', 'page'],
  ['mfa_phone_verify', 'mfa', 'page'],
  ['mfa_phone_register', 'mfa', 'page'],
  ['mfa_phone_resendcode', 'mfa', 'page'],
  ['mfaregister', 'mfa', 'page'],
  ['passkeys_add', 'mfa', 'page'],
  ['mfaoption', 'mfa', 'step'],
  ['mfa_options', 'mfa', 'step'],
  ['mfa_back', 'mfa', 'step'],
  ['logout', 'sign_out', 'action'],
  ['saml2logout', 'sign_out', 'action'],
  ['userinfo', 'account', 'action'],
  ['event_feedback', 'account', 'action'],
];

interface PageSpec {
  readonly category: Category;
  readonly kind: PageKind;
}

const PAGE_TABLE: ReadonlyMap<string, PageSpec> = new Map(MANAGED_LOGIN_PAGES.map(([key, category, kind]) => [key, { category, kind }]));

/** A managed-login event name, read. */
export interface PageEvent {
  /** The page's key in the table (lowercased parts without `Beta` and method), when the table knows it. */
  readonly key: string | undefined;
  /** The category of the page, or of the longest leading parts the table knows (`mfa_email_POST` → `mfa`). */
  readonly category: Category | undefined;
  readonly kind: PageKind;
  readonly method: 'get' | 'post' | undefined;
}

const BETA = 'beta';

/** Parts of the longest page key in the table: a longer leading run can never match, so none is tried. */
const MAX_KEY_PARTS = Math.max(...MANAGED_LOGIN_PAGES.map(([key]) => key.split('_').length));

/**
 * Names read so far, and what they gave. A deployment sees a few dozen page names, each thousands of times:
 * reading one is then a single map read. Bounded in entries and in name length, so hostile names cannot
 * grow it; a name it does not hold is simply read again.
 */
const READ_NAMES = new Map<string, PageEvent | null>();
const MAX_READ_NAMES = 512;
const MAX_REMEMBERED_NAME_LENGTH = 64;

/**
 * The page an event name names: undefined for a name that is neither in the table nor ends in `_GET` or
 * `_POST` (an API operation, or something else). The result is shared: never change it.
 * @example managedLoginEvent('Beta_SAML2Response_POST') // { key: 'saml2response', category: 'sign_in', kind: 'action', method: 'post' }
 */
export function managedLoginEvent(eventName: string): PageEvent | undefined {
  const known = READ_NAMES.get(eventName);
  if (known !== undefined) return known ?? undefined;
  const page = readPageName(eventName);
  if (READ_NAMES.size < MAX_READ_NAMES && eventName.length <= MAX_REMEMBERED_NAME_LENGTH) READ_NAMES.set(eventName, page === undefined ? null : Object.freeze(page));
  return page;
}

/** Reads a name by its parts: lowercased, without `Beta` and the method, then the longest known leading parts. */
function readPageName(eventName: string): PageEvent | undefined {
  const parts = eventName.toLowerCase().split('_');
  if (parts.length > 1 && parts[0] === BETA) parts.shift();
  const last = parts[parts.length - 1];
  const method = parts.length > 1 && (last === 'get' || last === 'post') ? last : undefined;
  if (method !== undefined) parts.pop();
  const key = parts.join('_');
  const exact = PAGE_TABLE.get(key);
  if (exact !== undefined) return { key, category: exact.category, kind: exact.kind, method };
  if (method === undefined) return undefined;
  for (let count = Math.min(parts.length - 1, MAX_KEY_PARTS); count > 0; count -= 1) {
    const known = PAGE_TABLE.get(parts.slice(0, count).join('_'));
    if (known !== undefined) return { key: undefined, category: known.category, kind: 'page', method };
  }
  return { key: undefined, category: undefined, kind: 'page', method };
}
