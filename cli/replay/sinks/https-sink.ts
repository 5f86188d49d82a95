/**
 * `--to https://HOST/aws/ORG/STREAM/_kinesis_firehose`: straight to OpenObserve over the Firehose HTTP
 * endpoint protocol, as Firehose itself would deliver (https://docs.aws.amazon.com/firehose/latest/dev/httpdeliveryrequestresponse.html):
 * batches of at most 10,000 records and 4 MiB of JSON body, one request id per batch kept across its
 * retries, back-off with jitter on 429, 5xx, timeouts and dropped connections, each retry said on stderr.
 * A wrong key, URL or certificate, a 413 or a host DNS does not know stops the run at once; so does the
 * circuit breaker when the endpoint keeps taking nothing.
 */
import { randomUUID } from 'node:crypto';
import https from 'node:https';
import { firehoseRequestBody, postFirehoseRecords } from '../../../functions/shared/firehose-http';
import { HTTP_BATCH_MAX_BODY_BYTES, HTTP_BATCH_MAX_RECORDS, HTTP_REQUEST_TIMEOUT_MS, RETRY_MAX_ATTEMPTS } from '../constants';
import { ReplayFatalError } from '../errors';
import { Batcher, type BatchLimits } from './batcher';
import { CircuitBreaker, type BreakerLimits } from './circuit-breaker';
import { classifyAnswer, endpointOf } from './https-answer';
import { backoffDelayMs, realSleep, retryNotice, type Sleep } from './retry';
import type { DeliveryReport, Notify, Sink, SinkRecord } from './types';

export interface HttpsSinkOptions {
  readonly url: string;
  /** Never printed: not in a label, a reason or an error. */
  readonly accessKey: string;
  readonly gzip: boolean;
  /** Trusted CA for tests (a loopback server with a throw-away CA); the CLI never sets it. */
  readonly ca?: string;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly maxAttempts?: number;
  readonly timeoutMs?: number;
  /** Overrides the body limit (tests of the batching edges). */
  readonly maxBodyBytes?: number;
  /** Says each retry (one line, no content); silent when absent. */
  readonly notify?: Notify;
  readonly breaker?: BreakerLimits;
  readonly now?: () => number;
}

/** Characters base64 makes of `n` bytes. */
export const base64Length = (n: number): number => 4 * Math.ceil(n / 3);

/** `{"requestId":"<uuid>","timestamp":<13 digits>,"records":[]}`: the body around the records. */
const EMPTY_BODY_BYTES = firehoseRequestBody(randomUUID(), 1_700_000_000_000, []).length;
/** `{"data":""}` around each record's base64. */
const RECORD_FRAME_BYTES = '{"data":""}'.length;

/** Limits of one HTTP request body, counted exactly as `firehoseRequestBody` writes it (before gzip). */
export function httpBatchLimits(maxBodyBytes: number = HTTP_BATCH_MAX_BODY_BYTES): BatchLimits {
  return {
    maxRecords: HTTP_BATCH_MAX_RECORDS,
    maxBytes: maxBodyBytes,
    recordBytes: (data) => RECORD_FRAME_BYTES + base64Length(data.byteLength),
    baseBytes: EMPTY_BODY_BYTES,
    separatorBytes: 1,
  };
}

/** Sends normalised lines to OpenObserve; see the module comment. */
export function httpsSink(options: HttpsSinkOptions, report: DeliveryReport): Sink {
  const batcher = new Batcher<SinkRecord>(httpBatchLimits(options.maxBodyBytes));
  const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const notify = options.notify ?? (() => undefined);
  const maxAttempts = options.maxAttempts ?? RETRY_MAX_ATTEMPTS;
  const target = { url: options.url, accessKey: options.accessKey, gzip: options.gzip };
  const endpoint = endpointOf(options.url);
  const breaker = new CircuitBreaker('OpenObserve', options.breaker, options.now);

  const post = (records: readonly SinkRecord[], requestId: string) =>
    postFirehoseRecords(
      target,
      records.map((record) => record.data),
      { requestId, timeoutMs: options.timeoutMs ?? HTTP_REQUEST_TIMEOUT_MS, agent, ...(options.ca !== undefined ? { ca: options.ca } : {}) },
    );

  /** Fails `records` for `reason` and stops the run. */
  const stop = (records: readonly SinkRecord[], reason: string): never => {
    report.failed(records.map((record) => record.ticket), reason);
    throw new ReplayFatalError(reason);
  };

  /**
   * One batch, with retries. A batch OpenObserve rejects (400: one bad line fails it whole) is halved to find
   * the bad record; only a record refused on its own counts against the breaker, so the search is not taken
   * for a broken endpoint, while an endpoint that refuses everything is stopped after a few records.
   */
  const send = async (records: readonly SinkRecord[], top = true): Promise<void> => {
    if (records.length === 0) return;
    const requestId = randomUUID();
    let last = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const verdict = classifyAnswer(await post(records, requestId), endpoint);
      if (verdict.kind === 'ok') {
        breaker.succeeded();
        report.delivered(records.map((record) => record.ticket));
        return;
      }
      if (verdict.kind === 'fatal') stop(records, verdict.reason);
      if (verdict.kind === 'reject') {
        if (records.length === 1) {
          const tripped = breaker.failed(verdict.reason);
          if (tripped !== undefined) stop(records, tripped);
          report.failed([records[0]!.ticket], verdict.reason);
          return;
        }
        if (top) notify(`${verdict.reason} for ${records.length.toLocaleString('en-US')} records; halving the batch to find the records it refuses.`);
        const half = Math.ceil(records.length / 2);
        await send(records.slice(0, half), false);
        await send(records.slice(half), false);
        return;
      }
      last = verdict.reason;
      const tripped = breaker.failed(last);
      if (tripped !== undefined) stop(records, tripped);
      if (attempt < maxAttempts) {
        const delay = backoffDelayMs(attempt, random());
        notify(retryNotice(last, records.length, delay, attempt + 1, maxAttempts));
        await sleep(delay);
      }
    }
    report.failed(records.map((record) => record.ticket), `${last}, ${maxAttempts} attempts in a row`);
  };

  return {
    label: `${endpoint.baseUrl}${new URL(options.url).pathname}`,
    input: 'normalised',
    async write(record) {
      const full = batcher.add(record);
      if (full) await send(full.items);
    },
    async flush() {
      await send(batcher.drain().items);
    },
    async close() {
      agent.destroy();
    },
  };
}
