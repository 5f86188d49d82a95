/**
 * One Firehose record through OpenObserve's per-record rules (docs/reference/openobserve-firehose-ingestion.md: #per-record-parsing,
 * #time, #field-names-and-types): base64, gunzip, the protobuf sniff, UTF-8, lines, one JSON value
 * per line, objects only, flattening, key names, reserved keys, `_timestamp` and its window.
 */
import { gunzipSync } from 'node:zlib';
import { flattenObject, type FlatValue } from './flatten';
import { sniffOtlpMetrics } from './otlp-sniff';
import { JsonFloat, parseSerdeJson, type SerdeValue } from './serde-json';
import { parseTimestampMicros } from './timestamp';

/** `ZO_INGEST_ALLOWED_UPTO` default: records older than now − 5 h are dropped. */
export const INGEST_ALLOWED_UPTO_MS_DEFAULT = 5 * 3600 * 1000;
/** Records newer than now + 24 h are dropped (`ZO_INGEST_ALLOWED_IN_FUTURE`). */
export const INGEST_ALLOWED_IN_FUTURE_MS = 24 * 3600 * 1000;
/** Keys OpenObserve reserves; `_id` with a non-string value panics the request. */
export const RESERVED_KEYS = ['_id', '_o2_id', '_original', '_all_values', '_all', '_o2_ingest_ts'] as const;
const CLOUDWATCH_LOGS_KEYS = ['messageType', 'owner', 'logGroup', 'logStream', 'subscriptionFilters', 'logEvents'];
const METRIC_STREAM_KEYS = ['metric_stream_name', 'account_id', 'region', 'namespace', 'metric_name', 'dimensions', 'timestamp', 'value'];

export type Row = Record<string, unknown>;
/** Column types as OpenObserve infers them from JSON (Int64, Float64, Utf8, Boolean). */
export type ColumnType = 'int' | 'float' | 'string' | 'bool';
export type RowTypes = Record<string, ColumnType>;

export type RecordVerdict =
  /** At least one row stored; `droppedLines` lists lines of the same record that were dropped. */
  | { kind: 'stored'; rows: Row[]; types: RowTypes[]; droppedLines: string[] }
  /** Nothing stored, HTTP 200: no trace anywhere. */
  | { kind: 'dropped'; reason: string }
  /** The whole request (every record of the batch) fails with 400. */
  | { kind: 'request-failed'; reason: string }
  /** Taken for OTLP metrics protobuf: the JSON is lost. */
  | { kind: 'protobuf'; reason: string };

export interface RecordOptions {
  /** OpenObserve's clock, ms since the epoch. */
  readonly nowMs: number;
  /** `ZO_INGEST_ALLOWED_UPTO` in ms; default 5 h. */
  readonly allowedUptoMs?: number;
}

const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A record's `data` field as sent (standard padded base64, canonical), then {@link parseFirehoseRecord}. */
export function parseFirehoseBase64(data: string, opts: RecordOptions): RecordVerdict {
  const bytes = Buffer.from(data, 'base64');
  if (!STANDARD_BASE64.test(data) || bytes.toString('base64') !== data) {
    return { kind: 'request-failed', reason: 'base64 decode error' };
  }
  return parseFirehoseRecord(bytes, opts);
}

/** The decoded bytes of one record → what OpenObserve stores, drops or fails on. */
export function parseFirehoseRecord(data: Buffer, opts: RecordOptions): RecordVerdict {
  const bytes = gunzipOrRaw(data);
  const sniff = sniffOtlpMetrics(bytes);
  if (sniff.protobuf) return { kind: 'protobuf', reason: 'decodes as an OTLP ExportMetricsServiceRequest' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { kind: 'request-failed', reason: 'record is not valid UTF-8' };
  }
  const rows: Row[] = [];
  const types: RowTypes[] = [];
  const droppedLines: string[] = [];
  const lines = splitLines(text);
  for (const [index, line] of lines.entries()) {
    const parsed = parseSerdeJson(line);
    if (!parsed.ok) return { kind: 'request-failed', reason: `line ${index + 1} is not one JSON value: ${parsed.reason}` };
    const verdict = storeLine(parsed.value, opts);
    if ('reason' in verdict) {
      if (verdict.failsRequest) return { kind: 'request-failed', reason: `line ${index + 1}: ${verdict.reason}` };
      droppedLines.push(`line ${index + 1}: ${verdict.reason}`);
      continue;
    }
    rows.push(verdict.row);
    types.push(verdict.types);
  }
  if (rows.length === 0) return { kind: 'dropped', reason: droppedLines.join('; ') || 'record has no lines' };
  return { kind: 'stored', rows, types, droppedLines };
}

