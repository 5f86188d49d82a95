/**
 * Firehose record-transformation wire types (contracts/aws.md §1).
 * https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
 */

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
