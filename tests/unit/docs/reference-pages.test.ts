import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brokenLinks, isExternal, markdownLinks, repeatedHeadingAnchors, sectionAnchors } from '../../helpers/markdown-links';

/**
 * docs/reference/ holds the project's record of the external behaviour it relies on; code comments point at
 * its anchors. Every page and every section anchor is listed in the index, every relative link and anchor in
 * the pages resolves, and no page repeats a heading (GitHub would number the second anchor, which a comment
 * could then miss).
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const REFERENCE = path.join(ROOT, 'docs', 'reference');
const INDEX = path.join(REFERENCE, 'README.md');

const pages = (): string[] =>
  readdirSync(REFERENCE)
    .filter((name) => name.endsWith('.md'))
    .sort();

describe('docs/reference', () => {
  test('holds the five reference pages and their index', () => {
    expect(pages()).toEqual(['README.md', 'aws-contracts.md', 'design.md', 'openobserve-firehose-ingestion.md', 'openobserve-management-api.md', 'template-checks.md']);
  });

  test('lists every page in the index', () => {
    // Prepare
    const linked = new Set(
      markdownLinks(readFileSync(INDEX, 'utf8'))
        .map((link) => link.target)
        .filter((target) => !isExternal(target))
        .map((target) => target.split('#')[0]),
    );

    // Act
    const unlisted = pages().filter((page) => page !== 'README.md' && !linked.has(page));

    // Assess
    expect(unlisted).toEqual([]);
  });

  test('lists every section anchor of every page in the index', () => {
    // Prepare
    const linked = new Set(markdownLinks(readFileSync(INDEX, 'utf8')).map((link) => link.target));

    // Act
    const unlisted = pages()
      .filter((page) => page !== 'README.md')
      .flatMap((page) => sectionAnchors(readFileSync(path.join(REFERENCE, page), 'utf8')).map((anchor) => `${page}#${anchor}`))
      .filter((target) => !linked.has(target));

    // Assess
    expect(unlisted).toEqual([]);
  });

  test('every relative link and #anchor in the pages resolves', () => {
    // Act
    const problems = pages().flatMap((page) => brokenLinks(path.join(REFERENCE, page), ROOT));

    // Assess
    expect(problems).toEqual([]);
  });

  test('no page repeats a heading', () => {
    const repeats = pages().flatMap((page) => repeatedHeadingAnchors(readFileSync(path.join(REFERENCE, page), 'utf8')).map((anchor) => `${page}#${anchor}`));
    expect(repeats).toEqual([]);
  });
});
