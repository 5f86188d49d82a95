/**
 * One parsed event → its normalised record line, `Dropped`, or a reason to fail it. Knows three shapes:
 * EventBridge events (CloudTrail-based or any other), bare CloudTrail records (from CloudTrail log files),
 * and records already normalised (redrive). Pure: config and clock are arguments.
 */
import { normaliseCloudTrail } from './cloudtrail-record';
import type { TransformConfig } from './config';
import { CLOUDTRAIL_DETAIL_TYPE_SUFFIX } from './constants';
import { asObject } from './field-values';
import { passThroughNormalised } from './normalised-record';
import { normaliseOtherEvent } from './other-event';
import type { TransformOutcome } from './types';

/**
 * Normalises one event. `arrivalMs` (the record's Firehose arrival time, ms) is the event time of last resort;
 * `nowMs` drives the late-event rule. `plainStrings`: every string in `event` is its own JSON text between quotes
 * (decodeRecordData's `plainStrings`), so the line can skip checking them. Never throws for any JSON value.
 * @example normaliseEvent(JSON.parse(eventBridgeJson), 1741944414123, DEFAULT_TRANSFORM_CONFIG, Date.now())
 * // { kind: 'ok', line: '{\t"_timestamp":1741944413000000,…}\n', record: {…}, restamped: false }
 */
export function normaliseEvent(event: unknown, arrivalMs: number, config: TransformConfig, nowMs: number, plainStrings = false): TransformOutcome {
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
  return { kind: 'failed', reason: 'record is not an EventBridge event, a CloudTrail record or a normalised record' };
}
