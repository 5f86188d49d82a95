/**
 * Firehose record-transformation wire types (docs/reference/aws-contracts.md#firehose-record-transformation).
 * https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
 */
import type { NormalisedRecord } from './schema';

export interface FirehoseTransformationRecord {
  readonly recordId: string;
  /** Milliseconds since the epoch. */
  readonly approximateArrivalTimestamp: number;
  /** Base64 of the original record bytes. */
  readonly data: string;
}

export interface FirehoseTransformationEvent {
  readonly invocationId: string;
  readonly deliveryStreamArn: string;
  readonly region: string;
  readonly records: readonly FirehoseTransformationRecord[];
}

export const FIREHOSE_RESULTS = ['Ok', 'Dropped', 'ProcessingFailed'] as const;
export type FirehoseResult = (typeof FIREHOSE_RESULTS)[number];

export interface FirehoseTransformationResultRecord {
  readonly recordId: string;
  readonly result: FirehoseResult;
  /** Base64 of the transformed bytes; for Dropped and ProcessingFailed, the original data. */
  readonly data: string;
}

export interface FirehoseTransformationResult {
  readonly records: FirehoseTransformationResultRecord[];
}

/** What the transform made of one event (`normaliseEvent`). */
export type TransformOutcome =
  | {
      readonly kind: 'ok';
      /** The output line, `{\t"_timestamp":…}` plus exactly one trailing `\n`. */
      readonly line: string;
      /** The record the line holds (the line writes lone UTF-16 surrogates of its strings as U+FFFD). */
      readonly record: NormalisedRecord;
      /** True when the late-event rule moved `_timestamp` to now. */
      readonly restamped: boolean;
    }
  | { readonly kind: 'dropped'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** What one Firehose record became: the lines of its events (one per event), `Dropped`, or a reason to fail it. */
export type RecordOutcome =
  | { readonly kind: 'ok'; readonly line: string; readonly restamped: boolean }
  | { readonly kind: 'dropped'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** What a batch says about all its records, for the events that do not say it themselves. */
export interface BatchContext {
  /** The account of the batch's `deliveryStreamArn`: user activity logs name none, and they come from the stream's own account. */
  readonly awsAccountId?: string;
}

/** Counts of one processed batch, for the summary log line and the metrics. */
export interface BatchSummary {
  readonly recordsIn: number;
  readonly ok: number;
  readonly dropped: number;
  readonly processingFailed: number;
  /** Ok records whose `_timestamp` the late-event rule moved. */
  readonly restamped: number;
  /** Records that would have been Ok or Dropped but became ProcessingFailed to keep the response under its limit. */
  readonly overResponseLimit: number;
  /** Decoded bytes of every input record. */
  readonly bytesIn: number;
  /** Bytes of every Ok output line. */
  readonly bytesOut: number;
  /** Bytes of the serialised response. */
  readonly responseBytes: number;
}

/** A ProcessingFailed record: its id and why (never its content). */
export interface RecordFailure {
  readonly recordId: string;
  readonly reason: string;
}

/** The parts of the Lambda context the handler reads. */
export interface LambdaContext {
  readonly awsRequestId: string;
  readonly functionName: string;
}
