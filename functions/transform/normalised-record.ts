/**
 * A record that is already normalised (it has `schema_version`), e.g. a Firehose backup redriven through the
 * stream: passed through unchanged except for the late-event rule, so redrive is idempotent. Each schema v1
 * field is re-read with its type; anything else (unknown keys, wrong types, empty values) is left out, which
 * never changes a record this transform wrote.
 */
import type { TransformConfig } from './config';
import { integerTimestampMicros, parseIsoMicros, placeInIngestWindow } from './event-time';
import { booleanValue, textValue, type JsonObject } from './field-values';
import { withoutLoneSurrogates } from './json-text';
import { payloadField } from './payload';
import { recordLine } from './record-line';
import { CATEGORIES, OUTCOMES, SCHEMA_VERSION, type Category, type NormalisedRecord, type Outcome } from './schema';
import type { TransformOutcome } from './types';

const JSON_MODE: Pick<TransformConfig, 'payloadMode'> = { payloadMode: 'json' };

function integerValue(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}

function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

/**
 * Re-emits a normalised record; fails it when its `schema_version` is not one this transform writes.
 * `plainStrings`: see `normaliseEvent`.
 */
export function passThroughNormalised(
  input: JsonObject,
  arrivalMs: number,
  config: TransformConfig,
  nowMs: number,
  plainStrings = false,
): TransformOutcome {
  if (input.schema_version !== SCHEMA_VERSION) {
    return { kind: 'failed', reason: `record has a schema_version other than ${SCHEMA_VERSION}` };
  }
  const eventName = textValue(input.event_name);
  if (eventName !== undefined && config.excludeEventNames.matches(eventName)) {
    return { kind: 'dropped', reason: 'event name is in EXCLUDE_EVENT_NAMES' };
  }
  const timestampUs =
    integerTimestampMicros(input._timestamp) ?? parseIsoMicros(input.event_time) ?? Math.trunc(arrivalMs) * 1000;
  const placed = placeInIngestWindow(timestampUs, nowMs, config);
  const restamped = placed.restamped || input.restamped === true;
  const record: NormalisedRecord = {
    _timestamp: placed.timestamp,
    event_time: textValue(input.event_time),
    schema_version: SCHEMA_VERSION,
    event_id: textValue(input.event_id),
    event_name: eventName,
    event_source: textValue(input.event_source),
    event_type: textValue(input.event_type),
    category: isCategory(input.category) ? input.category : 'other',
    outcome: isOutcome(input.outcome) ? input.outcome : 'unknown',
    error_code: textValue(input.error_code),
    error_message: textValue(input.error_message),
    http_status: integerValue(input.http_status),
    aws_account_id: textValue(input.aws_account_id),
    aws_region: textValue(input.aws_region),
    user_pool_id: textValue(input.user_pool_id),
    user_pool_domain: textValue(input.user_pool_domain),
    client_id: textValue(input.client_id),
    identity_pool_id: textValue(input.identity_pool_id),
    identity_id: textValue(input.identity_id),
    user_sub: textValue(input.user_sub),
    username: textValue(input.username),
    auth_flow: textValue(input.auth_flow),
    challenge_name: textValue(input.challenge_name),
    grant_type: textValue(input.grant_type),
    identity_provider: textValue(input.identity_provider),
    source_ip: textValue(input.source_ip),
    user_agent: textValue(input.user_agent),
    device_name: textValue(input.device_name),
    city: textValue(input.city),
    country: textValue(input.country),
    principal_type: textValue(input.principal_type),
    principal_arn: textValue(input.principal_arn),
    request_id: textValue(input.request_id),
    read_only: booleanValue(input.read_only),
    tls_version: textValue(input.tls_version),
    risk_level: textValue(input.risk_level),
    risk_decision: textValue(input.risk_decision),
    compromised_credentials: booleanValue(input.compromised_credentials),
    challenges: passThroughJsonText(input.challenges),
    event_feedback: textValue(input.event_feedback),
    has_context_data: booleanValue(input.has_context_data),
    // JSON text stays as it is; an object (written with PAYLOAD_MODE=nested) follows the current mode.
    request_parameters: passThroughPayload(input.request_parameters, config),
    response_elements: passThroughPayload(input.response_elements, config),
    additional_event_data: passThroughPayload(input.additional_event_data, config),
    detail: passThroughPayload(input.detail, config),
    restamped: restamped ? true : undefined,
  };
  return { kind: 'ok', line: recordLine(record, plainStrings), record, restamped: placed.restamped };
}

/** `challenges`: JSON text whatever PAYLOAD_MODE says (it is a field, not a payload), re-serialised like a payload. */
function passThroughJsonText(value: unknown): string | undefined {
  const text = passThroughPayload(value, JSON_MODE);
  return typeof text === 'string' ? text : undefined;
}

/**
 * JSON text is re-serialised (the identical text for anything JSON.stringify wrote, so redrive stays
 * idempotent); a string that is not JSON becomes the JSON text of that string, so the field always parses.
 */
function passThroughPayload(value: unknown, config: Pick<TransformConfig, 'payloadMode'>): string | JsonObject | undefined {
  if (config.payloadMode === 'drop') return undefined;
  const text = textValue(value);
  if (typeof value !== 'string' || text === undefined) return payloadField(value, config.payloadMode, undefined);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return withoutLoneSurrogates(JSON.stringify(text));
  }
  const again = payloadField(parsed, 'json', undefined);
  return typeof again === 'string' ? again : undefined;
}
