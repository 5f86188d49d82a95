/**
 * The `--env-vars` file of `sam local invoke`: `{"Parameters": {VAR: value}, "<LogicalId>": {VAR: value}}`.
 * `Parameters` applies to every function, a function's own section overrides it, and — as in SAM CLI
 * (samcli/local/lambdafn/env_vars.py) — only variables the template declares for the function change.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-sam-cli-using-invoke.html
 */

/** Sections by name (`Parameters` or a function id), each a map of variable → value as Lambda sees it. */
export type EnvVarsFile = ReadonlyMap<string, ReadonlyMap<string, string>>;

export type EnvVarsFileResult = { readonly ok: true; readonly file: EnvVarsFile } | { readonly ok: false; readonly reason: string };

/** SAM CLI's stringification: booleans as `true`/`false`, numbers as text, null, lists and maps as ''. */
export function lambdaVariableText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Parses the file's text; a failure says what is wrong without quoting any value. */
export function parseEnvVarsFile(text: string): EnvVarsFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'is not JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, reason: 'is not a JSON object of sections ({"Parameters": {…}, "<LogicalId>": {…}})' };
  }
  const sections = new Map<string, ReadonlyMap<string, string>>();
  for (const [name, section] of Object.entries(data)) {
    if (typeof section !== 'object' || section === null || Array.isArray(section)) {
      return { ok: false, reason: `has a section '${name}' that is not an object of VARIABLE: value` };
    }
    sections.set(name, new Map(Object.entries(section).map(([key, value]) => [key, lambdaVariableText(value)])));
  }
  return { ok: true, file: sections };
}

/**
 * The overrides for one function: `Parameters` first, then the first section named by one of `names`
 * (SAM CLI tries the logical id, then the function's name) on top.
 */
export function overridesFor(file: EnvVarsFile, names: readonly string[]): ReadonlyMap<string, string> {
  const overrides = new Map(file.get('Parameters') ?? []);
  const own = names.map((name) => file.get(name)).find((section) => section !== undefined);
  for (const [key, value] of own ?? []) overrides.set(key, value);
  return overrides;
}
