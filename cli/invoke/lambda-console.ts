import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { format } from 'node:util';
import { isNativeError } from 'node:util/types';

/** Lambda's application log levels and their order (aws-lambda-nodejs-runtime-interface-client LogPatch.js). */
const LEVELS = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 } as const;
type Level = keyof typeof LEVELS;

export interface LambdaConsoleOptions {
  /** Receives each finished line, newline included. */
  readonly write: (line: string) => void;
  readonly requestId: () => string;
  /** `AWS_LAMBDA_LOG_FORMAT`: `JSON` gives one JSON object per line, anything else the tab-separated text. */
  readonly logFormat: string | undefined;
  /** `AWS_LAMBDA_LOG_LEVEL`: lines below it are dropped (Lambda sets it only for the JSON format). */
  readonly logLevel: string | undefined;
  readonly now?: () => Date;
}

/** A console with Lambda's `fatal`. */
export type LambdaConsole = Console & { fatal(...data: unknown[]): void };

function errorFields(error: Error): Record<string, unknown> {
  return {
    errorType: error.constructor?.name ?? 'UnknownError',
    errorMessage: error.message,
    stackTrace: typeof error.stack === 'string' ? error.stack.split('\n') : [],
  };
}

function jsonLine(base: Record<string, unknown>, params: unknown[]): string {
  if (params.length === 1) {
    try {
      const replacer = (_key: string, value: unknown): unknown =>
        isNativeError(value) ? { ...errorFields(value), ...value } : value;
      return JSON.stringify({ ...base, message: params[0] }, replacer);
    } catch {
      return JSON.stringify({ ...base, message: format(params[0]) });
    }
  }
  const error = params.find((param): param is Error => isNativeError(param));
  return JSON.stringify({ ...base, message: format(...params), ...(error ? errorFields(error) : {}) });
}

/**
 * A console that writes what the Lambda Node.js runtime writes: `time\trequestId\tLEVEL\tmessage` lines, or
 * `{"timestamp","level","requestId","message"}` objects for the JSON log format, filtered by level. Unlike
 * the runtime, text lines keep their newlines (it turns them into \r for CloudWatch; a terminal would not cope).
 */
export function createLambdaConsole(options: LambdaConsoleOptions): LambdaConsole {
  const now = options.now ?? (() => new Date());
  const json = options.logFormat?.toUpperCase() === 'JSON';
  const threshold = LEVELS[options.logLevel?.toUpperCase() as Level] ?? LEVELS.TRACE;
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      options.write(chunk.toString());
      callback();
    },
  });
  const base = new Console({ stdout: sink, stderr: sink });
  const logAt = (level: Level) => (...params: unknown[]): void => {
    if (LEVELS[level] < threshold) return;
    const timestamp = now().toISOString();
    const requestId = options.requestId();
    const line = json
      ? jsonLine({ timestamp, level, requestId }, params)
      : `${timestamp}\t${requestId}\t${level}\t${format(...params)}`;
    options.write(`${line}\n`);
  };
  const info = logAt('INFO');
  return Object.assign(base, {
    trace: logAt('TRACE'),
    debug: logAt('DEBUG'),
    info,
    log: info,
    warn: logAt('WARN'),
    error: logAt('ERROR'),
    fatal: logAt('FATAL'),
  });
}

/**
 * Sends everything written to `process.stdout` to `target` until the returned function is called, so that
 * a handler's own stdout writes (loggers that bypass console) never mix into the command's data.
 */
export function redirectStdout(target: NodeJS.WritableStream): () => void {
  const stdout = process.stdout;
  const hadOwn = Object.hasOwn(stdout, 'write');
  const original = stdout.write;
  stdout.write = ((...args: unknown[]) =>
    (target.write as (...a: unknown[]) => boolean).apply(target, args)) as typeof stdout.write;
  return () => {
    if (hadOwn) stdout.write = original;
    else delete (stdout as { write?: unknown }).write;
  };
}
