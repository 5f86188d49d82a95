/**
 * Any other EventBridge event (a wider rule, or a CloudTrail event without a usable `detail`): the envelope
 * fields mapped, `detail` kept as JSON text, category `other`, outcome `unknown`
 * (docs/reference/design.md#other-input). And a JSON object of no shape the transform knows: kept whole in
 * `detail`, so that nothing the stream receives (a log format AWS changes, an event someone else puts) is
 * lost or fails its record.
 */
import type { TransformConfig } from './config';
import { parseIsoMicros, placeInIngestWindow } from './event-time';
import { textValue, type JsonObject } from './field-values';
import { payloadField } from './payload';
import { recordLine } from './record-line';
import { SCHEMA_VERSION, type NormalisedRecord } from './schema';
import type { TransformOutcome } from './types';
import { usernameScrubber } from './username';

/**
 * Normalises an EventBridge event by its envelope: `id`, `detail-type`, `source`, `account`, `region`, `time`.
 * `plainStrings`: see `normaliseEvent`.
 */
export function normaliseOtherEvent(
  envelope: JsonObject,
  arrivalMs: number,
  config: TransformConfig,
  nowMs: number,
  plainStrings = false,
): TransformOutcome {
  const eventName = textValue(envelope['detail-type']);
  if (eventName !== undefined && config.excludeEventNames.matches(eventName)) {
    return { kind: 'dropped', reason: 'event name is in EXCLUDE_EVENT_NAMES' };
  }
  const placed = placeInIngestWindow(parseIsoMicros(envelope.time) ?? Math.trunc(arrivalMs) * 1000, nowMs, config);
  const record: NormalisedRecord = {
    _timestamp: placed.timestamp,
    event_time: textValue(envelope.time),
    schema_version: SCHEMA_VERSION,
    event_id: textValue(envelope.id),
    event_name: eventName,
    event_source: textValue(envelope.source),
    category: 'other',
    outcome: 'unknown',
    aws_account_id: textValue(envelope.account),
    aws_region: textValue(envelope.region),
    detail: payloadField(envelope.detail, config.payloadMode, usernameScrubber(config.usernameMode, undefined)),
    restamped: placed.restamped ? true : undefined,
  };
  return { kind: 'ok', line: recordLine(record, plainStrings), record, restamped: placed.restamped };
}

/**
 * Normalises a JSON object of no known shape: arrival time, category `other`, outcome `unknown`, the object
 * itself in `detail`. `plainStrings`: see `normaliseEvent`.
 */
export function normaliseUnrecognised(input: JsonObject, arrivalMs: number, config: TransformConfig, nowMs: number, plainStrings = false): TransformOutcome {
  const placed = placeInIngestWindow(Math.trunc(arrivalMs) * 1000, nowMs, config);
  const record: NormalisedRecord = {
    _timestamp: placed.timestamp,
    schema_version: SCHEMA_VERSION,
    category: 'other',
    outcome: 'unknown',
    detail: payloadField(input, config.payloadMode, usernameScrubber(config.usernameMode, undefined)),
    restamped: placed.restamped ? true : undefined,
  };
  return { kind: 'ok', line: recordLine(record, plainStrings), record, restamped: placed.restamped };
}
