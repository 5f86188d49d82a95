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
import { fitResponse, type PlannedEntry } from './firehose-response';
import { normaliseIsolated } from './isolated-normalise';
import { normaliseEvents } from './record-events';
import { accountOfArn } from './resource-ids';
import { asciiToBase64, utf8ToBase64 } from './scratch-buffer';
import type { BatchContext, BatchSummary, RecordFailure, RecordOutcome, TransformResponse } from './types';

export interface ProcessedBatch {
  readonly response: TransformResponse;
  readonly summary: BatchSummary;
  /** Every ProcessingFailed record, in order, with its reason (never its content). */
  readonly failures: RecordFailure[];
}

interface Processed extends PlannedEntry {
  readonly reason: string | undefined;
  readonly restamped: boolean;
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
  if (!decoded.ok) return { recordId, result: 'ProcessingFailed', data: original, original, reason: decoded.reason, restamped: false };
  const outcome = transformDecoded(decoded, arrivalMs, config, nowMs, context);
  switch (outcome.kind) {
    case 'ok': {
      // ASCII strings in, ASCII line out: everything the transform writes of its own (names, numbers, hex
      // hashes) is ASCII too, and process-batch.property.test.ts checks the bytes.
      const data = decoded.asciiStrings === true ? asciiToBase64(outcome.line) : utf8ToBase64(outcome.line);
      return { recordId, result: 'Ok', data, original, reason: undefined, restamped: outcome.restamped };
    }
    case 'dropped':
      return { recordId, result: 'Dropped', data: original, original, reason: undefined, restamped: false };
    default:
      return { recordId, result: 'ProcessingFailed', data: original, original, reason: outcome.reason, restamped: false };
  }
}

/**
 * Transforms a batch.
 * @example processBatch(event, parseTransformConfig(process.env), Date.now()).response // { records: [{ recordId, result: 'Ok', data }, …] }
 */
export function processBatch(event: FirehoseTransformationEvent, config: TransformConfig, nowMs: number): ProcessedBatch {
  const input: readonly unknown[] = Array.isArray(event?.records) ? event.records : [];
  const awsAccountId = accountOfArn(event?.deliveryStreamArn);
  const context: BatchContext = awsAccountId === undefined ? {} : { awsAccountId };
  const processed = input.map((record) => processRecord(record, config, nowMs, context));
  const fitted = fitResponse(processed);
  const overflowed = new Set(fitted.overflowed);

  let ok = 0;
  let dropped = 0;
  let restamped = 0;
  let bytesIn = 0;
  let bytesOut = 0;
  const failures: RecordFailure[] = [];
  fitted.records.forEach((entry, index) => {
    const record = processed[index];
    if (record === undefined) return;
    bytesIn += base64DecodedLength(record.original);
    if (entry.result === 'Ok') {
      ok += 1;
      bytesOut += base64DecodedLength(entry.data); // exact for our own base64: the line's UTF-8 bytes
      if (record.restamped) restamped += 1;
    } else if (entry.result === 'Dropped') {
      dropped += 1;
    } else {
      failures.push({ recordId: entry.recordId, reason: overflowed.has(index) ? OVER_RESPONSE_LIMIT_REASON : (record.reason ?? 'unknown') });
    }
  });
  return {
    response: { records: fitted.records },
    summary: {
      recordsIn: input.length,
      ok,
      dropped,
      processingFailed: failures.length,
      restamped,
      overResponseLimit: overflowed.size,
      bytesIn,
      bytesOut,
      responseBytes: fitted.bytes,
    },
    failures,
  };
}
