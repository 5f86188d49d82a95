import type { Template } from './load-template';

/** What `{ "Ref": "AWS::NoValue" }` resolves to: the property (or list item) is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
export type NoValue = typeof NO_VALUE;

/** The value of a parameter or pseudo parameter: a string, or a list for `CommaDelimitedList`/`List<…>`. */
export type SymbolValue = string | readonly string[];

/** Made-up account and stack the way `sam local invoke` makes them up (samcli IntrinsicsSymbolTable). */
export const LOCAL_ACCOUNT_ID = '123456789012';
export const LOCAL_STACK_NAME = 'local';
const LOCAL_STACK_UUID = '51af3dc0-da77-11e4-872e-1234567db123';
export const DEFAULT_REGION = 'us-east-1';

/** The names a template may `Ref` without declaring them. */
export const PSEUDO_PARAMETERS = [
  'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region',
  'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix',
] as const;

/** The partition of a region: `aws-cn` for cn-*, `aws-us-gov` for us-gov-*, else `aws`. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The made-up ARN of function `name` in `region`, as SAM CLI makes it up for the local account. */
export function localFunctionArn(region: string, name: string): string {
  return `arn:${partitionOf(region)}:lambda:${region}:${LOCAL_ACCOUNT_ID}:function:${name}`;
}

/** Parameters and pseudo parameters by name, as a local run sees them. */
export interface SymbolTable {
  readonly region: string;
  /** Pseudo parameters (`AWS::Region`…); `AWS::NoValue` maps to {@link NO_VALUE}. */
  readonly pseudo: ReadonlyMap<string, SymbolValue | NoValue>;
  /** Template parameters that have a value: the override, else the Default. */
  readonly parameters: ReadonlyMap<string, SymbolValue>;
}

function isListType(type: unknown): boolean {
  return type === 'CommaDelimitedList' || (typeof type === 'string' && type.startsWith('List<'));
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function parameterValue(definition: Record<string, unknown>, raw: unknown): SymbolValue | undefined {
  if (Array.isArray(raw)) return raw.map((item) => scalarText(item) ?? '');
  const text = scalarText(raw);
  if (text === undefined) return undefined;
  // CloudFormation hands a list parameter to intrinsics as a list (and so does SAM CLI).
  return isListType(definition.Type) ? text.split(',').map((item) => item.trim()) : text;
}

/**
 * Builds the symbol table: each parameter's override, else its Default; pseudo parameters as SAM CLI
 * fakes them (account 123456789012, stack `local`), with the real partition and URL suffix of `region`.
 * An override named `AWS::…` replaces that pseudo parameter, as `sam local invoke --parameter-overrides` does.
 */
export function buildSymbolTable(
  template: Template,
  overrides: ReadonlyMap<string, string>,
  region: string,
): SymbolTable {
  const effectiveRegion = overrides.get('AWS::Region') ?? region;
  const partition = partitionOf(effectiveRegion);
  const pseudo = new Map<string, SymbolValue | NoValue>([
    ['AWS::AccountId', LOCAL_ACCOUNT_ID],
    ['AWS::NotificationARNs', []],
    ['AWS::NoValue', NO_VALUE],
    ['AWS::Partition', partition],
    ['AWS::Region', effectiveRegion],
    ['AWS::StackId', `arn:${partition}:cloudformation:${effectiveRegion}:${LOCAL_ACCOUNT_ID}:stack/${LOCAL_STACK_NAME}/${LOCAL_STACK_UUID}`],
    ['AWS::StackName', LOCAL_STACK_NAME],
    ['AWS::URLSuffix', partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com'],
  ]);
  for (const [name, value] of overrides) {
    if (name.startsWith('AWS::') && name !== 'AWS::NoValue') pseudo.set(name, value);
  }
  const parameters = new Map<string, SymbolValue>();
  for (const [name, definition] of Object.entries(template.Parameters ?? {})) {
    const raw = overrides.has(name) ? overrides.get(name) : definition.Default;
    const value = parameterValue(definition, raw);
    if (value !== undefined) parameters.set(name, value);
  }
  return { region: effectiveRegion, pseudo, parameters };
}
