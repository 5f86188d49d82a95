import type { Template } from '../../../cli/template/load-template';
import { type ExtraFunction, type IntrinsicResolver, intrinsicResolver } from '../../../cli/template/resolve-intrinsics';
import { buildSymbolTable } from '../../../cli/template/symbol-table';

/**
 * What CloudFormation decides from parameter values alone: `Conditions`, `Rules` assertions and `Fn::If`
 * branches. cfn-lint checks the structure of `Rules` but never evaluates them, so this is how the tests
 * learn which parameter combinations a deploy accepts.
 *
 * The conditions are evaluated by the CLI's own resolver (cli/template/resolve-intrinsics.ts, which
 * `invoke` and `replay` use), not by a second copy: the oracle of the template tests is what they expect
 * (which resources a parameter set creates, which combinations Rules refuse), written by hand, so a wrong
 * evaluator fails them either way, and every condition of both templates exercises the CLI's evaluator.
 * Added here: the Rules section's own functions (Fn::Contains, Fn::EachMemberEquals), and strictness — a
 * condition that needs a value only a deployed stack has (a resource's Ref or attribute, a parameter
 * without a default) throws, and so does any function the resolver does not know.
 */

export type ParameterValues = Readonly<Record<string, string>>;

export interface EvaluationContext {
  /** Every parameter's value: the one given, else its Default. */
  readonly parameters: ParameterValues;
  readonly resolver: IntrinsicResolver;
}

/** The stack the tests deploy in their heads; the account is the CLI's local one (123456789012). */
const REGION = 'eu-west-1';
const STACK_NAME = 'o2-cognito';

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

function list(value: unknown, fn: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${fn} takes a list.`);
  return value;
}

/**
 * The rule-specific functions of the Rules section
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/rules-section-structure.html).
 */
const RULE_FUNCTIONS: Readonly<Record<string, ExtraFunction>> = {
  'Fn::Contains': (argument, resolve) => {
    const [haystack, needle] = list(argument, 'Fn::Contains');
    return list(resolve(haystack), 'Fn::Contains').map(String).includes(String(resolve(needle)));
  },
  'Fn::EachMemberEquals': (argument, resolve) => {
    const [members, value] = list(argument, 'Fn::EachMemberEquals');
    return list(resolve(members), 'Fn::EachMemberEquals').every((member) => String(member) === String(resolve(value)));
  },
};

export function contextFor(template: Template, given: ParameterValues = {}): EvaluationContext {
  const parameters = parameterValues(template, given);
  const symbols = buildSymbolTable(template, new Map([...Object.entries(parameters), ['AWS::StackName', STACK_NAME]]), REGION);
  const resolver = intrinsicResolver({
    template,
    symbols,
    extraFunctions: RULE_FUNCTIONS,
    onPlaceholder: (what) => {
      throw new Error(`A condition must follow from parameter values alone, but it needs ${what}.`);
    },
  });
  return { parameters, resolver };
}

/** The value of a scalar expression: a literal, a Ref, or a condition function (as true/false). */
export function evaluate(expr: unknown, ctx: EvaluationContext): unknown {
  return ctx.resolver.resolve(expr);
}

/** A condition expression (or a named condition's body) evaluated to a boolean. */
export function evaluateCondition(expr: unknown, ctx: EvaluationContext): boolean {
  return ctx.resolver.evaluateCondition(expr);
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
