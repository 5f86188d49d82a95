/**
 * `--to https://HOST/aws/ORG/STREAM/_kinesis_firehose`: straight to OpenObserve over the Firehose HTTP
 * endpoint protocol, as Firehose itself would deliver (contracts/aws.md §2, contracts/openobserve-firehose.md):
 * batches of at most 10,000 records and 4 MiB of JSON body, one request id per batch kept across its
 * retries, back-off with jitter on 429, 5xx, timeouts and dropped connections. 401 and 413 stop the run.
 */
import { randomUUID } from 'node:crypto';
import https from 'node:https';
import { firehoseRequestBody, postFirehoseRecords, type FirehosePostResult } from '../../../functions/shared/firehose-http';
import { HTTP_BATCH_MAX_BODY_BYTES, HTTP_BATCH_MAX_RECORDS, HTTP_REQUEST_TIMEOUT_MS, RETRY_MAX_ATTEMPTS } from '../constants';
import { ReplayFatalError } from '../errors';
import { Batcher, type BatchLimits } from './batcher';
import { backoffDelayMs, realSleep, type Sleep } from './retry';
import type { DeliveryReport, Sink, SinkRecord } from './types';

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

type Verdict = { kind: 'ok' } | { kind: 'retry'; reason: string } | { kind: 'reject'; reason: string } | { kind: 'fatal'; reason: string };

/** How Firehose (and so this sink) treats each answer; messages never hold the key or record content. */
export function classifyAnswer(result: FirehosePostResult): Verdict {
  switch (result.kind) {
    case 'ok':
      return { kind: 'ok' };
    case 'timeout':
      return { kind: 'retry', reason: 'OpenObserve did not answer in time' };
    case 'network-error':
      return { kind: 'retry', reason: `the connection failed (${result.code})` };
    case 'bad-response':
      return { kind: 'retry', reason: `OpenObserve answered ${result.status} but ${result.reason}` };
    case 'http-error': {
      const status = result.status;
      if (status === 401 || status === 403) {
        return {
          kind: 'fatal',
          reason: `OpenObserve refused the access key (HTTP ${status}); set OPENOBSERVE_ACCESS_KEY (or --access-key) to the base64 of user:passcode of a user of that organization, as shown under Data sources → Amazon Kinesis Firehose.`,
        };
      }
      if (status === 413) {
        return {
          kind: 'fatal',
          reason: `OpenObserve (or a proxy in front of it) refused a request of up to ${HTTP_BATCH_MAX_BODY_BYTES / 1024 / 1024} MiB as too large (HTTP 413); raise ZO_PAYLOAD_LIMIT or the proxy's body limit (nginx client_max_body_size), then run again.`,
        };
      }
      if (status === 404 || status === 405 || status === 415) {
        return { kind: 'fatal', reason: `OpenObserve answered HTTP ${status}; --to must be https://HOST/aws/ORG/STREAM/_kinesis_firehose.` };
      }
      if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', reason: `OpenObserve answered HTTP ${status}` };
      return { kind: 'reject', reason: `OpenObserve rejected the request (HTTP ${status})` };
    }
  }
}

/** Sends normalised lines to OpenObserve; see the module comment. */
export function httpsSink(options: HttpsSinkOptions, report: DeliveryReport): Sink {
  const batcher = new Batcher<SinkRecord>(httpBatchLimits(options.maxBodyBytes));
  const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
  const sleep = options.sleep ?? realSleep;
  const maxAttempts = options.maxAttempts ?? RETRY_MAX_ATTEMPTS;
  const target = { url: options.url, accessKey: options.accessKey, gzip: options.gzip };

  const post = (records: readonly SinkRecord[], requestId: string) =>
    postFirehoseRecords(
      target,
      records.map((record) => record.data),
      { requestId, timeoutMs: options.timeoutMs ?? HTTP_REQUEST_TIMEOUT_MS, agent, ...(options.ca !== undefined ? { ca: options.ca } : {}) },
    );

  /** One batch, with retries; a batch OpenObserve rejects (400: a bad line fails it whole) is halved to find the bad record. */
  const send = async (records: readonly SinkRecord[]): Promise<void> => {
    if (records.length === 0) return;
    const requestId = randomUUID();
    let last = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const verdict = classifyAnswer(await post(records, requestId));
      if (verdict.kind === 'ok') {
        report.delivered(records.map((record) => record.ticket));
        return;
      }
      if (verdict.kind === 'fatal') {
        report.failed(records.map((record) => record.ticket), verdict.reason);
        throw new ReplayFatalError(verdict.reason);
      }
      if (verdict.kind === 'reject') {
        if (records.length === 1) {
          report.failed([records[0]!.ticket], verdict.reason);
          return;
        }
        const half = Math.ceil(records.length / 2);
        await send(records.slice(0, half));
        await send(records.slice(half));
        return;
      }
      last = verdict.reason;
      if (attempt < maxAttempts) await sleep(backoffDelayMs(attempt, (options.random ?? Math.random)()));
    }
    report.failed(records.map((record) => record.ticket), `${last}, ${maxAttempts} attempts in a row`);
  };

  const origin = new URL(options.url);
  return {
    label: `${origin.origin}${origin.pathname}`,
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
