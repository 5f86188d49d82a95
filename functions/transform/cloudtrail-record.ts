/**
 * A CloudTrail record (an EventBridge `detail`, or a bare record from a CloudTrail log file) → the normalised
 * record (docs/schema.md; schema-prose.ts says where Cognito puts each value).
 */
import { classify } from './classify';
import type { TransformConfig } from './config';
import { COGNITO_IDENTITY_SOURCE, COGNITO_IDP_EVENT_SOURCE, COGNITO_IDENTITY_EVENT_SOURCE, COGNITO_IDP_SOURCE } from './constants';
import { parseIsoMicros, placeInIngestWindow } from './event-time';
import { asObject, booleanValue, firstTextValue, httpStatusValue, textValue, type JsonObject } from './field-values';
import { payloadField } from './payload';
import { recordLine } from './record-line';
import { IDENTITY_POOL_ARN_MARKER, USER_POOL_ARN_MARKER, firstLoginProvider, idFromResources, userPoolFromLogins } from './resource-ids';
import { SCHEMA_VERSION, type NormalisedRecord } from './schema';
import { truncateSourceIp } from './source-ip';
import type { TransformOutcome } from './types';
import { usernameField, usernameScrubber } from './username';

const EMPTY: JsonObject = Object.freeze({});
const API_CALL_DETAIL_TYPE = 'AWS API Call via CloudTrail';

/**
 * The identity provider an event names: managed login's `identity_provider` (the authorize endpoint's IdP
 * choice), the `providerName` of IdP administration and of the admin calls that link or unlink a federated
 * user, else the first login provider of an identity-pool call.
 */
function identityProviderOf(request: JsonObject, hostedRequest: JsonObject): string | undefined {
  return (
    firstTextValue(hostedRequest.identity_provider) ??
    textValue(request.providerName) ??
    textValue(asObject(request.sourceUser)?.providerName) ??
    textValue(asObject(request.user)?.providerName) ??
    firstLoginProvider(request.logins)
  );
}

/** `eventSource`, else the envelope `source` mapped to the CloudTrail service name. */
function eventSourceOf(detail: JsonObject, envelope: JsonObject): string | undefined {
  const source = textValue(detail.eventSource);
  if (source !== undefined) return source;
  if (envelope.source === COGNITO_IDP_SOURCE) return COGNITO_IDP_EVENT_SOURCE;
  if (envelope.source === COGNITO_IDENTITY_SOURCE) return COGNITO_IDENTITY_EVENT_SOURCE;
  return undefined;
}

/**
 * Normalises one CloudTrail record. `envelope` is the EventBridge event around it (empty for a bare record):
 * it supplies `id`, `time`, `account`, `region` and `resources` when the record lacks them. `plainStrings`: see
 * `normaliseEvent`.
 */
export function normaliseCloudTrail(
  detail: JsonObject,
  envelope: JsonObject | undefined,
  arrivalMs: number,
  config: TransformConfig,
  nowMs: number,
  plainStrings = false,
): TransformOutcome {
  const outer = envelope ?? EMPTY;
  const eventName = textValue(detail.eventName);
  if (eventName !== undefined && config.excludeEventNames.matches(eventName)) {
    return { kind: 'dropped', reason: 'event name is in EXCLUDE_EVENT_NAMES' };
  }
  const request = asObject(detail.requestParameters) ?? EMPTY;
  const response = asObject(detail.responseElements) ?? EMPTY;
  const additional = asObject(detail.additionalEventData) ?? EMPTY;
  const identity = asObject(detail.userIdentity) ?? EMPTY;
  const hostedRequest = asObject(additional.requestParameters) ?? EMPTY;

  const eventTimeText = textValue(detail.eventTime);
  const eventTimeUs = parseIsoMicros(detail.eventTime) ?? parseIsoMicros(outer.time) ?? Math.trunc(arrivalMs) * 1000;
  const placed = placeInIngestWindow(eventTimeUs, nowMs, config);

  const eventSource = eventSourceOf(detail, outer);
  const eventType = textValue(detail.eventType);
  const errorCode = textValue(detail.errorCode);
  const httpStatus = httpStatusValue(asObject(additional.responseParameters)?.status);
  const isApiCall = eventType === undefined ? outer['detail-type'] === API_CALL_DETAIL_TYPE : eventType === 'AwsApiCall';
  const userPoolId =
    textValue(request.userPoolId) ??
    textValue(additional.userPoolId) ??
    idFromResources(detail.resources, USER_POOL_ARN_MARKER) ??
    idFromResources(outer.resources, USER_POOL_ARN_MARKER) ??
    userPoolFromLogins(request.logins);
  const clientId = textValue(request.clientId) ?? firstTextValue(hostedRequest.client_id);
  const usernameScope = userPoolId ?? clientId;
  const sourceIp = textValue(detail.sourceIPAddress);
  const scrub = usernameScrubber(config.usernameMode, usernameScope);
  const authFlow = textValue(request.authFlow);
  const grantType = firstTextValue(hostedRequest.grant_type);
  const { category, outcome } = classify({ eventSource, eventName, errorCode, httpStatus, isApiCall, grantType, authFlow });

  const record: NormalisedRecord = {
    _timestamp: placed.timestamp,
    event_time: eventTimeText ?? textValue(outer.time),
    schema_version: SCHEMA_VERSION,
    event_id: textValue(detail.eventID) ?? textValue(outer.id),
    event_name: eventName,
    event_source: eventSource,
    event_type: eventType,
    category,
    outcome,
    error_code: errorCode,
    error_message: textValue(detail.errorMessage),
    http_status: httpStatus,
    aws_account_id: textValue(detail.recipientAccountId) ?? textValue(outer.account),
    aws_region: textValue(detail.awsRegion) ?? textValue(outer.region),
    user_pool_id: userPoolId,
    user_pool_domain: textValue(additional.userPoolDomain),
    client_id: clientId,
    identity_pool_id:
      textValue(request.identityPoolId) ??
      textValue(response.identityPoolId) ??
      idFromResources(detail.resources, IDENTITY_POOL_ARN_MARKER) ??
      idFromResources(outer.resources, IDENTITY_POOL_ARN_MARKER),
    identity_id: textValue(request.identityId) ?? textValue(response.identityId),
    user_sub: textValue(additional.sub) ?? firstTextValue(hostedRequest.sub),
    username: usernameField(config.usernameMode, usernameScope, textValue(request.username)),
    auth_flow: authFlow,
    challenge_name: textValue(request.challengeName) ?? textValue(response.challengeName),
    grant_type: grantType,
    identity_provider: identityProviderOf(request, hostedRequest),
    source_ip: sourceIp !== undefined && config.sourceIpMode === 'truncate' ? truncateSourceIp(sourceIp) : sourceIp,
    user_agent: textValue(detail.userAgent),
    principal_type: textValue(identity.type),
    principal_arn: textValue(identity.arn),
    request_id: textValue(detail.requestID),
    read_only: booleanValue(detail.readOnly),
    tls_version: textValue(asObject(detail.tlsDetails)?.tlsVersion),
    request_parameters: payloadField(detail.requestParameters, config.payloadMode, scrub),
    response_elements: payloadField(detail.responseElements, config.payloadMode, scrub),
    additional_event_data: payloadField(detail.additionalEventData, config.payloadMode, scrub),
    restamped: placed.restamped ? true : undefined,
  };
  return { kind: 'ok', line: recordLine(record, plainStrings), record, restamped: placed.restamped };
}
