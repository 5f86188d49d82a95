import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { localFunctionArn } from './template/symbol-table';

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

/**
 * The context object a Node.js handler receives (@types/aws-lambda's `Context`;
 * https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html), with getRemainingTimeInMillis counting
 * down from the function's Timeout and the legacy done/fail/succeed ending the invocation like a callback.
 */
export function createLambdaContext(options: LambdaContextOptions): Context {
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
    done: (error?: unknown, result?: unknown) => onDone(error ?? null, result),
    fail: (error: unknown) => onDone(error ?? new Error('context.fail() was called'), undefined),
    succeed: (result?: unknown) => onDone(null, result),
  };
}
