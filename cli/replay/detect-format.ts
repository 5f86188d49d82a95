/**
 * Tells the input formats apart by their content, never by file name, and turns each into replay items:
 * - an EventBridge event (`detail-type`, `source`, `detail`);
 * - a CloudTrail log file `{"Records":[…]}` (each record wrapped as EventBridge would) or a bare record;
 * - a Firehose transformation event `{invocationId, records:[{recordId, data}]}` (data = what was put);
 * - a Firehose S3 backup record `{rawData, errorCode, attemptsMade…}`: from `processing-failed/` rawData is
 *   the original event, from `http-endpoint-failed/` it is the already normalised record
 *   (docs/reference/aws-contracts.md#backup-objects-and-prefixes);
 * - a normalised record (`schema_version` present);
 * - a Cognito user-pool log event (`eventSource`, `message`, `eventTimestamp`: user activity logs), alone
 *   or several in a Firehose record.
 */
import { decodeRecordData } from '../../functions/transform/decode-record';
import { wrapCloudTrailRecord } from './cloudtrail-envelope';
import type { JsonValueText } from './json-values';
import type { ReplayItem } from './types';

export const INPUT_FORMATS = [
  'eventbridge-event',
  'cloudtrail-log',
  'cloudtrail-record',
  'firehose-transformation-event',
  'firehose-backup-record',
  'normalised-record',
  'user-pool-log',
] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The format of one parsed JSON value, or undefined when it is none of those this command reads. */
export function detectFormat(value: unknown): InputFormat | undefined {
  if (!isObject(value)) return undefined;
  if ('schema_version' in value && '_timestamp' in value) return 'normalised-record';
  if (typeof value['detail-type'] === 'string' && typeof value.source === 'string' && 'detail' in value) return 'eventbridge-event';
  if (Array.isArray(value.Records)) return 'cloudtrail-log';
  if (Array.isArray(value.records) && typeof value.invocationId === 'string') return 'firehose-transformation-event';
  if (typeof value.rawData === 'string' && ('attemptsMade' in value || 'errorCode' in value)) return 'firehose-backup-record';
  if (typeof value.eventSource === 'string' && typeof value.eventTime === 'string' && 'eventVersion' in value) return 'cloudtrail-record';
  if (typeof value.eventSource === 'string' && 'message' in value && ('eventTimestamp' in value || 'logSourceId' in value)) return 'user-pool-log';
  return undefined;
}

/** A record put into Firehose (transformation `data`, backup `rawData`): its events, or a normalised record. */
function* fromFirehoseData(base64: unknown, location: string): Generator<ReplayItem> {
  if (typeof base64 !== 'string') {
    yield { kind: 'unreadable', reason: 'Firehose record without data', location };
    return;
  }
  const decoded = decodeRecordData(base64);
  if (!decoded.ok) {
    yield { kind: 'unreadable', reason: decoded.reason, location };
    return;
  }
  if (decoded.values === undefined) {
    yield fromFirehoseValue(decoded.value, location, () => Buffer.from(base64, 'base64').toString('utf8'));
    return;
  }
  // Log delivery may put several events in one record (and the transform then writes several lines): each
  // is an item of its own.
  for (let i = 0; i < decoded.values.length; i++) {
    const value = decoded.values[i];
    yield fromFirehoseValue(value, `${location} event ${i + 1}`, () => JSON.stringify(value));
  }
}

function fromFirehoseValue(value: unknown, location: string, rawText: () => string): ReplayItem {
  switch (detectFormat(value)) {
    case 'normalised-record':
      return { kind: 'normalised', record: value as JsonObject, raw: rawText(), location };
    case 'eventbridge-event':
      return { kind: 'event', event: value as JsonObject, location };
    case 'cloudtrail-record': {
      const wrapped = wrapCloudTrailRecord(value as JsonObject);
      return wrapped.ok ? { kind: 'event', event: wrapped.event, location } : { kind: 'unreadable', reason: wrapped.reason, location };
    }
    case 'user-pool-log':
      return { kind: 'log', event: value as JsonObject, location };
    default:
      return { kind: 'unreadable', reason: 'record is neither an EventBridge event nor a normalised record', location };
  }
}

function* cloudTrailRecords(records: readonly unknown[], location: string): Generator<ReplayItem> {
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const here = `${location} Records[${i}]`;
    if (!isObject(record)) {
      yield { kind: 'unreadable', reason: 'CloudTrail record is not an object', location: here };
      continue;
    }
    const wrapped = wrapCloudTrailRecord(record);
    yield wrapped.ok ? { kind: 'event', event: wrapped.event, location: here } : { kind: 'unreadable', reason: wrapped.reason, location: here };
  }
}

/** Where a value is, for the summary: `file:12`, `file:1#37` for the 37th value of a line, `file:3–9`. */
export function valueLocation(name: string, value: JsonValueText): string {
  if (value.kind !== 'value' && value.lines > 1) return `${name}:${value.line}–${value.line + value.lines - 1}`;
  return value.kind !== 'truncated' && value.shared ? `${name}:${value.line}#${value.ordinal}` : `${name}:${value.line}`;
}

/** Why a value was skipped; reasons never quote content, so the summary can group them. */
export const NOT_JSON = 'not JSON';
export const INCOMPLETE_JSON = 'incomplete JSON (reading went on at the next line)';

/**
 * The replay items of one top-level JSON value of object `name`. Never throws: what cannot be read is an
 * `unreadable` item naming where it was and why (never the content).
 */
export function* itemsOfValue(value: Exclude<JsonValueText, { kind: 'truncated' }>, name: string): Generator<ReplayItem> {
  const location = valueLocation(name, value);
  if (value.kind === 'broken') {
    yield { kind: 'unreadable', reason: INCOMPLETE_JSON, location };
    return;
  }
  let parsed: unknown;
  try {
    if (!value.structured) throw new SyntaxError(NOT_JSON);
    parsed = JSON.parse(value.text);
  } catch {
    // The parser's message quotes the content: never pass it on.
    yield { kind: 'unreadable', reason: NOT_JSON, location };
    return;
  }
  switch (detectFormat(parsed)) {
    case 'eventbridge-event':
      yield { kind: 'event', event: parsed as JsonObject, location };
      return;
    case 'normalised-record':
      yield { kind: 'normalised', record: parsed as JsonObject, raw: value.text, location };
      return;
    case 'user-pool-log':
      yield { kind: 'log', event: parsed as JsonObject, location };
      return;
    case 'cloudtrail-log':
      yield* cloudTrailRecords((parsed as { Records: unknown[] }).Records, location);
      return;
    case 'cloudtrail-record': {
      const wrapped = wrapCloudTrailRecord(parsed as JsonObject);
      yield wrapped.ok ? { kind: 'event', event: wrapped.event, location } : { kind: 'unreadable', reason: wrapped.reason, location };
      return;
    }
    case 'firehose-transformation-event': {
      const records = (parsed as { records: unknown[] }).records;
      for (let i = 0; i < records.length; i++) {
        const record = records[i];
        yield* fromFirehoseData(isObject(record) ? record.data : undefined, `${location} records[${i}]`);
      }
      return;
    }
    case 'firehose-backup-record':
      yield* fromFirehoseData((parsed as JsonObject).rawData, location);
      return;
    default:
      yield { kind: 'unreadable', reason: 'JSON that is not an event this command reads', location };
  }
}
