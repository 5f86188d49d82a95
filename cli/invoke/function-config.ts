import { CliUsageError } from '../io';
import { UnresolvableIntrinsicError } from '../template/errors';
import type { Template } from '../template/load-template';
import { intrinsicResolver, isIntrinsic } from '../template/resolve-intrinsics';
import type { SymbolTable } from '../template/symbol-table';

/** Resource types `o2-cognito invoke` can run. */
export const FUNCTION_TYPES: readonly string[] = ['AWS::Serverless::Function', 'AWS::Lambda::Function'];

/** Lambda's defaults when neither the function nor Globals sets them (CreateFunction API reference). */
export const DEFAULT_MEMORY_MB = 128;
export const DEFAULT_TIMEOUT_SECONDS = 3;

/** A function as the template declares it, Globals applied, intrinsics resolved except the variables. */
export interface FunctionConfig {
  readonly logicalId: string;
  /** The FunctionName property when it resolves to a plain name (env-vars file sections may use it). */
  readonly functionName: string | undefined;
  readonly handler: string;
  readonly runtime: string | undefined;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /** Environment.Variables as written (intrinsics unresolved), the function's over Globals'. */
  readonly variables: Readonly<Record<string, unknown>>;
  readonly logFormat: string | undefined;
  readonly applicationLogLevel: string | undefined;
  /** LoggingConfig.LogGroup when it resolves to a real name (a Ref to a log group resource does not). */
  readonly logGroup: string | undefined;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isIntrinsic(value);
}

/**
 * Merges `Globals.Function` under a function's properties the way the SAM translator does: maps merge key
 * by key, lists concatenate (global first), anything else — intrinsics included — the function's wins.
 */
export function mergeGlobals(globals: unknown, local: unknown): unknown {
  if (local === undefined) return globals;
  if (isMap(globals) && isMap(local)) {
    const merged = new Map(Object.entries(globals));
    for (const [key, value] of Object.entries(local)) merged.set(key, mergeGlobals(merged.get(key), value));
    return Object.fromEntries(merged);
  }
  if (Array.isArray(globals) && Array.isArray(local)) return [...globals, ...local];
  return local;
}

/** Logical ids of the functions in the template, in template order. */
export function functionIds(template: Template): string[] {
  return Object.entries(template.Resources)
    .filter(([, resource]) => FUNCTION_TYPES.includes(resource.Type))
    .map(([id]) => id);
}

/**
 * Reads one function's configuration. An unknown id, or a resource that is not a function, is a
 * {@link CliUsageError} naming the functions there are.
 */
export function readFunctionConfig(template: Template, logicalId: string, symbols: SymbolTable): FunctionConfig {
  const resource = Object.hasOwn(template.Resources, logicalId) ? template.Resources[logicalId] : undefined;
  if (!resource || !FUNCTION_TYPES.includes(resource.Type)) {
    const what = resource ? `is a ${resource.Type}, not a function` : 'is not in the template';
    throw new CliUsageError(`${logicalId} ${what}; use one of: ${functionIds(template).join(', ') || '(no functions)'}.`);
  }
  const globals = resource.Type === 'AWS::Serverless::Function' ? template.Globals?.Function : undefined;
  const properties = mergeGlobals(globals ?? {}, resource.Properties ?? {}) as Record<string, unknown>;

  // A value that needs a placeholder is no value here: the defaults below are closer to the truth.
  const known = (value: unknown): unknown => {
    let placeholder = false;
    try {
      const resolved = intrinsicResolver({ template, symbols, onPlaceholder: () => (placeholder = true) }).resolve(value);
      return placeholder ? undefined : resolved;
    } catch (error) {
      if (error instanceof UnresolvableIntrinsicError) return undefined;
      throw error;
    }
  };
  const stringOf = (value: unknown): string | undefined => {
    const resolved = known(value);
    return typeof resolved === 'string' || typeof resolved === 'number' ? String(resolved) : undefined;
  };
  const numberOf = (value: unknown, fallback: number): number => {
    const resolved = Number(stringOf(value));
    return Number.isFinite(resolved) && resolved > 0 ? resolved : fallback;
  };

  const handler = stringOf(properties.Handler);
  if (handler === undefined) {
    throw new CliUsageError(`${logicalId} has no Handler in the template; set Handler (e.g. index.handler).`);
  }
  const environment = isMap(properties.Environment) ? properties.Environment : {};
  const logging = isMap(properties.LoggingConfig) ? properties.LoggingConfig : {};
  return {
    logicalId,
    functionName: stringOf(properties.FunctionName),
    handler,
    runtime: stringOf(properties.Runtime),
    memoryMb: numberOf(properties.MemorySize, DEFAULT_MEMORY_MB),
    timeoutSeconds: numberOf(properties.Timeout, DEFAULT_TIMEOUT_SECONDS),
    variables: isMap(environment.Variables) ? environment.Variables : {},
    logFormat: stringOf(logging.LogFormat),
    applicationLogLevel: stringOf(logging.ApplicationLogLevel),
    logGroup: stringOf(logging.LogGroup),
  };
}
