/**
 * The transform's own types. The Firehose record-transformation wire types are @types/aws-lambda's
 * (`FirehoseTransformationEvent` in, `FirehoseTransformationResult` out;
 * docs/reference/aws-contracts.md#firehose-record-transformation,
 * https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html); the response the core builds is
 * a narrower `TransformResponse`, which tests/unit/architecture/aws-lambda-types.test.ts proves assignable to it.
 */
import type { Context } from 'aws-lambda';
import type { NormalisedRecord } from './schema';

export const FIREHOSE_RESULTS = ['Ok', 'Dropped', 'ProcessingFailed'] as const;
/** The three results Firehose knows (@types/aws-lambda's `FirehoseRecordTransformationStatus`). */
export type FirehoseResult = (typeof FIREHOSE_RESULTS)[number];

/**
 * One entry of the response: Firehose's result record, with `data` always present (for Dropped and
 * ProcessingFailed the original data, which Firehose backs up to S3) and no partition metadata.
 */
export interface TransformedRecord {
  readonly recordId: string;
  readonly result: FirehoseResult;
  /** Base64 of the transformed bytes; for Dropped and ProcessingFailed, the original data. */
  readonly data: string;
}

/** The handler's answer: one entry per input record, in input order. */
export interface TransformResponse {
  readonly records: TransformedRecord[];
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
export type TransformContext = Pick<Context, 'awsRequestId' | 'functionName'>;
