import type { Template } from './load-template';
import { UnresolvableIntrinsicError } from './errors';
import { localFunctionArn, NO_VALUE, type SymbolTable } from './symbol-table';

/** What the resolver needs: the template (Resources, Conditions, Mappings) and the symbol table. */
export interface ResolveScope {
  readonly template: Template;
  readonly symbols: SymbolTable;
  /** Told whenever a made-up value stands in for one only a deployed stack has (e.g. "Ref Bucket → 'Bucket'"). */
  readonly onPlaceholder?: (description: string) => void;
  /**
   * Functions a template section allows beyond those of Resources and Conditions, such as the Rules
   * section's `Fn::Contains` and `Fn::EachMemberEquals`; each gets its argument unresolved and `resolve`.
   */
  readonly extraFunctions?: Readonly<Record<string, ExtraFunction>>;
}

/** An intrinsic function given through {@link ResolveScope.extraFunctions}. */
export type ExtraFunction = (argument: unknown, resolve: (value: unknown) => unknown) => unknown;

/** Resolves intrinsic functions the way `sam local invoke` does, with CloudFormation's semantics. */
export interface IntrinsicResolver {
  /** The value with every intrinsic replaced; {@link NO_VALUE} when it is `AWS::NoValue`. */
  resolve(value: unknown): unknown;
  /** The truth of a named condition from the template's `Conditions`. */
  condition(name: string): boolean;
  /** The truth of a condition expression (`Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, `Condition`). */
  evaluateCondition(value: unknown): boolean;
}

/** True for `{ Ref: … }` and `{ 'Fn::…': … }`: one key naming an intrinsic function. */
export function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}

const STACK_ONLY = new Set(['Fn::ImportValue', 'Fn::GetAZs', 'Fn::Cidr', 'Fn::Transform', 'Fn::Length', 'Fn::ToJsonString']);

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function fail(message: string): never {
  throw new UnresolvableIntrinsicError(message);
}

function pair(argument: unknown, name: string, size: number): unknown[] {
  if (!Array.isArray(argument) || argument.length !== size) fail(`${name} takes a list of ${size} items`);
  return argument;
}

/**
 * Creates a resolver for Ref (parameters, pseudo parameters, resources), Fn::GetAtt, Fn::Sub, Fn::Join,
 * Fn::Select, Fn::Split, Fn::If, Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition, Fn::FindInMap and
 * Fn::Base64. Like SAM CLI, a `Ref` to a resource gives its logical id and `Fn::GetAtt X.Arn` a made-up
 * Lambda ARN (both reported through `onPlaceholder`); other attributes, Fn::ImportValue and the like
 * throw {@link UnresolvableIntrinsicError}. Unlike SAM CLI, only the chosen branch of Fn::If is resolved.
 */
