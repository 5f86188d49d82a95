/**
 * Named limits of the transform, each with its unit and its source.
 */

/** One Firehose record is at most 1,000 KiB before base64 (docs/reference/aws-contracts.md#firehose-record-transformation). */
export const MAX_RECORD_BYTES = 1000 * 1024;

/**
 * The Lambda response is at most 6 MB, base64 data included
 * (docs/reference/aws-contracts.md#firehose-record-transformation). Counted as the bytes of the serialised
 * JSON response; 6,000,000 rather than 6 MiB leaves room for the runtime's own framing.
 */
export const MAX_RESPONSE_BYTES = 6_000_000;

/**
 * Default age in seconds past which `_timestamp` is moved to now: 4 h 30 min, half an hour inside
 * OpenObserve's default ingest window `ZO_INGEST_ALLOWED_UPTO` of 5 h
 * (docs/reference/openobserve-firehose-ingestion.md#time), so that Firehose buffering and delivery retries
 * cannot push a restamped record out of it.
 */
export const LATE_EVENT_SECONDS_DEFAULT = 16_200;

/**
 * Seconds ahead of now past which `_timestamp` is moved to now: OpenObserve drops records newer than
 * now + 24 h (docs/reference/openobserve-firehose-ingestion.md#time); one hour less absorbs clock skew between the two.
 */
export const FUTURE_EVENT_SECONDS = 23 * 3600;

/** The placeholders Cognito writes instead of private values (docs/reference/aws-contracts.md#what-cognito-puts-in-cloudtrail): never a field value. */
export const HIDDEN_DUE_TO_SECURITY_REASONS = 'HIDDEN_DUE_TO_SECURITY_REASONS';
/** The spelling of the Cognito guide's prose; treated the same. */
export const HIDDEN_FOR_SECURITY_REASONS = 'HIDDEN_FOR_SECURITY_REASONS';

/** EventBridge `detail-type`s whose `detail` is a CloudTrail record end with this (docs/reference/aws-contracts.md#eventbridge-and-cloudtrail). */
export const CLOUDTRAIL_DETAIL_TYPE_SUFFIX = ' via CloudTrail';

export const COGNITO_IDP_EVENT_SOURCE = 'cognito-idp.amazonaws.com';
export const COGNITO_IDENTITY_EVENT_SOURCE = 'cognito-identity.amazonaws.com';
export const COGNITO_IDP_SOURCE = 'aws.cognito-idp';
export const COGNITO_IDENTITY_SOURCE = 'aws.cognito-identity';

/**
 * JSON values (events) one record may hold. A Cognito user activity event is about 1 KB, so a record of
 * `MAX_RECORD_BYTES` holds about a thousand; five times that leaves room for small events and stops a
 * record of a million `{}` from costing a million records' work.
 */
export const MAX_EVENTS_PER_RECORD = 5000;
