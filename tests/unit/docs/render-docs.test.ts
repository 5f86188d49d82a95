/**
 * The docs generator on small pages of its own: headings moved to the page's levels, links pointed at the page
 * that holds their target, a fragment on no page or a link nowhere refused, and pages that are generated no
 * longer found.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { headingAnchors, rewriteLinks, shiftHeadings } from '../../../scripts/readme/markdown';
import type { DocPage } from '../../../scripts/readme/pages';
import { GENERATED_MARK, lingeringPages, renderDocs } from '../../../scripts/readme/render-docs';

const page = (file: string, fragments: [number, string][]): DocPage => ({ path: file, summary: '', fragments: fragments.map(([level, name]) => ({ level, file: name })) });

describe('shiftHeadings', () => {
  test('moves every heading by as much as the first, and leaves code blocks alone', () => {
    // Prepare
    const fragment = ['### Before you deploy', 'text', '#### Details', '```sh', '# a comment, not a heading', '```'].join('\n');

    // Act
    const shifted = shiftHeadings(fragment, 2, 'x.md');

    // Assess
    expect(shifted).toBe(['## Before you deploy', 'text', '### Details', '```sh', '# a comment, not a heading', '```'].join('\n'));
  });

  test('refuses a fragment without a heading, and a level outside 1–6', () => {
    expect(() => shiftHeadings('just text', 1, 'x.md')).toThrow('x.md has no heading');
    expect(() => shiftHeadings('# One\n###### Six', 2, 'x.md')).toThrow('would move to level 7');
  });
});

describe('rewriteLinks and headingAnchors', () => {
  test('rewrite link and image targets outside code only', () => {
    // Prepare
    const markdown = ['[a](#x) and `[b](#x)` and ![c](img.png "t")', '```', '[d](#x)', '```'].join('\n');

    // Act
    const rewritten = rewriteLinks(markdown, (target) => `NEW/${target}`);

    // Assess
    expect(rewritten).toBe(['[a](NEW/#x) and `[b](#x)` and ![c](NEW/img.png "t")', '```', '[d](#x)', '```'].join('\n'));
  });

  test('number repeated headings as GitHub does', () => {
    expect([...headingAnchors('# T\n## Same\n## Same\n## The `code` [link](x.md)')]).toEqual(['t', 'same', 'same-1', 'the-code-link']);
  });
});

describe('renderDocs', () => {
  let root: string;
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'o2c-docs-'));
    write('docs/readme/00-intro.md', '# Project\n\nSee [the details](#details-of-b), [the A page](#a-title), [our own part](#own-part) and [samples](events/).\n\n## Own part\n\ntext');
    write('docs/readme/entry/more.md', '## More\n\n## Still more\n\n<!-- toc -->');
    write('docs/readme/10-a.md', '## A title\n\nBack to [the project](#own-part), over to [B](#details-of-b), [samples](events/) and [a file](docs/readme/10-a.md).');
    write('docs/readme/20-b.md', '### B title\n\n#### Details of B\n\n```sh\n# not a heading\n```');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const pages = (): DocPage[] => [page('README.md', [[1, '00-intro.md'], [2, 'entry/more.md']]), page('docs/a.md', [[1, '10-a.md']]), page('docs/b.md', [[1, '20-b.md']])];

  test('puts each fragment on its page at its level, with a note, contents and links that resolve from there', () => {
    // Act
    const rendered = renderDocs(root, pages());
    const readme = rendered.get('README.md') ?? '';
    const a = rendered.get('docs/a.md') ?? '';
    const b = rendered.get('docs/b.md') ?? '';

    // Assess
    expect([...rendered.keys()]).toEqual(['README.md', 'docs/a.md', 'docs/b.md']);
    expect(readme.split('\n').slice(0, 3)).toEqual(['# Project', '', `${GENERATED_MARK} from docs/readme/00-intro.md and docs/readme/entry/more.md. Edit those and run \`npm run docs\`, not this file; a test fails when it is stale. -->`]);
    expect(readme).toContain('See [the details](docs/b.md#details-of-b), [the A page](docs/a.md), [our own part](#own-part) and [samples](events/).');
    expect(readme).toContain('**Contents:** [Own part](#own-part) · [More](#more) · [Still more](#still-more)');
    expect(a).toContain('# A title\n');
    expect(a).toContain('Back to [the project](../README.md#own-part), over to [B](b.md#details-of-b), [samples](../events/) and [a file](readme/10-a.md).');
    expect(b.startsWith('# B title\n')).toBe(true);
    expect(b).toContain('\n## Details of B\n\n```sh\n# not a heading\n```\n');
    expect(b).not.toContain('**Contents:**');
  });

  test('refuses a fragment that belongs to no page, and one on two pages', () => {
    write('docs/readme/30-new.md', '## New');
    expect(() => renderDocs(root, pages())).toThrow('docs/readme/30-new.md belong to no page; add each to a page in scripts/readme/pages.ts.');
    rmSync(path.join(root, 'docs/readme/30-new.md'));
    expect(() => renderDocs(root, [...pages(), page('docs/c.md', [[1, '20-b.md']])])).toThrow('20-b.md appear on more than one page');
  });

  test('refuses a link to an anchor no page defines, or that two pages under docs/ define', () => {
    write('docs/readme/10-a.md', '## A title\n\n[gone](#no-such-part)');
    expect(() => renderDocs(root, pages())).toThrow('docs/readme/10-a.md links to #no-such-part, which no generated page defines');
    write('docs/readme/10-a.md', '## A title\n\n### Details of B');
    expect(() => renderDocs(root, pages())).toThrow('docs/readme/00-intro.md links to #details-of-b, which docs/a.md and docs/b.md all define');
  });

  test('fills a placeholder on a line of its own only, and refuses an unknown one', () => {
    write('docs/readme/20-b.md', '## B title\n\n### Details of B\n\nThe index is `<!-- index:docs -->`:\n\n<!-- index:docs -->');
    const b = renderDocs(root, pages()).get('docs/b.md') ?? '';
    expect(b).toContain('The index is `<!-- index:docs -->`:\n\n| Page | What it holds |\n|---|---|\n| [deploy](deploy.md) |');
    write('docs/readme/20-b.md', '## B title\n\n<!-- table:no-such-table -->');
    expect(() => renderDocs(root, pages())).toThrow('docs/readme/20-b.md holds the unknown placeholder <!-- table:no-such-table -->');
  });

  test('finds generated pages under docs/ that no page produces any more, and leaves hand-written ones alone', () => {
    // Prepare
    const rendered = renderDocs(root, pages());
    write('docs/old.md', `# Old\n\n${GENERATED_MARK} from docs/readme/old.md. -->\n`);
    write('docs/hand.md', '# Written by hand\n');
    write('docs/a.md', rendered.get('docs/a.md') ?? '');

    // Act
    const lingering = lingeringPages(root, rendered);

    // Assess
    expect(lingering).toEqual(['docs/old.md']);
  });
});
