/**
 * EventBridge event patterns, matched the way EventBridge documents them
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html and
 * eb-create-pattern-operators.html):
 * - every field named in the pattern must match (AND); the values listed for a field are alternatives (OR);
 * - a field whose value is an array in the event matches when any element matches;
 * - nested pattern objects match nested event objects (an array of objects: any element);
 * - exact values compare by JSON type: `"300"` is not `300`, numbers compare numerically (`300` = `300.0`),
 *   `null` matches only null and `""` only the empty string;
 * - operators: prefix, suffix (each also with equals-ignore-case), equals-ignore-case, wildcard,
 *   anything-but (value, list, prefix, suffix, equals-ignore-case, wildcard), numeric, cidr, exists, `$or`;
 * - operators other than `exists: false` need the field to be present with a leaf value (an empty array counts
 *   as absent); `anything-but` never matches a missing field.
 */
import { cidrMatcher } from './cidr-match';

export type PatternCompilation = { ok: true; matches: (event: unknown) => boolean } | { ok: false; reason: string };

type Leaf = string | number | boolean | null;
type LeafTest = (value: Leaf) => boolean;
/** A field's condition: its leaf values (empty when the field is absent) → match. */
type FieldTest = (values: readonly Leaf[]) => boolean;
type ObjectTest = (value: unknown) => boolean;

class PatternSyntaxError extends Error {
  override name = 'PatternSyntaxError';
}

