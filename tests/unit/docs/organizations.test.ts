import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTemplate, type Template } from '../../../cli/template/load-template';
import { headingAnchor } from '../../../scripts/readme/toc';
import { brokenLinks } from '../../helpers/markdown-links';

/**
 * docs/organizations.md (and the README's short section) against the templates: every parameter, output
 * and alarm it names exists, every member parameter is in its table, its commands pass only parameters
 * the template they deploy declares, and its links to its own sections resolve.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const doc = readFileSync(path.join(ROOT, 'docs', 'organizations.md'), 'utf8');
const readmeSection = readFileSync(path.join(ROOT, 'docs', 'readme', '35-organizations.md'), 'utf8');
const central = loadTemplate(path.join(ROOT, 'template.yaml'));
const member = loadTemplate(path.join(ROOT, 'member', 'template.yaml'));

/** Central-mode resources and outputs: those conditional on HasOrganization. */
const centralOnly = (entries: Template['Resources'] | Template['Outputs']): string[] =>
  Object.entries(entries ?? {})
    .filter(([, entry]) => (entry as { Condition?: unknown }).Condition === 'HasOrganization')
    .map(([id]) => id);

/** Shell commands of the fenced code blocks, continuation lines joined. */
function commands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  return blocks.flatMap((block) => block.replace(/\\\n/g, ' ').split('\n'));
}

const parameterKeys = (line: string): string[] => [...line.matchAll(/ParameterKey=([A-Za-z0-9]+)/g)].map((match) => match[1]!);
const overrideNames = (line: string): string[] =>
  [...(/--parameter-overrides((?:\s+[A-Za-z0-9]+=\S*)+)/.exec(line)?.[1] ?? '').matchAll(/([A-Za-z0-9]+)=/g)].map((match) => match[1]!);

describe('docs/organizations.md', () => {
  test('lists every member parameter in its parameter table, the required one in bold', () => {
    // Act
    const rows = Object.keys(member.Parameters ?? {}).filter((name) => !new RegExp(`^\\| (\\*\\*)?\`${name}\`(\\*\\*)? \\|`, 'm').test(doc));

    // Assess
    expect(rows).toEqual([]);
    expect(doc).toContain('| **`CentralEventBusArn`** |');
  });

  test('names every output, resource and alarm of central mode, and every member resource', () => {
    // Act
    const missing = [...centralOnly(central.Outputs), ...centralOnly(central.Resources), ...Object.keys(member.Resources)].filter((id) => !doc.includes(`\`${id}\``));

    // Assess
    expect(missing).toEqual([]);
  });

  test('names only template parameters in its commands: ParameterKey= for the member template, --parameter-overrides for template.yaml', () => {
    // Prepare
    const lines = [...commands(doc), ...commands(readmeSection)];

    // Act
    const keys = lines.flatMap(parameterKeys);
    const overrides = lines.flatMap(overrideNames);

    // Assess
    expect(keys.filter((name) => !(name in (member.Parameters ?? {})))).toEqual([]);
    expect(overrides.filter((name) => !(name in (central.Parameters ?? {})))).toEqual([]);
    expect(keys).toContain('AlarmEmail');
    expect(overrides).toContain('OrganizationId');
  });

  test('creates a service-managed StackSet with automatic deployment, and its instances by OU and region', () => {
    const joined = commands(doc).join('\n');
    expect(joined).toMatch(/create-stack-set .*--permission-model SERVICE_MANAGED .*--auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false/);
    expect(joined).toMatch(/create-stack-instances .*--deployment-targets OrganizationalUnitIds=\S+ .*--regions /);
    expect(joined).toMatch(/--template-body file:\/\/member\/template\.yaml/);
  });

  test('its links and member/README.md\'s resolve (files and anchors), and the README links to it', () => {
    // Act
    const broken = ['docs/organizations.md', 'member/README.md'].flatMap((file) => brokenLinks(path.join(ROOT, file), ROOT));

    // Assess
    expect(broken).toEqual([]);
    expect(readmeSection).toContain('](docs/organizations.md)');
  });

  test('the checks bite: an unknown ParameterKey and a broken anchor are found', () => {
    expect(parameterKeys('--parameters ParameterKey=CentralBusArn,ParameterValue=x')).toEqual(['CentralBusArn']);
    expect(overrideNames('sam deploy --parameter-overrides OrganisationId=o-1 OpenObserveUrl=https://x')).toEqual(['OrganisationId', 'OpenObserveUrl']);
    expect(headingAnchor('Adding a region, an OU or an account later')).toBe('adding-a-region-an-ou-or-an-account-later');
  });
});
