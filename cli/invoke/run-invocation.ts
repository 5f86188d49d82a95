import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { isNativeError } from 'node:util/types';
import { createLambdaContext, type LambdaFunctionSettings } from '../lambda-context';
import { exportAt, loadModuleFresh } from './handler-module';
import { createLambdaConsole, redirectStdout } from './lambda-console';

/** What to run and how: the bundle file, its export, the event and the function's settings. */
export interface InvocationRequest extends LambdaFunctionSettings {
  readonly handlerFile: string;
  readonly exportPath: readonly string[];
  /** The template's Handler, for messages (`index.handler`). */
  readonly handlerName: string;
  readonly event: unknown;
  readonly env: Readonly<Record<string, string>>;
  /** Where the function's logs and the START/END/REPORT lines go (the command's stderr). */
  readonly log: NodeJS.WritableStream;
}

/** The error document Lambda returns for a failed invocation (the runtime's `toRapidResponse`). */
export interface InvocationError {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace: readonly string[];
}

export interface InvocationReport {
  readonly requestId: string;
  readonly durationMs: number;
  readonly initDurationMs: number;
  readonly memorySizeMb: number;
  readonly maxMemoryUsedMb: number;
}

export type InvocationOutcome =
  | { readonly ok: true; readonly result: unknown; readonly report: InvocationReport }
  | { readonly ok: false; readonly error: InvocationError; readonly report: InvocationReport };

/** Turns anything thrown or passed to a callback into Lambda's error document. */
export function toInvocationError(error: unknown): InvocationError {
  // isNativeError, not instanceof: the bundle may run in another realm (jest's sandbox, for one).
  if (isNativeError(error)) {
    return { errorType: error.name, errorMessage: error.message, trace: error.stack?.split('\n') ?? [] };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

/** `REPORT RequestId: … Duration: … ms …`, the line Lambda logs after each invocation. */
export function formatReport(report: InvocationReport): string {
  return [
    `REPORT RequestId: ${report.requestId}`,
    `Duration: ${report.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${Math.ceil(report.durationMs)} ms`,
    `Memory Size: ${report.memorySizeMb} MB`,
    `Max Memory Used: ${report.maxMemoryUsedMb} MB`,
    `Init Duration: ${report.initDurationMs.toFixed(2)} ms`,
  ].join('\t');
}

/** Sets `env` on process.env and returns the function that puts every variable back as it was. */
function applyEnvironment(env: Readonly<Record<string, string>>): () => void {
  const saved = new Map(Object.entries(process.env));
  Object.assign(process.env, env);
  return () => {
    for (const key of Object.keys(process.env)) if (!saved.has(key)) delete process.env[key];
    for (const [key, value] of saved) if (process.env[key] !== value) process.env[key] = value;
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && 'then' in value &&
    typeof value.then === 'function';
}

type Settlement = { readonly error: unknown; readonly result?: unknown };

/** Calls the handler and waits for its promise, callback or context.done/succeed/fail — or the timeout. */
async function callHandler(handler: (...args: unknown[]) => unknown, request: InvocationRequest, requestId: string): Promise<Settlement> {
  let settle: (settlement: Settlement) => void = () => undefined;
  const settled = new Promise<Settlement>((resolve) => (settle = resolve));
  const done = (error: unknown, result?: unknown): void => settle({ error: error ?? null, result });
  const timer = setTimeout(() => {
    const message = `RequestId: ${requestId} Error: Task timed out after ${request.timeoutSeconds.toFixed(2)} seconds`;
    settle({ error: Object.assign(new Error(message), { name: 'Sandbox.Timedout', stack: undefined }) });
  }, request.timeoutSeconds * 1000);
  const context = createLambdaContext({ ...request, awsRequestId: requestId, onDone: done });
  try {
    const callbackStyle = handler.length >= 3;
    const returned = callbackStyle ? handler(request.event, context, done) : handler(request.event, context);
    if (isThenable(returned)) {
      returned.then(
        (result) => done(null, result),
        (error: unknown) => done(error ?? new Error('The handler rejected without a reason.')),
      );
    } else if (!callbackStyle) {
      done(null, returned);
    }
  } catch (error) {
    done(error ?? new Error('The handler threw without a reason.'));
  }
  try {
    return await settled;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs one invocation in this process: sets the function's environment, loads its bundle afresh (it reads
 * its configuration at load), calls the handler with a Lambda-like context, and restores process.env and
 * stdout afterwards. The handler's console and stdout output, and START/END/REPORT, go to `request.log`.
 */
export async function runInvocation(request: InvocationRequest): Promise<InvocationOutcome> {
  const requestId = randomUUID();
  const lambdaConsole = createLambdaConsole({
    write: (line) => request.log.write(line),
    requestId: () => requestId,
    logFormat: request.env.AWS_LAMBDA_LOG_FORMAT,
    logLevel: request.env.AWS_LAMBDA_LOG_LEVEL,
  });
  const restoreEnvironment = applyEnvironment(request.env);
  const restoreStdout = redirectStdout(request.log);
  const initStart = performance.now();
  let initEnd = initStart;
  let settlement: Settlement;
  try {
    let moduleExports: unknown;
    let initError: unknown;
    try {
      moduleExports = loadModuleFresh(request.handlerFile, { console: lambdaConsole, process });
    } catch (error) {
      // The bundle threw while loading: Lambda reports the init error as the invocation's error.
      initError = error ?? new Error('The function threw while loading.');
    }
    initEnd = performance.now();
    request.log.write(`START RequestId: ${requestId} Version: $LATEST\n`);
    const handler = exportAt(moduleExports, request.exportPath);
    if (initError !== undefined) {
      settlement = { error: initError };
    } else if (typeof handler !== 'function') {
      const problem = handler === undefined ? 'is undefined or not exported' : 'is not a function';
      settlement = { error: Object.assign(new Error(`${request.handlerName} ${problem}`), { name: 'Runtime.HandlerNotFound' }) };
    } else {
      settlement = await callHandler(handler as (...args: unknown[]) => unknown, request, requestId);
    }
  } finally {
    restoreStdout();
    restoreEnvironment();
  }
  const report: InvocationReport = {
    requestId,
    durationMs: performance.now() - initEnd,
    initDurationMs: initEnd - initStart,
    memorySizeMb: request.memoryMb,
    // maxRSS is the process's peak resident set in KiB, which is what Lambda reports as well.
    maxMemoryUsedMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  const error = settlement.error !== null && settlement.error !== undefined ? toInvocationError(settlement.error) : undefined;
  if (error) lambdaConsole.error('Invoke Error', JSON.stringify(error));
  request.log.write(`END RequestId: ${requestId}\n${formatReport(report)}\n`);
  return error ? { ok: false, error, report } : { ok: true, result: settlement.result, report };
}