export function intrinsicResolver(scope: ResolveScope): IntrinsicResolver {
  const { template, symbols } = scope;
  const conditionValues = new Map<string, boolean>();
  const evaluating = new Set<string>();

  const placeholder = (value: string, description: string): string => {
    scope.onPlaceholder?.(description);
    return value;
  };

  const text = (value: unknown, where: string): string => {
    if (isScalar(value)) return String(value);
    return fail(`${where} must resolve to a string`);
  };

  function ref(argument: unknown): unknown {
    const name = text(argument, 'Ref');
    const pseudo = symbols.pseudo.get(name);
    if (pseudo !== undefined) return pseudo;
    const parameter = symbols.parameters.get(name);
    if (parameter !== undefined) return parameter;
    if (template.Parameters?.[name]) {
      return placeholder(name, `parameter ${name} has no Default → '${name}' (pass --parameter-overrides ${name}=VALUE)`);
    }
    if (template.Resources[name]) return placeholder(name, `Ref ${name} → '${name}'`);
    return fail(`Ref ${name} names no parameter or resource`);
  }

  function getAtt(id: string, attribute: string): string {
    const resource = template.Resources[id];
    if (!resource) fail(`Fn::GetAtt ${id}.${attribute} names no resource`);
    if (attribute !== 'Arn') fail(`Fn::GetAtt ${id}.${attribute} is known only to a deployed stack`);
    const functionName = resource.Properties?.FunctionName;
    const name = typeof functionName === 'string' ? functionName : id;
    const arn = localFunctionArn(symbols.region, name);
    return placeholder(arn, `Fn::GetAtt ${id}.Arn → '${arn}'`);
  }

  function getAttIntrinsic(argument: unknown): string {
    if (typeof argument === 'string') {
      const dot = argument.indexOf('.');
      if (dot <= 0) fail('Fn::GetAtt takes "Resource.Attribute" or [Resource, Attribute]');
      return getAtt(argument.slice(0, dot), argument.slice(dot + 1));
    }
    const [id, attribute] = pair(argument, 'Fn::GetAtt', 2);
    return getAtt(text(id, 'Fn::GetAtt'), text(resolve(attribute), 'Fn::GetAtt'));
  }

  function sub(argument: unknown): string {
    const [source, variables] = typeof argument === 'string' ? [argument, {}] : pair(argument, 'Fn::Sub', 2);
    if (typeof source !== 'string') fail('Fn::Sub needs a string to substitute into');
    if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
      fail('the second item of Fn::Sub must be a map of variables');
    }
    const values = new Map(Object.entries(variables).map(([name, value]) => [name, resolve(value)]));
    return source.replace(/\$\{([^}]*)\}/g, (_whole, name: string) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      if (values.has(name)) return text(values.get(name), `\${${name}} in Fn::Sub`);
      const dot = name.indexOf('.');
      if (dot > 0) {
        try {
          return getAtt(name.slice(0, dot), name.slice(dot + 1));
        } catch (error) {
          if (!(error instanceof UnresolvableIntrinsicError)) throw error;
          // SAM CLI substitutes `$Resource.Attribute` for an attribute it cannot know.
          return placeholder(`$${name}`, `\${${name}} in Fn::Sub → '$${name}'`);
        }
      }
      return text(ref(name), `\${${name}} in Fn::Sub`);
    });
  }

  function list(value: unknown, where: string): unknown[] {
    const resolved = resolve(value);
    if (!Array.isArray(resolved)) fail(`${where} needs a list`);
    return resolved;
  }

  function join(argument: unknown): string {
    const [delimiter, items] = pair(argument, 'Fn::Join', 2);
    return list(items, 'Fn::Join').map((item) => text(item, 'each item of Fn::Join')).join(text(delimiter, 'Fn::Join'));
  }

  function select(argument: unknown): unknown {
    const [index, items] = pair(argument, 'Fn::Select', 2);
    const position = Number(text(resolve(index), 'the index of Fn::Select'));
    const values = list(items, 'Fn::Select');
    if (!Number.isInteger(position) || position < 0 || position >= values.length) {
      fail(`Fn::Select index ${position} is outside a list of ${values.length}`);
    }
    return values[position];
  }

  function split(argument: unknown): string[] {
    const [delimiter, source] = pair(argument, 'Fn::Split', 2);
    return text(resolve(source), 'Fn::Split').split(text(delimiter, 'Fn::Split'));
  }

  function conditionOperand(value: unknown): boolean {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const entries = Object.entries(value);
      if (entries.length === 1 && entries[0]![0] === 'Condition') return condition(text(entries[0]![1], 'Condition'));
    }
    const resolved = resolve(value);
    if (typeof resolved === 'boolean') return resolved;
    return fail('a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition');
  }

  /** A condition expression, `{ Condition: Name }` included, as a boolean. */
  function evaluateCondition(value: unknown): boolean {
    return conditionOperand(value);
  }

  function equals(argument: unknown): boolean {
    const [left, right] = pair(argument, 'Fn::Equals', 2).map(resolve);
    // CloudFormation compares the values as strings (`!Equals [!Ref Count, 0]`).
    if (isScalar(left) && isScalar(right)) return String(left) === String(right);
    return JSON.stringify(left) === JSON.stringify(right);
  }

  function operands(argument: unknown, name: string): boolean[] {
    if (!Array.isArray(argument) || argument.length === 0) fail(`${name} takes a list of conditions`);
    return argument.map(conditionOperand);
  }

  function findInMap(argument: unknown): unknown {
    const [map, top, second] = pair(argument, 'Fn::FindInMap', 3).map((key) => text(resolve(key), 'Fn::FindInMap'));
    const mappings = (template.Mappings ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
    const value = mappings[map!]?.[top!]?.[second!];
    if (value === undefined) fail(`Fn::FindInMap ${map}.${top}.${second} is not in Mappings`);
    return value;
  }

  const extra = Object.fromEntries(Object.entries(scope.extraFunctions ?? {}).map(([name, run]) => [name, (argument: unknown) => run(argument, resolve)]));
  const FUNCTIONS: Readonly<Record<string, (argument: unknown) => unknown>> = {
    ...extra,
    Ref: ref,
    'Fn::GetAtt': getAttIntrinsic,
    'Fn::Sub': sub,
    'Fn::Join': join,
    'Fn::Select': select,
    'Fn::Split': split,
    'Fn::If': (argument) => {
      const [name, whenTrue, whenFalse] = pair(argument, 'Fn::If', 3);
      return condition(text(name, 'Fn::If')) ? resolve(whenTrue) : resolve(whenFalse);
    },
    'Fn::Equals': equals,
    'Fn::And': (argument) => operands(argument, 'Fn::And').every(Boolean),
    'Fn::Or': (argument) => operands(argument, 'Fn::Or').some(Boolean),
    'Fn::Not': (argument) => !pair(argument, 'Fn::Not', 1).map(conditionOperand)[0],
    'Fn::FindInMap': findInMap,
    'Fn::Base64': (argument) => Buffer.from(text(resolve(argument), 'Fn::Base64')).toString('base64'),
  };

  function resolve(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(resolve).filter((item) => item !== NO_VALUE);
    if (typeof value !== 'object' || value === null) return value;
    if (isIntrinsic(value)) {
      const [name, argument] = Object.entries(value)[0]!;
      const handler = FUNCTIONS[name];
      if (handler) return handler(argument);
      if (STACK_ONLY.has(name)) fail(`${name} is known only to a deployed stack`);
      fail(`${name} is not an intrinsic function o2-cognito knows`);
    }
    // Object.fromEntries defines own properties, so a `__proto__` key stays data.
    const entries = Object.entries(value).map(([key, item]) => [key, resolve(item)] as const);
    return Object.fromEntries(entries.filter(([, item]) => item !== NO_VALUE));
  }

  function condition(name: string): boolean {
    const known = conditionValues.get(name);
    if (known !== undefined) return known;
    if (evaluating.has(name)) fail(`condition ${name} depends on itself`);
    const definition = template.Conditions?.[name];
    if (definition === undefined) fail(`condition ${name} is not in Conditions`);
    evaluating.add(name);
    try {
      const value = conditionOperand(definition);
      conditionValues.set(name, value);
      return value;
    } finally {
      evaluating.delete(name);
    }
  }

  return { resolve, condition, evaluateCondition };
}
