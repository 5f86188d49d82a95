import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTemplate } from '../../../cli/template/load-template';
import { SCHEMA_V1 } from '../../../functions/transform/schema';
import { renderDocs } from '../../../scripts/readme/render-docs';

const root = path.resolve(__dirname, '..', '..', '..');

describe('README.md', () => {
  test('is what npm run docs renders from the fragments, the template and the schema', () => {
    // Prepare
    const expected = renderDocs(root).get('README.md');

    // Act
    const actual = readFileSync(path.join(root, 'README.md'), 'utf8');

    // Assess: a stale README fails here; `npm run docs` rewrites it.
    expect(actual).toBe(expected);
  });

  test('lists every schema v1 field and every template parameter', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const field of Object.keys(SCHEMA_V1)) expect(readme).toContain(`| \`${field}\` |`);
    const parameters = Object.keys(loadTemplate(path.join(root, 'template.yaml')).Parameters ?? {});
    expect(parameters.length).toBeGreaterThan(10);
    for (const name of parameters) expect(readme).toMatch(new RegExp(`\\| (\\*\\*|\`)${name}(\\*\\*|\`) \\|`));
  });

  test('leaves no placeholder line unfilled', () => {
    expect(renderDocs(root).get('README.md')).not.toMatch(/^\s*<!-- (table|index|toc)[^>]*-->\s*$/m);
  });
});
