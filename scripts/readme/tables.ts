import type { Template } from '../../cli/template/load-template';
import { IDENTITY_POOL_OPERATIONS, USER_POOL_OPERATIONS } from '../../functions/transform/api-categories';
import { MANAGED_LOGIN_PAGES } from '../../functions/transform/managed-login-pages';
import { CATEGORIES, SCHEMA_V1, type Category, type FieldName } from '../../functions/transform/schema';
import { CATEGORY_MEANINGS, FIELD_SOURCES } from '../../functions/transform/schema-prose';

/** Markdown cell text: one line, pipes escaped. */
function cell(value: unknown): string {
  return String(value ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function constraint(spec: Record<string, unknown>): string {
  if (Array.isArray(spec.AllowedValues)) return spec.AllowedValues.map((v) => `\`${String(v)}\``).join(', ');
  const parts: string[] = [];
  if (spec.MinValue !== undefined || spec.MaxValue !== undefined) {
    parts.push(`${String(spec.MinValue ?? '…')}–${String(spec.MaxValue ?? '…')}`);
  }
  if (spec.MinLength !== undefined || spec.MaxLength !== undefined) {
    parts.push(`length ${String(spec.MinLength ?? 0)}–${String(spec.MaxLength ?? '…')}`);
  }
  if (typeof spec.AllowedPattern === 'string') parts.push(`pattern \`${spec.AllowedPattern}\``);
  return parts.join('; ');
}

function defaultText(spec: Record<string, unknown>): string {
  if (spec.Default === undefined) return '*(required)*';
  if (spec.Default === '') return '*(empty)*';
  return `\`${String(spec.Default)}\``;
}

interface ParameterGroup {
  readonly Label?: { default?: string };
  readonly Parameters?: readonly string[];
}

function parameterGroups(template: Template): readonly ParameterGroup[] {
  const metadata = template.Metadata as Record<string, { ParameterGroups?: ParameterGroup[] }> | undefined;
  return metadata?.['AWS::CloudFormation::Interface']?.ParameterGroups ?? [];
}

/**
 * The parameter table, in the order and groups of `AWS::CloudFormation::Interface`; parameters without
 * a default (the ones a person must fill in) are in bold.
 */
export function parameterTable(template: Template): string {
  const parameters = template.Parameters ?? {};
  const grouped = parameterGroups(template);
  const seen = new Set<string>();
  const sections: string[] = [];
  const rows = (names: readonly string[]): string =>
    names
      .filter((name) => parameters[name] !== undefined)
      .map((name) => {
        seen.add(name);
        const spec = parameters[name] ?? {};
        const label = spec.Default === undefined ? `**${name}**` : `\`${name}\``;
        return `| ${label} | ${cell(spec.Type)} | ${defaultText(spec)} | ${cell(constraint(spec))} | ${cell(spec.Description)} |`;
      })
      .join('\n');
  const header = '| Parameter | Type | Default | Allowed | Description |\n|---|---|---|---|---|';
  for (const group of grouped) {
    sections.push(`**${cell(group.Label?.default ?? 'Parameters')}**\n\n${header}\n${rows(group.Parameters ?? [])}`);
  }
  const rest = Object.keys(parameters).filter((name) => !seen.has(name));
  if (rest.length > 0) sections.push(`**Other**\n\n${header}\n${rows(rest)}`);
  return sections.join('\n\n');
}

/** The stack outputs and what each holds. */
export function outputTable(template: Template): string {
  const outputs = template.Outputs ?? {};
  const rows = Object.entries(outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.Description)} |`);
  return ['| Output | Description |', '|---|---|', ...rows].join('\n');
}

/** The normalised record's fields, straight from the schema v1 table and its prose. */
export function fieldTable(): string {
  const rows = (Object.keys(SCHEMA_V1) as FieldName[]).map((name) => {
    const { type } = SCHEMA_V1[name];
    const shown = type === 'json' ? 'string (JSON text)' : type;
    return `| \`${name}\` | ${shown} | ${cell(FIELD_SOURCES[name])} |`;
  });
  return ['| Field | Type | From |', '|---|---|---|', ...rows].join('\n');
}

function codeList(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(', ');
}

/**
 * The categories with every API operation and managed-login page each holds, straight from the tables
 * the transform classifies with.
 */
export function categoryTable(): string {
  const rows = CATEGORIES.map((category: Category) => {
    const userPools: readonly string[] = (USER_POOL_OPERATIONS as Partial<Record<Category, readonly string[]>>)[category] ?? [];
    const identityPools: readonly string[] = (IDENTITY_POOL_OPERATIONS as Partial<Record<Category, readonly string[]>>)[category] ?? [];
    const pages = MANAGED_LOGIN_PAGES.filter(([, pageCategory]) => pageCategory === category).map(([key]) => key);
    const api = [
      userPools.length > 0 ? `user pools: ${codeList(userPools)}` : '',
      identityPools.length > 0 ? `identity pools: ${codeList(identityPools)}` : '',
    ].filter((part) => part !== '');
    return `| \`${category}\` | ${cell(CATEGORY_MEANINGS[category])} | ${api.join('; ')} | ${codeList(pages)} |`;
  });
  return ['| category | holds | API operations | managed-login pages |', '|---|---|---|---|', ...rows].join('\n');
}
