/**
 * The pages `npm run docs` writes — README.md and those of scripts/readme/pages.ts under docs/ — are what it
 * renders now, none lingers after it stopped being generated, every link and anchor in them resolves, and
 * each table sits where its readers look for it.
 */
import path from 'node:path';
import { loadTemplate } from '../../../cli/template/load-template';
import { SCHEMA_V1 } from '../../../functions/transform/schema';
import { PACK_CONTENT } from '../../../functions/shared/pack/content';
import { GENERATED_MARK, lingeringPages, renderDocs } from '../../../scripts/readme/render-docs';
import { DOC_PAGES } from '../../../scripts/readme/pages';
import { sectionHeadings } from '../../../scripts/readme/toc';
import { generatedDoc, generatedDocs, ROOT } from '../../helpers/generated-docs';
import { brokenLinks, repeatedHeadingAnchors } from '../../helpers/markdown-links';

describe('the generated pages', () => {
  const rendered = renderDocs(ROOT);

  test('are what npm run docs renders from the fragments, the template, the schema, the alerts and the detection tables', () => {
    // Act: a stale page fails here; `npm run docs` rewrites it.
    const stale = generatedDocs().filter((doc) => doc.text !== rendered.get(doc.file));

    // Assess
    expect([...rendered.keys()]).toEqual(['README.md', ...DOC_PAGES.map((page) => page.path)]);
    expect(stale.map((doc) => doc.file)).toEqual([]);
  });

  test('no page under docs/ lingers that npm run docs no longer writes', () => {
    expect(lingeringPages(ROOT, rendered)).toEqual([]);
  });

  test('each says it is generated, and from which fragments', () => {
    for (const { file, text } of generatedDocs()) {
      const note = text.split('\n')[2] ?? '';
      expect({ file, note: note.startsWith(GENERATED_MARK) }).toEqual({ file, note: true });
      expect(note).toMatch(/docs\/readme\/[\w/-]+\.md/);
    }
  });

  test('every relative link and #anchor in them resolves, and no page repeats a heading', () => {
    const broken = generatedDocs().flatMap((doc) => brokenLinks(path.join(ROOT, doc.file), ROOT));
    const repeated = generatedDocs().flatMap((doc) => repeatedHeadingAnchors(doc.text).map((anchor) => `${doc.file}#${anchor}`));
    expect(broken).toEqual([]);
    expect(repeated).toEqual([]);
  });

  test('each long page has a contents line of its sections', () => {
    const long = generatedDocs().filter((doc) => sectionHeadings(doc.text).length >= 3);
    expect(long.map((doc) => doc.file)).toEqual(expect.arrayContaining(['README.md', 'docs/deploy.md', 'docs/schema.md', 'docs/troubleshooting.md']));
    for (const doc of long) expect({ file: doc.file, contents: doc.text.includes('**Contents:** [') }).toEqual({ file: doc.file, contents: true });
  });

  test('leave no placeholder line unfilled', () => {
    for (const text of rendered.values()) expect(text).not.toMatch(/^\s*<!-- (table|index|toc)[^>]*-->\s*$/m);
  });

  test('docs/schema.md lists every schema v1 field, docs/parameters.md every template parameter and output', () => {
    // Prepare
    const template = loadTemplate(path.join(ROOT, 'template.yaml'));
    const schema = generatedDoc('docs/schema.md');
    const parameters = generatedDoc('docs/parameters.md');

    // Assess
    for (const field of Object.keys(SCHEMA_V1)) expect(schema).toContain(`| \`${field}\` |`);
    expect(Object.keys(template.Parameters ?? {}).length).toBeGreaterThan(10);
    for (const name of Object.keys(template.Parameters ?? {})) expect(parameters).toMatch(new RegExp(`\\| (\\*\\*|\`)${name}(\\*\\*|\`) \\|`));
    for (const name of Object.keys(template.Outputs ?? {})) expect(parameters).toContain(`| \`${name}\` |`);
  });

  test('docs/security-pack.md lists every alert of the pack and the detection-quality table', () => {
    const pack = generatedDoc('docs/security-pack.md');
    for (const alert of PACK_CONTENT.alerts) expect(pack).toContain(`| \`${alert.name}\` |`);
    expect(pack).toContain('| Alert | ATT&CK | Notifies on');
  });
});
