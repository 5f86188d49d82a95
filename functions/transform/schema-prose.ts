/**
 * The schema's prose: where each field of `SCHEMA_V1` comes from and what each category means, as
 * docs/schema.md shows them.
 * Kept apart from schema.ts so the transform bundle carries field names and types only; keyed by
 * `FieldName`, so a field added to the table without its description (or the other way round) does not
 * compile. Read by the docs generator (npm run docs) and the tests, never by the transform.
 */
import type { Category, FieldName } from './schema';

export const FIELD_SOURCES = {
  _timestamp:
    'Event time in µs since the epoch: `detail.eventTime`, else the envelope `time` (user activity logs: `eventTimestamp`), else the arrival time; moved to the processing time for late or far-future events (see `restamped`)',
  event_time: '`detail.eventTime` as given (ISO-8601), else the envelope `time`; user activity logs: `eventTimestamp` written as ISO-8601 UTC with milliseconds',
  schema_version: '`1`',
  event_id: '`detail.eventID` (the de-duplication key), else the envelope `id`; user activity logs: `message.eventId`',
  event_name:
    '`detail.eventName`; for other events the envelope `detail-type`; user activity logs: `message.eventType` (`SignIn`, `SignUp`, `ForgotPassword`, `PasswordChange`, `ResendCode`)',
  event_source: '`detail.eventSource`; for other events the envelope `source`; user activity logs: `eventSource` (`USER_ACTIVITY`)',
  event_type: '`detail.eventType` (`AwsApiCall`, `AwsServiceEvent`); `UserActivity` for a user activity log event, `UserPoolLog` for another Cognito log event',
  category:
    '`sign_in`, `sign_up`, `password`, `mfa`, `token`, `sign_out`, `account`, `user_admin`, `pool_admin`, `identity_pool`, `other` (see Categories)',
  outcome:
    'User activity logs: `message.eventResponse` `Pass` → `success`, `Fail` → `failure`, `InProgress` → `unknown`. CloudTrail: `failure`: an `errorCode`, a managed-login status of 400 or more, or the error page (`Error_GET`). `success`: an API call without error, or a managed-login request that did something (credentials, codes or forms submitted, a link followed, an IdP response, a sign-out) with a status below 400. `unknown`: a managed-login page shown (a `GET` of a page, `Authorize_GET` redirects included), a step between pages (`mfa_back_POST`, `MfaOption_POST`, `Login_OIDC_SAML_POST`), a request without a status, every non-CloudTrail event',
  error_code: '`detail.errorCode`',
  error_message: '`detail.errorMessage`',
  http_status: 'hosted UI `additionalEventData.responseParameters.status` (`200.0` → 200)',
  aws_account_id:
    "`detail.recipientAccountId`, else the envelope `account`; user activity logs: the account of the Firehose stream (`deliveryStreamArn`), which Cognito log delivery requires to be the pool's own",
  aws_region: '`detail.awsRegion`, else the envelope `region`; user activity logs: the region prefix of the user pool id (`eu-west-1_…`)',
  user_pool_id:
    'User activity logs: `message.userPoolId`, else `logSourceId.userPoolId`. CloudTrail: `requestParameters.userPoolId`, `additionalEventData.userPoolId`, a user-pool resource ARN (`…:userpool/<id>`), or an identity-pool `logins` key `cognito-idp.<region>.amazonaws.com/<id>`',
  user_pool_domain: 'hosted UI `additionalEventData.userPoolDomain`',
  client_id: '`requestParameters.clientId`, hosted UI `client_id[0]`; user activity logs: `message.clientId`',
  identity_pool_id:
    'identity pools: `requestParameters.identityPoolId`, `responseElements.identityPoolId` (`CreateIdentityPool`), or the identity-pool resource ARN (`…:identitypool/<id>`, the only place the data events `GetCredentialsForIdentity`, `GetOpenIdToken` and `UnlinkIdentity` name it)',
  identity_id: 'identity pools: `requestParameters.identityId` or `responseElements.identityId`',
  user_sub:
    '`additionalEventData.sub`, else managed login `additionalEventData.requestParameters.sub[0]` (`Confirm_POST`); user activity logs: `message.userSub`',
  username:
    '`requestParameters.username` when not hidden (user activity logs: `message.userName`); kept, hashed or dropped by `USERNAME_MODE`',
  auth_flow: '`requestParameters.authFlow`',
  challenge_name: '`challengeName` of the request, else of the response',
  grant_type:
    'token endpoint (`Token_POST`): `additionalEventData.requestParameters.grant_type[0]` (`authorization_code`, `refresh_token`, `client_credentials`)',
  identity_provider:
    'the IdP the event names: user activity logs `message.idpName`; managed login `identity_provider[0]` (`/oauth2/authorize`); `requestParameters.providerName` (IdP administration), `sourceUser.providerName` (`AdminLinkProviderForUser`), `user.providerName` (`AdminDisableProviderForUser`); identity pools: the first `logins` key (`cognito-idp.<region>.amazonaws.com/<pool>`, `accounts.google.com`, a developer provider…)',
  source_ip: '`detail.sourceIPAddress` (user activity logs: `message.ipAddress`), kept or truncated by `SOURCE_IP_MODE`',
  user_agent: '`detail.userAgent`',
  device_name: 'user activity logs: `message.deviceName`, the browser and system Cognito recognised (`Chrome 126, Windows 10`; `Other, Other` when it could not tell)',
  city: 'user activity logs: `message.city`, where Cognito placed the source IP',
  country: 'user activity logs: `message.country` (`United States`: the country name, not a code)',
  principal_type: '`userIdentity.type` (admin calls: `AssumedRole`, `IAMUser`…)',
  principal_arn: '`userIdentity.arn`',
  request_id: '`detail.requestID`; user activity logs: `message.requestId`',
  read_only: '`detail.readOnly`',
  tls_version: '`detail.tlsDetails.tlsVersion`',
  risk_level: "user activity logs: `message.riskLevel`, threat protection's risk (`Low`, `Medium`, `High`)",
  risk_decision:
    "user activity logs: `message.riskDecision`, what threat protection concluded (`NoRisk`, `AccountTakeover`, `Block`; the guide's example log also shows `PASS`)",
  compromised_credentials: 'user activity logs: `message.compromisedCredentialDetected` (`"true"`/`"false"` text read as a boolean)',
  challenges:
    'user activity logs: `message.challenges` as JSON text, each `{"challengeName":…,"challengeResponse":…}` (`Password`/`Mfa`…, `Success`/`Failure`); absent when empty',
  event_feedback: 'user activity logs: `message.eventFeedbackValue`, the feedback given on the event (`Valid`, `Invalid`); its date and provider stay in `detail`',
  has_context_data: 'user activity logs: `message.hasContextData`, whether the app sent the device and session data threat protection assesses',
  request_parameters: '`detail.requestParameters` as JSON text (`PAYLOAD_MODE`)',
  response_elements: '`detail.responseElements` as JSON text (`PAYLOAD_MODE`)',
  additional_event_data: '`detail.additionalEventData` as JSON text (`PAYLOAD_MODE`)',
  detail:
    'other (non-CloudTrail) events: the envelope `detail`; user activity logs: what no field holds (`logLevel`, `message.version`, `creationDate`, `eventFeedbackDate`, `eventFeedbackProvider`, fields AWS adds later); a JSON object of no known shape: the whole object. JSON text (`PAYLOAD_MODE`)',
  restamped: '`true` only when `_timestamp` was moved to the processing time (late or far-future events)',
} as const satisfies Readonly<Record<FieldName, string>>;

/** What each category holds, in a sentence. */
export const CATEGORY_MEANINGS = {
  sign_in:
    "A user signing in: auth flows and challenge responses, the sign-in pages of managed login, IdP responses, the token endpoint exchanging an authorization code; threat protection's `SignIn` user activity",
  sign_up: "Registration and its confirmation; threat protection's `SignUp` and `ResendCode` user activity",
  password: "A password forgotten, reset, changed or set by an administrator; threat protection's `ForgotPassword` and `PasswordChange` user activity",
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
  other: 'Anything else: a name no table knows, events of other services, non-CloudTrail EventBridge events, JSON of no known shape',
} as const satisfies Readonly<Record<Category, string>>;
