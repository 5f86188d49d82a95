/**
 * The schema's prose: where each field of `SCHEMA_V1` comes from and what each category means, as the
 * README shows them.
 * Kept apart from schema.ts so the transform bundle carries field names and types only; keyed by
 * `FieldName`, so a field added to the table without its description (or the other way round) does not
 * compile. Read by the README generator and the tests, never by the transform.
 */
import type { Category, FieldName } from './schema';

export const FIELD_SOURCES = {
  _timestamp:
    'Event time in µs since the epoch: `detail.eventTime`, else the envelope `time`, else the arrival time; moved to the processing time for late or far-future events (see `restamped`)',
  event_time: '`detail.eventTime` as given (ISO-8601), else the envelope `time`',
  schema_version: '`1`',
  event_id: '`detail.eventID` (the de-duplication key), else the envelope `id`',
  event_name: '`detail.eventName`; for other events the envelope `detail-type`',
  event_source: '`detail.eventSource`; for other events the envelope `source`',
  event_type: '`detail.eventType` (`AwsApiCall`, `AwsServiceEvent`)',
  category:
    '`sign_in`, `sign_up`, `password`, `mfa`, `token`, `sign_out`, `account`, `user_admin`, `pool_admin`, `identity_pool`, `other` (see Categories)',
  outcome:
    '`failure`: an `errorCode`, a managed-login status of 400 or more, or the error page (`Error_GET`). `success`: an API call without error, or a managed-login request that did something (credentials, codes or forms submitted, a link followed, an IdP response, a sign-out) with a status below 400. `unknown`: a managed-login page shown (a `GET` of a page, `Authorize_GET` redirects included), a step between pages (`mfa_back_POST`, `MfaOption_POST`, `Login_OIDC_SAML_POST`), a request without a status, every non-CloudTrail event',
  error_code: '`detail.errorCode`',
  error_message: '`detail.errorMessage`',
  http_status: 'hosted UI `additionalEventData.responseParameters.status` (`200.0` → 200)',
  aws_account_id: '`detail.recipientAccountId`, else the envelope `account`',
  aws_region: '`detail.awsRegion`, else the envelope `region`',
  user_pool_id:
    '`requestParameters.userPoolId`, `additionalEventData.userPoolId`, a user-pool resource ARN (`…:userpool/<id>`), or an identity-pool `logins` key `cognito-idp.<region>.amazonaws.com/<id>`',
  user_pool_domain: 'hosted UI `additionalEventData.userPoolDomain`',
  client_id: '`requestParameters.clientId`, hosted UI `client_id[0]`',
  identity_pool_id:
    'identity pools: `requestParameters.identityPoolId`, `responseElements.identityPoolId` (`CreateIdentityPool`), or the identity-pool resource ARN (`…:identitypool/<id>`, the only place the data events `GetCredentialsForIdentity`, `GetOpenIdToken` and `UnlinkIdentity` name it)',
  identity_id: 'identity pools: `requestParameters.identityId` or `responseElements.identityId`',
  user_sub: '`additionalEventData.sub`, else managed login `additionalEventData.requestParameters.sub[0]` (`Confirm_POST`)',
  username: '`requestParameters.username` when not hidden; kept, hashed or dropped by `USERNAME_MODE`',
  auth_flow: '`requestParameters.authFlow`',
  challenge_name: '`challengeName` of the request, else of the response',
  grant_type:
    'token endpoint (`Token_POST`): `additionalEventData.requestParameters.grant_type[0]` (`authorization_code`, `refresh_token`, `client_credentials`)',
  identity_provider:
    'the IdP the event names: managed login `identity_provider[0]` (`/oauth2/authorize`); `requestParameters.providerName` (IdP administration), `sourceUser.providerName` (`AdminLinkProviderForUser`), `user.providerName` (`AdminDisableProviderForUser`); identity pools: the first `logins` key (`cognito-idp.<region>.amazonaws.com/<pool>`, `accounts.google.com`, a developer provider…)',
  source_ip: '`detail.sourceIPAddress`, kept or truncated by `SOURCE_IP_MODE`',
  user_agent: '`detail.userAgent`',
  principal_type: '`userIdentity.type` (admin calls: `AssumedRole`, `IAMUser`…)',
  principal_arn: '`userIdentity.arn`',
  request_id: '`detail.requestID`',
  read_only: '`detail.readOnly`',
  tls_version: '`detail.tlsDetails.tlsVersion`',
  request_parameters: '`detail.requestParameters` as JSON text (`PAYLOAD_MODE`)',
  response_elements: '`detail.responseElements` as JSON text (`PAYLOAD_MODE`)',
  additional_event_data: '`detail.additionalEventData` as JSON text (`PAYLOAD_MODE`)',
  detail: 'other (non-CloudTrail) events: the envelope `detail` as JSON text (`PAYLOAD_MODE`)',
  restamped: '`true` only when `_timestamp` was moved to the processing time (late or far-future events)',
} as const satisfies Readonly<Record<FieldName, string>>;

/** What each category holds, in a sentence. */
export const CATEGORY_MEANINGS = {
  sign_in:
    'A user signing in: auth flows and challenge responses, the sign-in pages of managed login, IdP responses, the token endpoint exchanging an authorization code',
  sign_up: 'Registration and its confirmation',
  password: 'A password forgotten, reset, changed or set by an administrator',
  mfa: 'MFA and passkey factors: enrolment, preferences, codes submitted while signing in',
  token:
    'Tokens issued or revoked without a sign-in: refresh (`InitiateAuth` with `REFRESH_TOKEN_AUTH`, `grant_type=refresh_token`), machine to machine (`client_credentials`, `GetClientToken`), revocation',
  sign_out: 'Signing out, and sessions revoked',
  account:
    "A signed-in user's own account: attributes and their verification, devices (a remembered device skips MFA), sessions, deletion, threat-protection feedback, the userInfo endpoint",
  user_admin: "An administrator's actions on users, groups and user imports",
  pool_admin:
    'Configuration of user pools and identity pools: app clients and their secrets, domains, IdPs, resource servers, branding, threat protection, identity-pool roles, identities managed with developer credentials',
  identity_pool: 'A client getting an identity-pool identity, its OpenID token or AWS credentials (CloudTrail data events)',
  other: 'Anything else: a name no table knows, events of other services, non-CloudTrail EventBridge events',
} as const satisfies Readonly<Record<Category, string>>;
