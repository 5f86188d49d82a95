/** Small factories for replay tests: CloudTrail records, EventBridge events, Firehose shapes, byte streams. */
import { gzipSync } from 'node:zlib';
import type { SourceObject } from '../../../cli/replay/types';

let counter = 0;

export function cloudTrailRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'Unknown', principalId: 'Anonymous' },
    eventTime: '2025-06-17T08:02:11Z',
    eventSource: 'cognito-idp.amazonaws.com',
    eventName: 'InitiateAuth',
    awsRegion: 'eu-west-1',
    sourceIPAddress: '198.51.100.23',
    requestParameters: { authFlow: 'USER_PASSWORD_AUTH', clientId: '3n4b5c6d7e8f9g0h1i2j3k4l5m' },
    responseElements: null,
    requestID: `req-${counter}`,
    eventID: `evt-${counter}-${Math.random().toString(16).slice(2)}`,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    ...overrides,
  };
}

export function eventBridgeEvent(detail: Record<string, unknown> = cloudTrailRecord(), overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: '0',
    id: `env-${String(detail.eventID)}`,
    'detail-type': detail.eventType === 'AwsServiceEvent' ? 'AWS Service Event via CloudTrail' : 'AWS API Call via CloudTrail',
    source: detail.eventSource === 'cognito-identity.amazonaws.com' ? 'aws.cognito-identity' : 'aws.cognito-idp',
    account: '111122223333',
    time: detail.eventTime,
    region: 'eu-west-1',
    resources: [],
    detail,
    ...overrides,
  };
}

export const base64Json = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');

export function transformationEvent(records: readonly unknown[]): Record<string, unknown> {
  return {
    invocationId: 'inv-1',
    deliveryStreamArn: 'arn:aws:firehose:eu-west-1:111122223333:deliverystream/cognito',
    region: 'eu-west-1',
    records: records.map((record, i) => ({ recordId: `r${i}`, approximateArrivalTimestamp: 1750147331000, data: base64Json(record) })),
  };
}

export function processingFailedRecord(original: unknown): Record<string, unknown> {
  return {
    attemptsMade: 4,
    arrivalTimestamp: 1750147331000,
    errorCode: 'Lambda.FunctionError',
    errorMessage: 'The Lambda function was successfully invoked but it returned an error result.',
    attemptEndingTimestamp: 1750147400000,
    rawData: typeof original === 'string' ? Buffer.from(original).toString('base64') : base64Json(original),
    lambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:transform:$LATEST',
  };
}

export function normalisedRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
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
export function normalisedLine(record: Record<string, unknown>): string {
  return `{\t${JSON.stringify(record).slice(1)}\n`;
}

export function httpEndpointFailedRecord(line: string): Record<string, unknown> {
  return {
    attemptsMade: 5,
    arrivalTimestamp: 1750147331000,
    errorCode: 'HttpEndpoint.DestinationException',
    errorMessage: 'Received the following response from the endpoint destination. 503',
    attemptEndingTimestamp: 1750147700000,
    rawData: Buffer.from(line).toString('base64'),
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
