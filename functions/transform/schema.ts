/**
 * The normalised record, schema version 1: the one definition of every field the transform writes.
 * The record type, the OpenObserve-rules test helper, the security pack's query checks and the field
 * table of docs/schema.md all derive from this table; changing a name or a type here is a breaking change for
 * every dashboard built on the stream (bump `SCHEMA_VERSION` and say so in CHANGELOG.md). Adding a field or
 * a category is not: `schema_version` stays 1. Where each field comes from is in schema-prose.ts, which
 * the transform never loads.
 *
 * Field order is output order: `_timestamp` comes first so every line starts `{\t"_timestamp":`.
 * OpenObserve stores keys lowercased with `[^a-z0-9_]` → `_` (OpenObserve `src/config/src/utils/flatten.rs`),
 * so every name here is already in that form and no two can collide.
 */

export const SCHEMA_VERSION = 1 as const;

/** Column types as OpenObserve stores them; `json` is a string holding JSON text (see `PAYLOAD_MODE`). */
export const FIELD_TYPES = ['string', 'integer', 'boolean', 'json'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldSpec {
  readonly type: FieldType;
}

export const SCHEMA_V1 = {
  _timestamp: { type: 'integer' },
  event_time: { type: 'string' },
  schema_version: { type: 'integer' },
  event_id: { type: 'string' },
  event_name: { type: 'string' },
  event_source: { type: 'string' },
  event_type: { type: 'string' },
  category: { type: 'string' },
  outcome: { type: 'string' },
  error_code: { type: 'string' },
  error_message: { type: 'string' },
  http_status: { type: 'integer' },
  aws_account_id: { type: 'string' },
  aws_region: { type: 'string' },
  user_pool_id: { type: 'string' },
  user_pool_domain: { type: 'string' },
  client_id: { type: 'string' },
  identity_pool_id: { type: 'string' },
  identity_id: { type: 'string' },
  user_sub: { type: 'string' },
  username: { type: 'string' },
  auth_flow: { type: 'string' },
  challenge_name: { type: 'string' },
  grant_type: { type: 'string' },
  identity_provider: { type: 'string' },
  source_ip: { type: 'string' },
  user_agent: { type: 'string' },
  device_name: { type: 'string' },
  city: { type: 'string' },
  country: { type: 'string' },
  principal_type: { type: 'string' },
  principal_arn: { type: 'string' },
  request_id: { type: 'string' },
  read_only: { type: 'boolean' },
  tls_version: { type: 'string' },
  risk_level: { type: 'string' },
  risk_decision: { type: 'string' },
  compromised_credentials: { type: 'boolean' },
  challenges: { type: 'json' },
  event_feedback: { type: 'string' },
  has_context_data: { type: 'boolean' },
  request_parameters: { type: 'json' },
  response_elements: { type: 'json' },
  additional_event_data: { type: 'json' },
  detail: { type: 'json' },
  restamped: { type: 'boolean' },
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
  'account',
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
