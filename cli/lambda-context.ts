import { randomBytes, randomUUID } from 'node:crypto';
import { localFunctionArn } from './template/symbol-table';

/** The Lambda context object a Node.js handler receives (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html). */
export interface LambdaContext {
  callbackWaitsForEmptyEventLoop: boolean;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  /** A string, as in the Lambda runtime. */
  readonly memoryLimitInMB: string;
  readonly awsRequestId: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  getRemainingTimeInMillis(): number;
  /** Legacy completion methods: they end the invocation like a callback would. */
  done(error?: unknown, result?: unknown): void;
  fail(error: unknown): void;
  succeed(result?: unknown): void;
}

/** The function's settings a context reports (and an invocation runs under). */
export interface LambdaFunctionSettings {
  readonly functionName: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly region: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
}

export interface LambdaContextOptions extends LambdaFunctionSettings {
  readonly awsRequestId?: string;
  /** Milliseconds since the epoch; the clock the deadline is measured with. */
  readonly now?: () => number;
  /** Receives done/fail/succeed; the invocation ends with the first call. */
  readonly onDone?: (error: unknown, result: unknown) => void;
}

/** `2026/11/26/[$LATEST]` + 32 hex digits, the shape of a Lambda log stream name. */
export function lambdaLogStreamName(date: Date): string {
  const day = date.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

/** A Lambda-like context whose getRemainingTimeInMillis counts down from the function's Timeout. */
export function createLambdaContext(options: LambdaContextOptions): LambdaContext {
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutSeconds * 1000;
  const onDone = options.onDone ?? (() => undefined);
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: options.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: localFunctionArn(options.region, options.functionName),
    memoryLimitInMB: String(options.memoryMb),
    awsRequestId: options.awsRequestId ?? randomUUID(),
    logGroupName: options.logGroupName,
    logStreamName: options.logStreamName,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: (error, result) => onDone(error ?? null, result),
    fail: (error) => onDone(error ?? new Error('context.fail() was called'), undefined),
    succeed: (result) => onDone(null, result),
  };
}
