/**
 * The normalised record, schema version 1: the one definition of every field the transform writes.
 * The record type, the OpenObserve-rules test helper, the security pack's query checks and the README's
 * field table all derive from this table; changing a name or a type here is a breaking change for
 * every dashboard built on the stream (bump `SCHEMA_VERSION` and say so in CHANGELOG.md).
 *
 * Field order is output order: `_timestamp` comes first so every line starts `{\t"_timestamp":`.
 * OpenObserve stores keys lowercased with `[^a-z0-9_]` → `_` (contract, "Field names and types"), so every
 * name here is already in that form and no two can collide.
 */

export const SCHEMA_VERSION = 1 as const;

/** Column types as OpenObserve stores them; `json` is a string holding JSON text (see `PAYLOAD_MODE`). */
export const FIELD_TYPES = ['string', 'integer', 'boolean', 'json'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldSpec {
  readonly type: FieldType;
  /** Where the value comes from, as the README's field table shows it. */
  readonly source: string;
}

export const SCHEMA_V1 = {
  _timestamp: {
    type: 'integer',
    source:
      'Event time in µs since the epoch: `detail.eventTime`, else the envelope `time`, else the arrival time; moved to the processing time for late or far-future events (see `restamped`)',
  },
  event_time: { type: 'string', source: '`detail.eventTime` as given (ISO-8601), else the envelope `time`' },
  schema_version: { type: 'integer', source: '`1`' },
  event_id: { type: 'string', source: '`detail.eventID` (the de-duplication key), else the envelope `id`' },
  event_name: { type: 'string', source: '`detail.eventName`; for other events the envelope `detail-type`' },
  event_source: { type: 'string', source: '`detail.eventSource`; for other events the envelope `source`' },
  event_type: { type: 'string', source: '`detail.eventType` (`AwsApiCall`, `AwsServiceEvent`)' },
  category: {
    type: 'string',
    source:
      '`sign_in`, `sign_up`, `password`, `mfa`, `token`, `sign_out`, `user_admin`, `pool_admin`, `identity_pool`, `other`',
  },
  outcome: { type: 'string', source: '`success`, `failure` or `unknown`' },
  error_code: { type: 'string', source: '`detail.errorCode`' },
  error_message: { type: 'string', source: '`detail.errorMessage`' },
  http_status: { type: 'integer', source: 'hosted UI `additionalEventData.responseParameters.status` (`200.0` → 200)' },
  aws_account_id: { type: 'string', source: '`detail.recipientAccountId`, else the envelope `account`' },
  aws_region: { type: 'string', source: '`detail.awsRegion`, else the envelope `region`' },
  user_pool_id: {
    type: 'string',
    source: '`requestParameters.userPoolId`, `additionalEventData.userPoolId`, or the user-pool resource ARN',
  },
  user_pool_domain: { type: 'string', source: 'hosted UI `additionalEventData.userPoolDomain`' },
  client_id: { type: 'string', source: '`requestParameters.clientId`, hosted UI `client_id[0]`' },
  identity_pool_id: { type: 'string', source: 'identity pools: `requestParameters.identityPoolId`' },
  identity_id: { type: 'string', source: 'identity pools: `requestParameters.identityId` or `responseElements.identityId`' },
  user_sub: { type: 'string', source: '`additionalEventData.sub`' },
  username: {
    type: 'string',
    source: '`requestParameters.username` when not hidden; kept, hashed or dropped by `USERNAME_MODE`',
  },
  auth_flow: { type: 'string', source: '`requestParameters.authFlow`' },
  challenge_name: { type: 'string', source: '`challengeName` of the request, else of the response' },
  source_ip: { type: 'string', source: '`detail.sourceIPAddress`, kept or truncated by `SOURCE_IP_MODE`' },
  user_agent: { type: 'string', source: '`detail.userAgent`' },
  principal_type: { type: 'string', source: '`userIdentity.type` (admin calls: `AssumedRole`, `IAMUser`…)' },
  principal_arn: { type: 'string', source: '`userIdentity.arn`' },
  request_id: { type: 'string', source: '`detail.requestID`' },
  read_only: { type: 'boolean', source: '`detail.readOnly`' },
  tls_version: { type: 'string', source: '`detail.tlsDetails.tlsVersion`' },
  request_parameters: { type: 'json', source: '`detail.requestParameters` as JSON text (`PAYLOAD_MODE`)' },
  response_elements: { type: 'json', source: '`detail.responseElements` as JSON text (`PAYLOAD_MODE`)' },
  additional_event_data: { type: 'json', source: '`detail.additionalEventData` as JSON text (`PAYLOAD_MODE`)' },
  detail: { type: 'json', source: 'other (non-CloudTrail) events: the envelope `detail` as JSON text (`PAYLOAD_MODE`)' },
  restamped: { type: 'boolean', source: '`true` only when `_timestamp` was moved to the processing time (late or far-future events)' },
} as const satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof SCHEMA_V1;

/** Field names in output order. */
export const FIELD_NAMES = Object.keys(SCHEMA_V1) as FieldName[];

/** Fields that hold a nested CloudTrail blob: JSON text by default, an object with `PAYLOAD_MODE=nested`. */
export const PAYLOAD_FIELDS = ['request_parameters', 'response_elements', 'additional_event_data', 'detail'] as const;
export type PayloadField = (typeof PAYLOAD_FIELDS)[number];

export const CATEGORIES = [
  'sign_in',
  'sign_up',
  'password',
  'mfa',
  'token',
  'sign_out',
  'user_admin',
  'pool_admin',
  'identity_pool',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const OUTCOMES = ['success', 'failure', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

type ValueOf<T extends FieldType> = T extends 'string'
  ? string
  : T extends 'integer'
    ? number
    : T extends 'boolean'
      ? boolean
      : string | Record<string, unknown>; // json: text, or the object itself with PAYLOAD_MODE=nested

/**
 * One normalised record. Every field is optional (absent rather than null or empty) except the few
 * every record carries.
 */
export type NormalisedRecord = {
  -readonly [K in FieldName]?: ValueOf<(typeof SCHEMA_V1)[K]['type']>;
} & {
  _timestamp: number;
  schema_version: typeof SCHEMA_VERSION;
  category: Category;
  outcome: Outcome;
  restamped?: true;
};