function gunzipOrRaw(data: Buffer): Buffer {
  if (data.length < 2 || data[0] !== 0x1f || data[1] !== 0x8b) return data;
  try {
    return gunzipSync(data);
  } catch {
    return data;
  }
}

/** Rust's `str::lines`: split on `\n`, strip one `\r` before it, no empty last line after a final `\n`. */
function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((p, i) => (i < parts.length - 1 || text.endsWith('\n')) && p.endsWith('\r') ? p.slice(0, -1) : p);
}

type LineResult = { row: Row; types: RowTypes } | { reason: string; failsRequest: boolean };

function storeLine(value: SerdeValue, opts: RecordOptions): LineResult {
  if (!(value instanceof Map)) return { reason: `line is a JSON ${jsonKind(value)}, not an object`, failsRequest: false };
  if (CLOUDWATCH_LOGS_KEYS.every((k) => value.has(k))) {
    return { reason: 'line is a CloudWatch Logs envelope: exploded into its log events, not stored as sent', failsRequest: false };
  }
  if (METRIC_STREAM_KEYS.every((k) => value.has(k))) {
    return { reason: 'line is a metric-stream record: reshaped, not stored as sent', failsRequest: false };
  }
  const flat = flattenObject(value);
  const id = flat.get('_id');
  if (id !== undefined && id !== null && typeof id !== 'string') {
    return { reason: 'key _id holds a non-string value (the server panics)', failsRequest: true };
  }
  const reserved = RESERVED_KEYS.find((k) => flat.has(k));
  if (reserved !== undefined) return { reason: `key ${reserved} is reserved`, failsRequest: false };
  const nowMs = opts.nowMs;
  const raw = flat.get('_timestamp');
  let micros = nowMs * 1000;
  if (raw !== undefined && raw !== null) {
    const ts = parseTimestampMicros(raw, nowMs);
    if (!ts.ok) return { reason: `_timestamp: ${ts.reason}`, failsRequest: false };
    micros = ts.micros;
  }
  const minMicros = (nowMs - (opts.allowedUptoMs ?? INGEST_ALLOWED_UPTO_MS_DEFAULT)) * 1000;
  const maxMicros = (nowMs + INGEST_ALLOWED_IN_FUTURE_MS) * 1000;
  if (micros < minMicros) return { reason: '_timestamp is older than the ingest window', failsRequest: false };
  if (micros > maxMicros) return { reason: '_timestamp is more than 24 h in the future', failsRequest: false };
  flat.set('_timestamp', micros);
  const entries: [string, unknown][] = [];
  const types: RowTypes = {};
  for (const [key, v] of flat) {
    if (v === null) continue;
    entries.push([key, v instanceof JsonFloat ? v.value : v]);
    Object.defineProperty(types, key, { value: columnTypeOf(v), enumerable: true, writable: true, configurable: true });
  }
  // Object.fromEntries defines own properties, so a key such as `__proto__` stays data.
  return { row: Object.fromEntries(entries), types };
}

function columnTypeOf(v: Exclude<FlatValue, null>): ColumnType {
  if (v instanceof JsonFloat) return 'float';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'boolean') return 'bool';
  return 'string';
}

/** The JSON kind of a value, for messages. */
export function jsonKind(v: SerdeValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof JsonFloat) return 'number';
  return typeof v;
}
