/**
 * A CloudTrail record (an EventBridge `detail`, or a bare record from a CloudTrail log file) → the normalised
 * record (DESIGN, The normalised record; contracts/aws.md §4 for where Cognito puts each value).
 */
import { classify } from './classify';
import type { TransformConfig } from './config';
import { COGNITO_IDENTITY_SOURCE, COGNITO_IDP_EVENT_SOURCE, COGNITO_IDENTITY_EVENT_SOURCE, COGNITO_IDP_SOURCE } from './constants';
import { parseIsoMicros, placeInIngestWindow } from './event-time';
import { asObject, booleanValue, firstTextValue, httpStatusValue, textValue, type JsonObject } from './field-values';
import { payloadField } from './payload';
import { recordLine } from './record-line';
import { SCHEMA_VERSION, type NormalisedRecord } from './schema';
import { truncateSourceIp } from './source-ip';
import type { TransformOutcome } from './types';
import { usernameField, usernameReplacer } from './username';

const EMPTY: JsonObject = Object.freeze({});
const USER_POOL_ARN_MARKER = ':userpool/';
const API_CALL_DETAIL_TYPE = 'AWS API Call via CloudTrail';

/** The user pool id of the first `…:userpool/<id>` ARN in `resources` (strings, or objects with `ARN`). */
function userPoolFromResources(resources: unknown): string | undefined {
  if (!Array.isArray(resources)) return undefined;
  for (const resource of resources) {
    const arn = typeof resource === 'string' ? resource : textValue(asObject(resource)?.ARN);
    if (arn === undefined) continue;
    const at = arn.indexOf(USER_POOL_ARN_MARKER);
    if (at === -1) continue;
    const id = arn.slice(at + USER_POOL_ARN_MARKER.length);
    const end = id.indexOf('/');
    const poolId = textValue(end === -1 ? id : id.slice(0, end));
    if (poolId !== undefined) return poolId;
  }
  return undefined;
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
    userPoolFromResources(detail.resources) ??
    userPoolFromResources(outer.resources);
  const clientId = textValue(request.clientId) ?? firstTextValue(hostedRequest.client_id);
  const usernameScope = userPoolId ?? clientId;
  const sourceIp = textValue(detail.sourceIPAddress);
  const replacer = usernameReplacer(config.usernameMode, usernameScope);
  const authFlow = textValue(request.authFlow);
  const { category, outcome } = classify({
    eventSource,
    eventName,
    errorCode,
    httpStatus,
    isApiCall,
    grantType: firstTextValue(hostedRequest.grant_type),
    authFlow,
  });

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
    identity_pool_id: textValue(request.identityPoolId),
    identity_id: textValue(request.identityId) ?? textValue(response.identityId),
    user_sub: textValue(additional.sub),
    username: usernameField(config.usernameMode, usernameScope, textValue(request.username)),
    auth_flow: authFlow,
    challenge_name: textValue(request.challengeName) ?? textValue(response.challengeName),
    source_ip: sourceIp !== undefined && config.sourceIpMode === 'truncate' ? truncateSourceIp(sourceIp) : sourceIp,
    user_agent: textValue(detail.userAgent),
    principal_type: textValue(identity.type),
    principal_arn: textValue(identity.arn),
    request_id: textValue(detail.requestID),
    read_only: booleanValue(detail.readOnly),
    tls_version: textValue(asObject(detail.tlsDetails)?.tlsVersion),
    request_parameters: payloadField(detail.requestParameters, config.payloadMode, replacer),
    response_elements: payloadField(detail.responseElements, config.payloadMode, replacer),
    additional_event_data: payloadField(detail.additionalEventData, config.payloadMode, replacer),
    restamped: placed.restamped ? true : undefined,
  };
  return { kind: 'ok', line: recordLine(record, plainStrings), record, restamped: placed.restamped };
}
