/**
 * One Firehose transformation batch → the response, its counts, and the failed records with reasons. Every
 * recordId comes back exactly once, in input order (a missing or repeated id fails the whole batch:
 * docs/reference/aws-contracts.md#firehose-record-transformation); one bad record is ProcessingFailed on its
 * own, never an exception; the response always fits Lambda's limit (see firehose-response.ts). Pure: config
 * and clock are arguments, nothing is logged.
 */
import type { FirehoseTransformationEvent } from 'aws-lambda';
import type { TransformConfig } from './config';
import { MAX_RESPONSE_BYTES } from './constants';
import { base64DecodedLength, type DecodedRecord, decodeRecordData } from './decode-record';
import { fallbackEntry, ResponseSizes } from './firehose-response';
import { normaliseIsolated } from './isolated-normalise';
import { normaliseEvents } from './record-events';
import { accountOfArn } from './resource-ids';
import { asciiToBase64, utf8ToBase64 } from './scratch-buffer';
import type { BatchContext, BatchSummary, RecordFailure, RecordOutcome, TransformedRecord, TransformResponse } from './types';

export interface ProcessedBatch {
  readonly response: TransformResponse;
  readonly summary: BatchSummary;
  /** Every ProcessingFailed record, in order, with its reason (never its content). */
  readonly failures: RecordFailure[];
}

/** What the batch keeps of one transformed record. */
interface Processed {
  /** The record's preferred response entry: Ok with its line, Dropped, or ProcessingFailed with its data. */
  readonly entry: TransformedRecord;
  /** The record's original base64 data, for the fallback. */
  readonly original: string;
  readonly reason: string | undefined;
  readonly restamped: boolean;
  /** Decoded bytes of the record's data. */
  readonly bytesIn: number;
  /** Bytes of the Ok line (0 otherwise). */
  readonly bytesOut: number;
}

type DecodedEvents = Extract<DecodedRecord, { ok: true }>;

const OVER_RESPONSE_LIMIT_REASON = `response would exceed ${MAX_RESPONSE_BYTES} bytes`;

/** The outcome of one record that decoded, whether it held one event or several. */
function transformDecoded(decoded: DecodedEvents, arrivalMs: number, config: TransformConfig, nowMs: number, context: BatchContext): RecordOutcome {
  // normaliseIsolated (normaliseEvents uses it for each event) fails the record, not the batch, on anything
  // normaliseEvent throws.
  const plainStrings = decoded.plainStrings === true;
  if (decoded.values !== undefined) return normaliseEvents(decoded.values, arrivalMs, config, nowMs, plainStrings, context);
  return normaliseIsolated(decoded.value, arrivalMs, config, nowMs, plainStrings, context);
}

function processRecord(record: unknown, config: TransformConfig, nowMs: number, context: BatchContext): Processed {
  const fields = typeof record === 'object' && record !== null ? (record as Partial<Record<string, unknown>>) : {}; // wire input, read defensively
  const recordId = typeof fields.recordId === 'string' ? fields.recordId : String(fields.recordId ?? '');
  const original = typeof fields.data === 'string' ? fields.data : '';
  const arrivalMs = typeof fields.approximateArrivalTimestamp === 'number' ? fields.approximateArrivalTimestamp : nowMs;
  // decodeRecordData returns its failures (its JSON.parse is guarded).
  const decoded = decodeRecordData(original);
  if (!decoded.ok) return failed(recordId, original, decoded.reason, base64DecodedLength(original));
  const outcome = transformDecoded(decoded, arrivalMs, config, nowMs, context);
  switch (outcome.kind) {
    case 'ok': {
      // ASCII strings in, ASCII line out: everything the transform writes of its own (names, numbers, hex
      // hashes) is ASCII too, and process-batch.property.test.ts checks the bytes.
      const ascii = decoded.asciiStrings === true;
      const data = ascii ? asciiToBase64(outcome.line) : utf8ToBase64(outcome.line);
      // Exact for our own base64: the line's UTF-8 bytes.
      const bytesOut = ascii ? outcome.line.length : base64DecodedLength(data);
      return { entry: { recordId, result: 'Ok', data }, original, reason: undefined, restamped: outcome.restamped, bytesIn: decoded.bytes, bytesOut };
    }
    case 'dropped':
      return { entry: { recordId, result: 'Dropped', data: original }, original, reason: undefined, restamped: false, bytesIn: decoded.bytes, bytesOut: 0 };
    default:
      return failed(recordId, original, outcome.reason, decoded.bytes);
  }
}

function failed(recordId: string, original: string, reason: string, bytesIn: number): Processed {
  return { entry: { recordId, result: 'ProcessingFailed', data: original }, original, reason, restamped: false, bytesIn, bytesOut: 0 };
}

/**
 * Transforms a batch.
 * @example processBatch(event, parseTransformConfig(process.env), Date.now()).response // { records: [{ recordId, result: 'Ok', data }, …] }
 */
export function processBatch(event: FirehoseTransformationEvent, config: TransformConfig, nowMs: number): ProcessedBatch {
  const input: readonly unknown[] = Array.isArray(event?.records) ? event.records : [];
  const awsAccountId = accountOfArn(event?.deliveryStreamArn);
  const context: BatchContext = awsAccountId === undefined ? {} : { awsAccountId };
  const count = input.length;
  const processed: Processed[] = new Array(count);
  const records: TransformedRecord[] = new Array(count);
  const sizes = new ResponseSizes(count);
  // Everything a record counts for is taken while the record is at hand (see firehose-response.ts).
  let ok = 0;
  let dropped = 0;
  let restamped = 0;
  let bytesIn = 0;
  let bytesOut = 0;
  const failedIndexes: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const record = processRecord(input[index], config, nowMs, context);
    processed[index] = record;
    records[index] = record.entry;
    sizes.note(index, record.entry, record.original);
    bytesIn += record.bytesIn;
    if (record.entry.result === 'Ok') {
      ok += 1;
      bytesOut += record.bytesOut;
      if (record.restamped) restamped += 1;
    } else if (record.entry.result === 'Dropped') {
      dropped += 1;
    } else {
      failedIndexes.push(index);
    }
  }

  // Records that give way to keep the response under its limit (none, unless the batch is near 6 MB).
  const fit = sizes.fit();
  const overflowed: number[] = [];
  for (const index of fit.fallbacks) {
    const record = processed[index] as Processed; // index < count
    records[index] = fallbackEntry(record.entry.recordId, record.original, fit);
    if (record.entry.result === 'ProcessingFailed') continue;
    overflowed.push(index);
    if (record.entry.result === 'Ok') {
      ok -= 1;
      bytesOut -= record.bytesOut;
      if (record.restamped) restamped -= 1;
    } else {
      dropped -= 1;
    }
  }
  const failures = (overflowed.length === 0 ? failedIndexes : [...failedIndexes, ...overflowed].sort((a, b) => a - b)).map((index) => failureOf(processed, index));
  return {
    response: { records },
    summary: {
      recordsIn: count,
      ok,
      dropped,
      processingFailed: failures.length,
      restamped,
      overResponseLimit: overflowed.length,
      bytesIn,
      bytesOut,
      responseBytes: fit.bytes,
    },
    failures,
  };
}

function failureOf(processed: readonly Processed[], index: number): RecordFailure {
  const record = processed[index] as Processed; // an index of the batch
  return { recordId: record.entry.recordId, reason: record.reason ?? OVER_RESPONSE_LIMIT_REASON };
}
