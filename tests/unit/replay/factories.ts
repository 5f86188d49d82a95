/**
 * Small factories for replay tests, on top of the shared ones (tests/helpers/factories.ts): records with ids
 * of their own (replay skips a repeated event_id), Firehose backups, normalised lines, byte streams.
 */
import { gzipSync } from 'node:zlib';
import type { SourceObject } from '../../../cli/replay/types';
import { cloudTrailEvent, encodeData, eventBridgeEvent as eventBridgeEnvelope, type Json } from '../../helpers/factories';

let counter = 0;

/** The shared CloudTrail record at 2025-06-17T08:02:11Z, with a requestID and an eventID of its own. */
export function cloudTrailRecord(overrides: Json = {}): Json {
  counter++;
  return cloudTrailEvent({
    eventTime: '2025-06-17T08:02:11Z',
    requestID: `req-${counter}`,
    eventID: `evt-${counter}-${Math.random().toString(16).slice(2)}`,
    ...overrides,
  });
}

/** The shared EventBridge envelope, its id, source and time following `detail` (so each event has its own id). */
export function eventBridgeEvent(detail: Json = cloudTrailRecord(), overrides: Json = {}): Json {
  return eventBridgeEnvelope(detail, {
    id: `env-${String(detail.eventID)}`,
    source: detail.eventSource === 'cognito-identity.amazonaws.com' ? 'aws.cognito-identity' : 'aws.cognito-idp',
    time: detail.eventTime,
    ...overrides,
  });
}

export function processingFailedRecord(original: unknown): Json {
  return {
    attemptsMade: 4,
    arrivalTimestamp: 1750147331000,
    errorCode: 'Lambda.FunctionError',
    errorMessage: 'The Lambda function was successfully invoked but it returned an error result.',
    attemptEndingTimestamp: 1750147400000,
    rawData: encodeData(original),
    lambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:transform:$LATEST',
  };
}

export function normalisedRecord(overrides: Json = {}): Json {
  return {
    _timestamp: 1750147331000000,
    event_time: '2025-06-17T08:02:11Z',
    schema_version: 1,
    event_id: `n-${++counter}`,
    event_name: 'InitiateAuth',
    event_source: 'cognito-idp.amazonaws.com',
    category: 'sign_in',
    outcome: 'success',
    ...overrides,
  };
}

/** The line the transform writes for a normalised record (`{\t"_timestamp":…}\n`). */
export function normalisedLine(record: Json): string {
  return `{\t${JSON.stringify(record).slice(1)}\n`;
}

export function httpEndpointFailedRecord(line: string): Json {
  return {
    attemptsMade: 5,
    arrivalTimestamp: 1750147331000,
    errorCode: 'HttpEndpoint.DestinationException',
    errorMessage: 'Received the following response from the endpoint destination. 503',
    attemptEndingTimestamp: 1750147700000,
    rawData: encodeData(line),
    subsequenceNumber: 0,
    dataId: '4965987045.0',
  };
}

/** An async iterable of the given chunks. */
export async function* chunksOf(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part) : part;
}

/** A source object over bytes held in memory (gzip them first with `gzip: true`). */
export function memoryObject(name: string, text: string, options: { gzip?: boolean; chunk?: number } = {}): SourceObject {
  const bytes = options.gzip ? gzipSync(text) : Buffer.from(text);
  const size = options.chunk ?? 64 * 1024;
  return {
    name,
    size: bytes.length,
    open: async function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    },
  };
}

export async function collect<T>(iterable: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
