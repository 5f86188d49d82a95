/**
 * One parsed event → its normalised record line, `Dropped`, or a reason to fail it. Knows four shapes:
 * EventBridge events (CloudTrail-based or any other), bare CloudTrail records (from CloudTrail log files),
 * Cognito user-pool log events (threat protection's user activity), and records already normalised
 * (redrive); any other JSON object is kept whole as an `other` record. Pure: config and clock are arguments.
 */
import { normaliseCloudTrail } from './cloudtrail-record';
import type { TransformConfig } from './config';
import { CLOUDTRAIL_DETAIL_TYPE_SUFFIX } from './constants';
import { asObject } from './field-values';
import { passThroughNormalised } from './normalised-record';
import { normaliseOtherEvent, normaliseUnrecognised } from './other-event';
import type { BatchContext, TransformOutcome } from './types';
import { isUserPoolLogEvent, normaliseUserPoolLog } from './user-activity-record';

const NO_CONTEXT: BatchContext = Object.freeze({});

/**
 * Normalises one event. `arrivalMs` (the record's Firehose arrival time, ms) is the event time of last resort;
 * `nowMs` drives the late-event rule. `plainStrings`: every string in `event` is its own JSON text between quotes
 * (decodeRecordData's `plainStrings`), so the line can skip checking them. `context`: what the batch says
 * about every record (the stream's account). Never throws for any JSON value; fails only values that are no
 * JSON object and records of another schema version.
 * @example normaliseEvent(JSON.parse(eventBridgeJson), 1741944414123, DEFAULT_TRANSFORM_CONFIG, Date.now())
 * // { kind: 'ok', line: '{\t"_timestamp":1741944413000000,…}\n', record: {…}, restamped: false }
 */
export function normaliseEvent(
  event: unknown,
  arrivalMs: number,
  config: TransformConfig,
  nowMs: number,
  plainStrings = false,
  context: BatchContext = NO_CONTEXT,
): TransformOutcome {
  const input = asObject(event);
  if (input === undefined) return { kind: 'failed', reason: 'record is not a JSON object' };
  const arrival = Number.isFinite(arrivalMs) && arrivalMs > 0 ? arrivalMs : nowMs;
  if (input.schema_version !== undefined) return passThroughNormalised(input, arrival, config, nowMs, plainStrings);
  const detailType = input['detail-type'];
  if (typeof detailType === 'string' || (typeof input.source === 'string' && input.detail !== undefined)) {
    const detail = asObject(input.detail);
    if (detail !== undefined && typeof detailType === 'string' && detailType.endsWith(CLOUDTRAIL_DETAIL_TYPE_SUFFIX)) {
      return normaliseCloudTrail(detail, input, arrival, config, nowMs, plainStrings);
    }
    return normaliseOtherEvent(input, arrival, config, nowMs, plainStrings);
  }
  if (typeof input.eventName === 'string' && typeof input.eventSource === 'string') {
    return normaliseCloudTrail(input, undefined, arrival, config, nowMs, plainStrings);
  }
  if (isUserPoolLogEvent(input)) return normaliseUserPoolLog(input, arrival, config, nowMs, plainStrings, context);
  return normaliseUnrecognised(input, arrival, config, nowMs, plainStrings);
}
