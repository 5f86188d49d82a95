/**
 * The schema's prose: where each field of `SCHEMA_V1` comes from, as the README's field table shows it.
 * Kept apart from schema.ts so the transform bundle carries field names and types only; keyed by
 * `FieldName`, so a field added to the table without its description (or the other way round) does not
 * compile. Read by the README generator and the tests, never by the transform.
 */
import type { FieldName } from './schema';

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
    '`sign_in`, `sign_up`, `password`, `mfa`, `token`, `sign_out`, `user_admin`, `pool_admin`, `identity_pool`, `other`',
  outcome: '`success`, `failure` or `unknown`',
  error_code: '`detail.errorCode`',
  error_message: '`detail.errorMessage`',
  http_status: 'hosted UI `additionalEventData.responseParameters.status` (`200.0` → 200)',
  aws_account_id: '`detail.recipientAccountId`, else the envelope `account`',
  aws_region: '`detail.awsRegion`, else the envelope `region`',
  user_pool_id: '`requestParameters.userPoolId`, `additionalEventData.userPoolId`, or the user-pool resource ARN',
  user_pool_domain: 'hosted UI `additionalEventData.userPoolDomain`',
  client_id: '`requestParameters.clientId`, hosted UI `client_id[0]`',
  identity_pool_id: 'identity pools: `requestParameters.identityPoolId`',
  identity_id: 'identity pools: `requestParameters.identityId` or `responseElements.identityId`',
  user_sub: '`additionalEventData.sub`',
  username: '`requestParameters.username` when not hidden; kept, hashed or dropped by `USERNAME_MODE`',
  auth_flow: '`requestParameters.authFlow`',
  challenge_name: '`challengeName` of the request, else of the response',
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
