import { UnresolvableIntrinsicError } from '../template/errors';
import type { Template } from '../template/load-template';
import { intrinsicResolver } from '../template/resolve-intrinsics';
import { LOCAL_ACCOUNT_ID, NO_VALUE, type SymbolTable } from '../template/symbol-table';
import { lambdaVariableText } from './env-vars-file';
import type { FunctionConfig } from './function-config';

/** The function's template variables, resolved, and a note for each one that got a made-up or empty value. */
export interface TemplateVariables {
  readonly values: ReadonlyMap<string, string>;
  /** Variable name → why its value is a placeholder or empty (never the value itself). */
  readonly notes: ReadonlyMap<string, string>;
}

/**
 * Resolves each of `variables` like `sam local invoke`: parameters → their value, pseudo parameters,
 * conditions; a Ref to a resource → its logical id, Fn::GetAtt …Arn → a made-up ARN; anything else only a
 * deployed stack knows → '' (SAM CLI's blank). A variable that is `AWS::NoValue` is left out, as it
 * would be in the deployed function.
 */
export function resolveTemplateVariables(
  variables: Readonly<Record<string, unknown>>,
  template: Template,
  symbols: SymbolTable,
): TemplateVariables {
  const values = new Map<string, string>();
  const notes = new Map<string, string>();
  for (const [name, raw] of Object.entries(variables)) {
    const placeholders: string[] = [];
    const resolver = intrinsicResolver({ template, symbols, onPlaceholder: (what) => placeholders.push(what) });
    try {
      const value = resolver.resolve(raw);
      if (value === NO_VALUE) continue;
      values.set(name, lambdaVariableText(value));
      if (placeholders.length > 0) notes.set(name, `is a placeholder: ${placeholders.join('; ')}`);
    } catch (error) {
      if (!(error instanceof UnresolvableIntrinsicError)) throw error;
      values.set(name, '');
      notes.set(name, `is empty: ${error.message}`);
    }
  }
  return { values, notes };
}

export interface LambdaEnvironmentInput {
  readonly fn: FunctionConfig;
  readonly variables: ReadonlyMap<string, string>;
  /** The shell's environment: like SAM CLI, it wins over the template for variables the template declares. */
  readonly shell: Readonly<Record<string, string | undefined>>;
  /** From the `--env-vars` file; wins over everything, for declared variables only. */
  readonly overrides: ReadonlyMap<string, string>;
  readonly region: string;
  readonly taskRoot: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
}

/** Which source gave each declared variable its value. */
export type VariableSource = 'template' | 'shell' | 'env-vars';

/**
 * The environment the handler runs with: the variables Lambda (and SAM CLI) set, then each declared
 * variable from the env-vars file, else the shell, else the template.
 */
export function lambdaEnvironment(input: LambdaEnvironmentInput): {
  env: Record<string, string>;
  sources: ReadonlyMap<string, VariableSource>;
} {
  const { fn } = input;
  const env = new Map<string, string>([
    ['AWS_SAM_LOCAL', 'true'],
    ['AWS_EXECUTION_ENV', `AWS_Lambda_${fn.runtime ?? 'nodejs'}`],
    ['AWS_LAMBDA_FUNCTION_NAME', fn.logicalId],
    ['AWS_LAMBDA_FUNCTION_MEMORY_SIZE', String(fn.memoryMb)],
    ['AWS_LAMBDA_FUNCTION_TIMEOUT', String(fn.timeoutSeconds)],
    ['AWS_LAMBDA_FUNCTION_HANDLER', fn.handler],
    ['AWS_LAMBDA_FUNCTION_VERSION', '$LATEST'],
    ['AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand'],
    ['AWS_LAMBDA_LOG_GROUP_NAME', input.logGroupName],
    ['AWS_LAMBDA_LOG_STREAM_NAME', input.logStreamName],
    ['AWS_REGION', input.region],
    ['AWS_DEFAULT_REGION', input.region],
    ['AWS_ACCOUNT_ID', LOCAL_ACCOUNT_ID],
    ['LAMBDA_TASK_ROOT', input.taskRoot],
    ['_HANDLER', fn.handler],
  ]);
  if (fn.logFormat) {
    env.set('AWS_LAMBDA_LOG_FORMAT', fn.logFormat);
    if (fn.logFormat.toUpperCase() === 'JSON') env.set('AWS_LAMBDA_LOG_LEVEL', fn.applicationLogLevel ?? 'INFO');
  }
  const sources = new Map<string, VariableSource>();
  for (const [name, value] of input.variables) {
    const shellValue = Object.hasOwn(input.shell, name) ? input.shell[name] : undefined;
    const override = input.overrides.get(name);
    if (override !== undefined) {
      env.set(name, override);
      sources.set(name, 'env-vars');
    } else if (shellValue !== undefined) {
      env.set(name, shellValue);
      sources.set(name, 'shell');
    } else {
      env.set(name, value);
      sources.set(name, 'template');
    }
  }
  return { env: Object.fromEntries(env), sources };
}
