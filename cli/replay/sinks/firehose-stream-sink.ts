/**
 * `--to firehose:STREAM`: `PutRecordBatch` into the deployed delivery stream, so that replayed events flow
 * through the same Lambda transform, S3 backup and alarms as live ones. Sends what EventBridge would put (the
 * event JSON). At most 500 records and 4 MiB per call; only the entries Firehose failed are retried, with
 * back-off (throttling included), each retry said on stderr; the circuit breaker stops a run Firehose keeps
 * taking nothing from.
 * https://docs.aws.amazon.com/firehose/latest/APIReference/API_PutRecordBatch.html
 */
import { PutRecordBatchCommand, type FirehoseClient } from '@aws-sdk/client-firehose';
import { FIREHOSE_RECORD_MAX_BYTES, PUT_RECORD_BATCH_MAX_BYTES, PUT_RECORD_BATCH_MAX_RECORDS, RETRY_MAX_ATTEMPTS } from '../constants';
import { ReplayFatalError } from '../errors';
import { Batcher, type BatchLimits } from './batcher';
import { CircuitBreaker, type BreakerLimits } from './circuit-breaker';
import { backoffDelayMs, realSleep, retryNotice, type Sleep } from './retry';
import type { DeliveryReport, Notify, Sink, SinkRecord } from './types';

export interface FirehoseStreamSinkOptions {
  readonly client: Pick<FirehoseClient, 'send'>;
  readonly stream: string;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly maxAttempts?: number;
  /** Says each retry (one line, no content); silent when absent. */
  readonly notify?: Notify;
  readonly breaker?: BreakerLimits;
  readonly now?: () => number;
}

export const PUT_RECORD_BATCH_LIMITS: BatchLimits = {
  maxRecords: PUT_RECORD_BATCH_MAX_RECORDS,
  maxBytes: PUT_RECORD_BATCH_MAX_BYTES,
  recordBytes: (data) => data.byteLength,
  baseBytes: 0,
  separatorBytes: 0,
};

/** Errors no retry fixes: the stream, the region or the credentials are wrong. */
const FATAL_ERRORS: ReadonlySet<string> = new Set([
  'ResourceNotFoundException',
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'CredentialsProviderError',
  'InvalidKMSResourceException',
]);

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

/** Puts raw events into a Firehose delivery stream; see the module comment. */
export function firehoseStreamSink(options: FirehoseStreamSinkOptions, report: DeliveryReport): Sink {
  const batcher = new Batcher<SinkRecord>(PUT_RECORD_BATCH_LIMITS);
  const sleep = options.sleep ?? realSleep;
  const maxAttempts = options.maxAttempts ?? RETRY_MAX_ATTEMPTS;
  const random = options.random ?? Math.random;
  const notify = options.notify ?? (() => undefined);
  const breaker = new CircuitBreaker(`Firehose stream ${options.stream}`, options.breaker, options.now);

  /** A call that delivered nothing; stops the run when the breaker trips. */
  const failedCall = (pending: readonly SinkRecord[], reason: string): void => {
    const tripped = breaker.failed(reason);
    if (tripped === undefined) return;
    report.failed(pending.map((record) => record.ticket), tripped);
    throw new ReplayFatalError(tripped);
  };

  const send = async (records: readonly SinkRecord[]): Promise<void> => {
    let pending = records;
    let last = '';
    for (let attempt = 1; attempt <= maxAttempts && pending.length > 0; attempt++) {
      if (attempt > 1) {
        const delay = backoffDelayMs(attempt - 1, random());
        notify(retryNotice(`Firehose did not take ${pending.length === records.length ? 'the batch' : 'some records'} (${last})`, pending.length, delay, attempt, maxAttempts));
        await sleep(delay);
      }
      let response;
      try {
        response = await options.client.send(
          new PutRecordBatchCommand({ DeliveryStreamName: options.stream, Records: pending.map((record) => ({ Data: record.data })) }),
        );
      } catch (error) {
        const name = errorName(error);
        if (FATAL_ERRORS.has(name)) {
          const reason = `Firehose refused PutRecordBatch on ${options.stream} (${name}); check the stream name, the region (AWS_REGION) and that your credentials may firehose:PutRecordBatch on it.`;
          report.failed(pending.map((record) => record.ticket), reason);
          throw new ReplayFatalError(reason, { cause: error });
        }
        if (name === 'InvalidArgumentException') {
          report.failed(pending.map((record) => record.ticket), `Firehose rejected the batch (${name})`);
          return;
        }
        last = name;
        failedCall(pending, `Firehose answered ${name}`);
        continue;
      }
      const answers = response.RequestResponses ?? [];
      const failed: SinkRecord[] = [];
      const delivered: SinkRecord[] = [];
      pending.forEach((record, i) => {
        const code = answers[i]?.ErrorCode;
        if (code !== undefined && code !== null && code !== '') {
          failed.push(record);
          last = code;
        } else delivered.push(record);
      });
      // Without per-record answers, a non-zero FailedPutCount can only mean the whole batch.
      if (answers.length === 0 && (response.FailedPutCount ?? 0) > 0) {
        last = 'FailedPutCount';
        failedCall(pending, 'Firehose failed every record of the batch');
        continue;
      }
      if (delivered.length > 0) breaker.succeeded();
      else failedCall(pending, `Firehose failed every record of the batch (${last})`);
      report.delivered(delivered.map((record) => record.ticket));
      pending = failed;
    }
    if (pending.length > 0) {
      report.failed(pending.map((record) => record.ticket), `Firehose did not take the records (${last}) after ${maxAttempts} attempts`);
    }
  };

  return {
    label: `firehose:${options.stream}`,
    input: 'event',
    async write(record) {
      if (record.data.byteLength > FIREHOSE_RECORD_MAX_BYTES) {
        report.failed([record.ticket], `the event is over Firehose's ${FIREHOSE_RECORD_MAX_BYTES / 1024} KiB record limit`);
        return;
      }
      const full = batcher.add(record);
      if (full) await send(full.items);
    },
    async flush() {
      await send(batcher.drain().items);
    },
    close: async () => undefined,
  };
}