function invalid(message: string): never {
  throw new PatternSyntaxError(message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLeaf(value: unknown): value is Leaf {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function ownField(value: unknown, key: string): unknown {
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** The leaf values of an event field: arrays (nested ones too) are flattened; objects are not leaves. */
function leafValues(value: unknown, out: Leaf[] = []): Leaf[] {
  if (Array.isArray(value)) for (const item of value) leafValues(item, out);
  else if (isLeaf(value)) out.push(value);
  return out;
}

function text(value: unknown, where: string): string {
  return typeof value === 'string' ? value : invalid(`${where} needs a string`);
}

/** `*` matches any run of characters; `\*` is a literal star and `\\` a literal backslash. */
function wildcardTest(pattern: string): (value: string) => boolean {
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\' && (pattern[i + 1] === '*' || pattern[i + 1] === '\\')) source += `\\${pattern[++i]}`;
    else if (char === '*') {
      if (pattern[i + 1] === '*') invalid('wildcard patterns cannot hold consecutive *');
      source += '[\\s\\S]*';
    } else source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  const regex = new RegExp(`${source}$`);
  return (value) => regex.test(value);
}

/** A string condition: prefix, suffix, equals-ignore-case, wildcard, optionally case-insensitive. */
function stringTest(operator: string, operand: unknown): (value: string) => boolean {
  if (operator === 'wildcard') return wildcardTest(text(operand, 'wildcard'));
  if (operator === 'equals-ignore-case') {
    const expected = text(operand, 'equals-ignore-case').toLowerCase();
    return (value) => value.toLowerCase() === expected;
  }
  if (operator === 'prefix' || operator === 'suffix') {
    const ignoreCase = isObject(operand);
    const affix = ignoreCase ? text(operand['equals-ignore-case'], `${operator} equals-ignore-case`) : text(operand, operator);
    const needle = ignoreCase ? affix.toLowerCase() : affix;
    return operator === 'prefix'
      ? (value) => (ignoreCase ? value.toLowerCase() : value).startsWith(needle)
      : (value) => (ignoreCase ? value.toLowerCase() : value).endsWith(needle);
  }
  return invalid(`unknown operator ${operator}`);
}

function sameLeaf(a: Leaf, b: Leaf): boolean {
  return a === b;
}

function numericTest(operand: unknown): LeafTest {
  if (!Array.isArray(operand) || (operand.length !== 2 && operand.length !== 4)) invalid('numeric takes one or two comparisons');
  const checks: ((n: number) => boolean)[] = [];
  const kinds: string[] = [];
  for (let i = 0; i < operand.length; i += 2) {
    const op = operand[i];
    const bound = operand[i + 1];
    if (typeof bound !== 'number' || !Number.isFinite(bound)) invalid('numeric bounds must be numbers');
    switch (op) {
      case '=': checks.push((n) => n === bound); kinds.push('='); break;
      case '<': checks.push((n) => n < bound); kinds.push('upper'); break;
      case '<=': checks.push((n) => n <= bound); kinds.push('upper'); break;
      case '>': checks.push((n) => n > bound); kinds.push('lower'); break;
      case '>=': checks.push((n) => n >= bound); kinds.push('lower'); break;
      default: invalid(`numeric operator ${String(op)} is not =, <, <=, > or >=`);
    }
  }
  if (kinds.length === 2 && !(kinds.includes('lower') && kinds.includes('upper'))) {
    invalid('numeric with two comparisons needs a lower and an upper bound');
  }
  return (value) => typeof value === 'number' && checks.every((check) => check(value));
}

function anythingButTest(operand: unknown): LeafTest {
  if (isObject(operand)) {
    const entries = Object.entries(operand);
    if (entries.length !== 1) invalid('anything-but takes one operator');
    const [operator, inner] = entries[0]!;
    const tests = (Array.isArray(inner) && (operator === 'equals-ignore-case' || operator === 'wildcard') ? inner : [inner]).map((item) =>
      stringTest(operator, item),
    );
    return (value) => typeof value === 'string' && !tests.some((test) => test(value));
  }
  const excluded = Array.isArray(operand) ? operand : [operand];
  if (excluded.length === 0 || !excluded.every((item) => typeof item === 'string' || typeof item === 'number')) {
    invalid('anything-but takes a string, a number, a list of them, or one of prefix, suffix, equals-ignore-case, wildcard');
  }
  return (value) => !excluded.some((item) => sameLeaf(item as Leaf, value));
}

/** One entry of a field's list: a value, or an operator object. */
function conditionTest(condition: unknown): FieldTest {
  if (isLeaf(condition)) return (values) => values.some((value) => sameLeaf(condition, value));
  if (!isObject(condition)) return invalid('a field lists values or operator objects, not nested arrays');
  const entries = Object.entries(condition);
  if (entries.length !== 1) invalid('an operator object holds exactly one operator');
  const [operator, operand] = entries[0]!;
  let test: LeafTest;
  switch (operator) {
    case 'exists':
      if (typeof operand !== 'boolean') invalid('exists takes true or false');
      return (values) => (values.length > 0) === operand;
    case 'anything-but':
      test = anythingButTest(operand);
      break;
    case 'numeric':
      test = numericTest(operand);
      break;
    case 'cidr': {
      const inRange = cidrMatcher(text(operand, 'cidr'));
      if (inRange === undefined) invalid('cidr needs an IPv4 or IPv6 network such as 10.0.0.0/24');
      test = (value) => typeof value === 'string' && inRange(value);
      break;
    }
    case 'prefix':
    case 'suffix':
    case 'equals-ignore-case':
    case 'wildcard': {
      const matchString = stringTest(operator, operand);
      test = (value) => typeof value === 'string' && matchString(value);
      break;
    }
    default:
      return invalid(`unknown operator ${operator}`);
  }
  return (values) => values.some(test);
}

function fieldTest(conditions: unknown[], key: string): FieldTest {
  if (conditions.length === 0) invalid(`${key} lists no values; EventBridge needs at least one`);
  const tests = conditions.map(conditionTest);
  return (values) => tests.some((test) => test(values));
}

function objectTest(pattern: unknown, path: string): ObjectTest {
  if (!isObject(pattern)) invalid(`${path || 'the pattern'} must be an object`);
  const tests: ObjectTest[] = [];
  for (const [key, spec] of Object.entries(pattern)) {
    const here = path ? `${path}.${key}` : key;
    if (key === '$or') {
      if (!Array.isArray(spec) || spec.length < 2) invalid(`$or at ${path || 'the top'} needs a list of at least two patterns`);
      const alternatives = spec.map((alternative) => objectTest(alternative, path));
      tests.push((value) => alternatives.some((test) => test(value)));
    } else if (Array.isArray(spec)) {
      const test = fieldTest(spec, here);
      tests.push((value) => test(leafValues(ownField(value, key))));
    } else if (isObject(spec)) {
      const nested = objectTest(spec, here);
      tests.push((value) => {
        const field = ownField(value, key);
        // An array of objects matches when one of its objects does.
        return Array.isArray(field) && field.some(isObject) ? field.some((item) => isObject(item) && nested(item)) : nested(field);
      });
    } else {
      invalid(`${here} must be a list of values or a nested pattern`);
    }
  }
  return (value) => tests.every((test) => test(value));
}

/**
 * Compiles an EventBridge pattern (an object, or its JSON text as CloudFormation also accepts) into a
 * matcher. An invalid pattern is a value, not an exception.
 * @example compileEventPattern({ source: ['aws.cognito-idp'], detail: { readOnly: [false] } })
 */
export function compileEventPattern(pattern: unknown): PatternCompilation {
  try {
    const value = typeof pattern === 'string' ? (JSON.parse(pattern) as unknown) : pattern;
    const test = objectTest(value, '');
    return { ok: true, matches: (event) => test(event) };
  } catch (error) {
    if (error instanceof PatternSyntaxError) return { ok: false, reason: error.message };
    if (error instanceof SyntaxError) return { ok: false, reason: 'the pattern is not JSON' };
    throw error;
  }
}
