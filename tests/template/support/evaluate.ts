import type { Template } from '../../../cli/template/load-template';

/**
 * A small evaluator for what CloudFormation decides from parameter values alone: `Conditions`, `Rules`
 * assertions and `Fn::If` branches. cfn-lint checks the structure of `Rules` but never evaluates them, so
 * this is how the tests learn which parameter combinations a deploy accepts.
 * Supported: Fn::Equals, Fn::Not, Fn::And, Fn::Or, Fn::Contains, Fn::EachMemberEquals, Fn::Join, Ref
 * (parameters — a CommaDelimitedList one as its list — and a few pseudo parameters), Condition; anything
 * else throws, so an unsupported construct cannot pass silently.
 */

export type ParameterValues = Readonly<Record<string, string>>;

export interface EvaluationContext {
  readonly parameters: ParameterValues;
  readonly conditions: Readonly<Record<string, unknown>>;
  /** Parameters of type CommaDelimitedList: Ref gives their value split at the commas. */
  readonly lists?: ReadonlySet<string>;
}

const PSEUDO_PARAMETERS: ParameterValues = {
  'AWS::AccountId': '123456789012',
  'AWS::Region': 'eu-west-1',
  'AWS::Partition': 'aws',
  'AWS::StackName': 'o2-cognito',
  'AWS::URLSuffix': 'amazonaws.com',
};

/** Default parameter values overridden by `given`; a parameter without a default must be given. */
export function parameterValues(template: Template, given: ParameterValues = {}): ParameterValues {
  const values: Record<string, string> = {};
  for (const [name, spec] of Object.entries(template.Parameters ?? {})) {
    const value = given[name] ?? (spec.Default === undefined ? undefined : String(spec.Default));
    if (value === undefined) throw new Error(`Parameter ${name} has no default; give it a value.`);
    values[name] = value;
  }
  for (const name of Object.keys(given)) {
    if (!(name in values)) throw new Error(`Parameter ${name} is not in the template.`);
  }
  return values;
}

export function contextFor(template: Template, given: ParameterValues = {}): EvaluationContext {
  const lists = new Set(Object.entries(template.Parameters ?? {}).filter(([, spec]) => spec.Type === 'CommaDelimitedList').map(([name]) => name));
  return { parameters: parameterValues(template, given), conditions: template.Conditions ?? {}, lists };
}

function only(expr: Record<string, unknown>): [string, unknown] {
  const keys = Object.keys(expr);
  if (keys.length !== 1) throw new Error(`Expected one intrinsic function, got keys ${keys.join(', ')}.`);
  const key = keys[0] as string;
  return [key, expr[key]];
}

function list(value: unknown, fn: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${fn} takes a list.`);
  return value;
}

/** The value of a scalar expression: a literal, a Ref, or a condition function (as 'true'/'false'). */
export function evaluate(expr: unknown, ctx: EvaluationContext): unknown {
  if (typeof expr !== 'object' || expr === null) return expr;
  if (Array.isArray(expr)) return expr.map((item) => evaluate(item, ctx));
  const [fn, arg] = only(expr as Record<string, unknown>);
  switch (fn) {
    case 'Ref': {
      const name = String(arg);
      const value = ctx.parameters[name] ?? PSEUDO_PARAMETERS[name];
      if (value === undefined) throw new Error(`Ref ${name} is not a parameter.`);
      return ctx.lists?.has(name) ? value.split(',') : value;
    }
    case 'Condition':
      return evaluateCondition(ctx.conditions[String(arg)] ?? missing(String(arg)), ctx);
    case 'Fn::Equals': {
      const [a, b] = list(arg, fn).map((item) => String(evaluate(item, ctx)));
      return a === b;
    }
    case 'Fn::Not':
      return !evaluateCondition(list(arg, fn)[0], ctx);
    case 'Fn::And':
      return list(arg, fn).every((item) => evaluateCondition(item, ctx));
    case 'Fn::Or':
      return list(arg, fn).some((item) => evaluateCondition(item, ctx));
    case 'Fn::Contains': {
      const [haystack, needle] = list(arg, fn);
      return list(evaluate(haystack, ctx), fn).map(String).includes(String(evaluate(needle, ctx)));
    }
    case 'Fn::EachMemberEquals': {
      const [members, value] = list(arg, fn);
      return list(evaluate(members, ctx), fn).every((member) => String(member) === String(evaluate(value, ctx)));
    }
    case 'Fn::Join': {
      const [delimiter, parts] = list(arg, fn);
      return list(evaluate(parts, ctx), fn).map(String).join(String(delimiter));
    }
    default:
      throw new Error(`The evaluator does not support ${fn}.`);
  }
}

function missing(name: string): never {
  throw new Error(`Condition ${name} is not defined.`);
}

/** A condition expression (or a named condition's body) evaluated to a boolean. */
export function evaluateCondition(expr: unknown, ctx: EvaluationContext): boolean {
  const value = evaluate(expr, ctx);
  if (typeof value !== 'boolean') throw new Error(`Expected a condition, got ${JSON.stringify(value)}.`);
  return value;
}

/** The AssertDescription of every Rules assertion that fails for these parameter values. */
export function failedRules(template: Template, given: ParameterValues = {}): string[] {
  const ctx = contextFor(template, given);
  const failures: string[] = [];
  const rules = (template.Rules ?? {}) as Record<string, { RuleCondition?: unknown; Assertions?: unknown[] }>;
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.RuleCondition !== undefined && !evaluateCondition(rule.RuleCondition, ctx)) continue;
    for (const assertion of rule.Assertions ?? []) {
      const { Assert, AssertDescription } = assertion as { Assert: unknown; AssertDescription?: string };
      if (!evaluateCondition(Assert, ctx)) failures.push(AssertDescription ?? `Rule ${name} fails.`);
    }
  }
  return failures;
}

const NO_VALUE = { Ref: 'AWS::NoValue' };
const isNoValue = (value: unknown): boolean => JSON.stringify(value) === JSON.stringify(NO_VALUE);

/**
 * `value` as CloudFormation would see it for these parameters: every Fn::If replaced by its chosen branch,
 * AWS::NoValue removed (an object key disappears, a list item is dropped). Other intrinsics stay as they are.
 */
export function resolveIfs(value: unknown, ctx: EvaluationContext): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    return value.map((item) => resolveIfs(item, ctx)).filter((item) => item !== undefined && !isNoValue(item));
  }
  const record = value as Record<string, unknown>;
  if ('Fn::If' in record && Object.keys(record).length === 1) {
    const [condition, whenTrue, whenFalse] = list(record['Fn::If'], 'Fn::If');
    const chosen = evaluateCondition({ Condition: condition }, ctx) ? whenTrue : whenFalse;
    return isNoValue(chosen) ? undefined : resolveIfs(chosen, ctx);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    const resolved = resolveIfs(item, ctx);
    if (resolved !== undefined && !isNoValue(resolved)) out[key] = resolved;
  }
  return out;
}

/** Whether a resource (or output) with a `Condition` exists for these parameters. */
export function exists(entry: { Condition?: unknown }, ctx: EvaluationContext): boolean {
  return entry.Condition === undefined || evaluateCondition({ Condition: entry.Condition }, ctx);
}

/** Every value `value` can take, whatever the conditions: both branches of each top-level Fn::If. */
export function branches(value: unknown): unknown[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'Fn::If' in value) {
    const [, whenTrue, whenFalse] = (value as { 'Fn::If': unknown[] })['Fn::If'];
    return [...branches(whenTrue), ...branches(whenFalse)].filter((item) => !isNoValue(item));
  }
  return [value];
}
