import type { Template } from '../../../cli/template/load-template';

/** Parameter checks: grouping, descriptions, constraints, types SAR accepts, NoEcho. Each returns problems. */

/** The only parameter types the Serverless Application Repository accepts (docs/reference/aws-contracts.md#sam-and-the-serverless-application-repository). */
export const SAR_PARAMETER_TYPES = ['String', 'Number', 'List<Number>', 'CommaDelimitedList'] as const;

/** Parameters a person must fill in; everything else has a default that works. */
export const REQUIRED_PARAMETERS = ['OpenObserveUrl'] as const;

/** Names that hold a credential value (not the ARN of one): they must be NoEcho. */
const SECRET_VALUE_NAME = /(AccessKey|Password|Token|ApiKey)$/;

interface ParameterGroup {
  readonly Label?: { default?: string };
  readonly Parameters?: readonly string[];
}

export function parameterGroups(template: Template): readonly ParameterGroup[] {
  const metadata = template.Metadata as Record<string, { ParameterGroups?: ParameterGroup[] }> | undefined;
  return metadata?.['AWS::CloudFormation::Interface']?.ParameterGroups ?? [];
}

export function checkParametersGrouped(template: Template): string[] {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const group of parameterGroups(template)) {
    if (!group.Label?.default) problems.push('A parameter group has no Label.');
    for (const name of group.Parameters ?? []) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  for (const name of Object.keys(template.Parameters ?? {})) {
    const count = counts.get(name) ?? 0;
    if (count !== 1) problems.push(`${name} is in ${count} parameter groups; put it in exactly one.`);
  }
  for (const name of counts.keys()) {
    if (!(name in (template.Parameters ?? {}))) problems.push(`Group member ${name} is not a parameter.`);
  }
  return problems;
}

function isConstrained(spec: Record<string, unknown>): boolean {
  if (Array.isArray(spec.AllowedValues) && spec.AllowedValues.length > 0) return true;
  if (spec.Type === 'Number') return spec.MinValue !== undefined && spec.MaxValue !== undefined;
  return typeof spec.AllowedPattern === 'string';
}

export function checkParametersDescribedAndConstrained(template: Template): string[] {
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(template.Parameters ?? {})) {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) problems.push(`${name} is not PascalCase.`);
    if (typeof spec.Description !== 'string' || spec.Description.trim().length < 20) {
      problems.push(`${name} needs a Description giving the unit and what the default means.`);
    }
    if (/[<>]/.test(String(spec.Description))) problems.push(`${name}'s Description has '<' or '>', which the parameter table of docs/parameters.md would swallow as HTML.`);
    if (!isConstrained(spec)) problems.push(`${name} has no AllowedValues, AllowedPattern or Min/MaxValue.`);
    if (!(SAR_PARAMETER_TYPES as readonly unknown[]).includes(spec.Type)) {
      problems.push(`${name} has type ${String(spec.Type)}, which SAR does not accept.`);
    }
    // SAR's ParameterDefinition types MinValue and MaxValue as integers (its API model: __integer).
    for (const bound of ['MinValue', 'MaxValue'] as const) {
      if (spec[bound] !== undefined && !Number.isInteger(Number(spec[bound]))) {
        problems.push(`${name} ${bound} ${String(spec[bound])} is not an integer, which SAR requires; use AllowedValues.`);
      }
    }
    if (spec.Default === '' && typeof spec.AllowedPattern === 'string' && !spec.AllowedPattern.startsWith('^$|')) {
      problems.push(`${name} defaults to '' but its AllowedPattern does not start with '^$|'.`);
    }
    if (Array.isArray(spec.AllowedValues) && spec.Default !== undefined) {
      if (!spec.AllowedValues.map(String).includes(String(spec.Default))) problems.push(`${name}'s Default is not allowed.`);
    }
    if (spec.Type === 'Number' && spec.Default !== undefined && !Array.isArray(spec.AllowedValues)) {
      const value = Number(spec.Default);
      if (!(value >= Number(spec.MinValue) && value <= Number(spec.MaxValue))) problems.push(`${name}'s Default is out of range.`);
    }
  }
  return problems;
}

export function checkSecretsNoEcho(template: Template): string[] {
  return Object.entries(template.Parameters ?? {})
    .filter(([name]) => SECRET_VALUE_NAME.test(name))
    .filter(([, spec]) => spec.NoEcho !== true && spec.NoEcho !== 'true')
    .map(([name]) => `${name} holds a credential but is not NoEcho.`);
}

export function checkOnlyUrlRequired(template: Template): string[] {
  return checkRequiredParameters(template, REQUIRED_PARAMETERS);
}

/** The parameters without a default are exactly `wanted`, in that order. */
export function checkRequiredParameters(template: Template, wanted: readonly string[]): string[] {
  const required = Object.entries(template.Parameters ?? {})
    .filter(([, spec]) => spec.Default === undefined)
    .map(([name]) => name);
  return required.join(',') === wanted.join(',') ? [] : [`Required parameters are [${required.join(', ')}]; only [${wanted.join(', ')}] should be.`];
}

/** Numeric parameter `name` must allow only values within [min, max]: its bounds, or each of its AllowedValues. */
export function checkNumberBounds(template: Template, name: string, min: number, max: number): string[] {
  const spec = template.Parameters?.[name];
  if (spec === undefined) return [`Parameter ${name} is missing.`];
  if (spec.Type !== 'Number') return [`${name} should be a Number.`];
  const problems: string[] = [];
  if (Array.isArray(spec.AllowedValues)) {
    return spec.AllowedValues.map(Number)
      .filter((value) => !(value >= min && value <= max))
      .map((value) => `${name} allows ${value}, outside ${min}–${max}.`);
  }
  if (!(Number(spec.MinValue) >= min)) problems.push(`${name} MinValue ${String(spec.MinValue)} is below ${min}.`);
  if (!(Number(spec.MaxValue) <= max)) problems.push(`${name} MaxValue ${String(spec.MaxValue)} is above ${max}.`);
  return problems;
}
