/**
 * `category` and `outcome` of a CloudTrail event. API operations are looked up by name
 * (api-categories.ts), managed-login and hosted-UI requests by their page (managed-login-pages.ts); a name
 * neither table knows falls back to its shape, then to `other`, and never fails. Tables are built once at
 * load; a lookup is one map read for an API call, a few for a page.
 */
import { IDENTITY_POOL_OPERATIONS, USER_POOL_OPERATIONS, operationTable } from './api-categories';
import { COGNITO_IDENTITY_EVENT_SOURCE, COGNITO_IDP_EVENT_SOURCE } from './constants';
import { TOKEN_ENDPOINT, managedLoginEvent, type PageEvent } from './managed-login-pages';
import type { Category, Outcome } from './schema';

const USER_POOL_API = operationTable(USER_POOL_OPERATIONS);
const IDENTITY_POOL_API = operationTable(IDENTITY_POOL_OPERATIONS);

/** The token-endpoint grant that completes a user's sign-in (RFC 6749 §4.1.3); every other grant is `token`. */
const SIGN_IN_GRANT = 'authorization_code';

/** `InitiateAuth` flows that exchange a refresh token instead of signing a user in (user pools API Reference, InitiateAuth). */
const REFRESH_AUTH_FLOWS: ReadonlySet<string> = new Set(['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']);
const INITIATE_AUTH: ReadonlySet<string> = new Set(['InitiateAuth', 'AdminInitiateAuth']);

/** User-pool operations this table does not know yet (newer than the SDK it was checked against), by shape. */
const NEW_POOL_ADMIN =
  /^(?:Create|Update|Delete|Describe|List|Get|Set|Add|Start|Stop)(?:UserPool|IdentityProvider|ResourceServer|UICustomization|RiskConfiguration|ManagedLoginBranding|Terms|LogDeliveryConfiguration|SigningCertificate|ProvisionedLimit|TagsForResource)/;

/** What classification reads of an event. */
export interface EventFacts {
  readonly eventSource: string | undefined;
  readonly eventName: string | undefined;
  readonly errorCode: string | undefined;
  /** Managed login's HTTP status (`additionalEventData.responseParameters.status`). */
  readonly httpStatus: number | undefined;
  /** True for `AwsApiCall` events. */
  readonly isApiCall: boolean;
  /** The token endpoint's `grant_type`. */
  readonly grantType: string | undefined;
  /** `requestParameters.authFlow` of InitiateAuth / AdminInitiateAuth. */
  readonly authFlow: string | undefined;
}

export interface Classification {
  readonly category: Category;
  readonly outcome: Outcome;
}

function apiCategory(eventName: string, api: Category, authFlow: string | undefined): Category {
  return authFlow !== undefined && REFRESH_AUTH_FLOWS.has(authFlow) && INITIATE_AUTH.has(eventName) ? 'token' : api;
}

/** A user-pool event that is no known API operation: its managed-login page, else its shape. */
function otherUserPoolCategory(eventName: string, page: PageEvent | undefined, grantType: string | undefined): Category {
  if (page?.key === TOKEN_ENDPOINT) return grantType === SIGN_IN_GRANT ? 'sign_in' : 'token';
  if (page?.category !== undefined) return page.category;
  if (NEW_POOL_ADMIN.test(eventName)) return 'pool_admin';
  if (eventName.startsWith('Admin')) return 'user_admin';
  return 'other';
}

/**
 * - `failure`: an error code, a managed-login status of 400 or more, or the error page;
 * - `unknown` for managed-login requests that are no authentication result: a page shown (`GET` of a page),
 *   a step between pages, a request without a status;
 * - `success` otherwise for managed-login requests (status below 400) and API calls (no error code);
 * - `unknown` for anything else without a status.
 */
function outcomeOf(facts: EventFacts, page: PageEvent | undefined): Outcome {
  if (facts.errorCode !== undefined) return 'failure';
  const status = facts.httpStatus;
  if (page !== undefined) {
    if (page.kind === 'error') return 'failure';
    if (status === undefined) return 'unknown';
    if (status >= 400) return 'failure';
    return page.kind === 'step' || (page.kind === 'page' && page.method === 'get') ? 'unknown' : 'success';
  }
  if (status !== undefined) return status >= 400 ? 'failure' : 'success';
  return facts.isApiCall ? 'success' : 'unknown';
}

/**
 * The category and outcome of an event by its `eventSource`, `eventName` and the few request values that
 * change them.
 * @example classify({ eventSource: 'cognito-idp.amazonaws.com', eventName: 'Login_GET', httpStatus: 200, … }) // { category: 'sign_in', outcome: 'unknown' }
 */
export function classify(facts: EventFacts): Classification {
  const { eventSource, eventName } = facts;
  if (eventName !== undefined && eventSource === COGNITO_IDP_EVENT_SOURCE) {
    const api = USER_POOL_API.get(eventName);
    if (api !== undefined) return { category: apiCategory(eventName, api, facts.authFlow), outcome: outcomeOf(facts, undefined) };
    const page = managedLoginEvent(eventName);
    return { category: otherUserPoolCategory(eventName, page, facts.grantType), outcome: outcomeOf(facts, page) };
  }
  const category = eventName !== undefined && eventSource === COGNITO_IDENTITY_EVENT_SOURCE ? (IDENTITY_POOL_API.get(eventName) ?? 'other') : 'other';
  return { category, outcome: outcomeOf(facts, undefined) };
}
