import type { Template } from './load-template';
import { PSEUDO_PARAMETERS } from './symbol-table';

/** The option that takes several values, as SAM CLI's does. */
export const PARAMETER_OVERRIDES_OPTION = '--parameter-overrides';

/**
 * `--parameter-overrides A=1 B=2`, as SAM CLI takes it (docs/cli.md and --help examples): the words after the
 * option belong to it, as `--parameter-overrides A=1 --parameter-overrides B=2` would, so that
 * node:util parseArgs (one value per option) reads them all. Only words holding `=` are taken, and none after
 * `--`: a function id after the pairs (`invoke --parameter-overrides A=1 TransformFunction`) stays positional.
 * One quoted string (`"A=1 B=2"`) and SAM's `ParameterKey=A,ParameterValue=1` form pass through unchanged.
 */
export function spreadParameterOverrides(argv: readonly string[]): string[] {
  const out: string[] = [];
  let taking = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (taking && !word.startsWith('-') && word.includes('=')) {
      out.push(PARAMETER_OVERRIDES_OPTION, word);
      continue;
    }
    taking = false;
    out.push(word);
    if (word === PARAMETER_OVERRIDES_OPTION && i + 1 < argv.length) {
      // Its first value is its own, whatever it holds: the parser then says what is wrong with it.
      out.push(argv[++i]!);
      taking = true;
    } else if (word.startsWith(`${PARAMETER_OVERRIDES_OPTION}=`)) taking = true;
  }
  return out;
}

export type ParameterOverridesResult =
  | { readonly ok: true; readonly overrides: ReadonlyMap<string, string> }
  | { readonly ok: false; readonly reason: string };

/** Splits on whitespace outside single or double quotes, dropping the quotes (as a shell would). */
function tokens(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g)) {
    found.push(match[0].replace(/"([^"]*)"|'([^']*)'/g, (_all, double?: string, single?: string) => double ?? single ?? ''));
  }
  return found;
}

function pairOf(token: string): [string, string] | undefined {
  const long = /^ParameterKey=([^,]+),ParameterValue=(.*)$/s.exec(token);
  if (long) return [long[1]!, long[2]!];
  const short = /^([^=]+)=(.*)$/s.exec(token);
  return short ? [short[1]!, short[2]!] : undefined;
}

/** A parameter's own constraints: AllowedValues, else AllowedPattern (which must match the whole value). */
function violation(name: string, value: string, definition: Record<string, unknown>): string | undefined {
  const allowed = definition.AllowedValues;
  if (Array.isArray(allowed) && !allowed.map(String).includes(value)) {
    return `--parameter-overrides ${name} must be one of ${allowed.map(String).join(', ')}`;
  }
  const pattern = definition.AllowedPattern;
  if (typeof pattern === 'string' && !new RegExp(`^(?:${pattern})$`, 's').test(value)) {
    return `--parameter-overrides ${name} does not match its AllowedPattern ${pattern}`;
  }
  return undefined;
}

/**
 * Parses `--parameter-overrides` values the way SAM CLI accepts them — `Key=Value` pairs or
 * `ParameterKey=Key,ParameterValue=Value`, several per argument separated by spaces — and checks each key
 * names a template parameter (or a pseudo parameter such as `AWS::Region`) and each value its constraints.
 * The reason of a failure never quotes the value, which may be a secret.
 */
export function parseParameterOverrides(values: readonly string[], template: Template): ParameterOverridesResult {
  const overrides = new Map<string, string>();
  const parameters = template.Parameters ?? {};
  for (const token of values.flatMap(tokens)) {
    const pair = pairOf(token);
    if (!pair) return { ok: false, reason: `--parameter-overrides takes Key=Value pairs, and one item has no '='` };
    const [name, value] = pair;
    const definition = Object.hasOwn(parameters, name) ? parameters[name] : undefined;
    if (!definition && !(PSEUDO_PARAMETERS as readonly string[]).includes(name)) {
      const names = Object.keys(parameters).join(', ') || '(none)';
      return { ok: false, reason: `--parameter-overrides names ${name}, which is not a template parameter; use one of ${names}` };
    }
    const problem = definition ? violation(name, value, definition) : undefined;
    if (problem) return { ok: false, reason: problem };
    overrides.set(name, value);
  }
  return { ok: true, overrides };
}
