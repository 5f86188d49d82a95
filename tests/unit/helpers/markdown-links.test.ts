import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brokenLinks, isExternal, markdownAnchors, markdownLinks, repeatedHeadingAnchors, sectionAnchors } from '../../helpers/markdown-links';

describe('markdownAnchors', () => {
  test('anchors headings as GitHub does, numbering repeats and ignoring code fences', () => {
    // Prepare
    const markdown = [
      '# Title',
      '## Route and authentication',
      '### The `_timestamp` field (µs)',
      '## Route and authentication',
      '```md',
      '## Not a heading',
      '```',
      '#### [Linked](other.md) heading',
      '<a name="custom-anchor"></a>',
    ].join('\n');

    // Act
    const anchors = markdownAnchors(markdown);

    // Assess
    expect([...anchors].sort()).toEqual(
      ['custom-anchor', 'linked-heading', 'route-and-authentication', 'route-and-authentication-1', 'the-_timestamp-field-µs', 'title'].sort(),
    );
    expect(repeatedHeadingAnchors(markdown)).toEqual(['route-and-authentication']);
    expect(sectionAnchors(markdown)).toEqual(['route-and-authentication', 'the-_timestamp-field-µs', 'route-and-authentication', 'linked-heading']);
  });
});

describe('markdownLinks', () => {
  test('finds inline links, images and reference definitions, but nothing inside code', () => {
    // Prepare
    const markdown = [
      'See [the page](page.md#anchor "title") and [`code.ts`](../src/code.ts).',
      '![diagram](img/diagram.png)',
      '`[not a link](nowhere.md)`',
      '```',
      '[also not](nowhere.md)',
      '```',
      '[ref]: ../other.md#part',
    ].join('\n');

    // Act
    const links = markdownLinks(markdown);

    // Assess
    expect(links).toEqual([
      { line: 1, target: 'page.md#anchor' },
      { line: 1, target: '../src/code.ts' },
      { line: 2, target: 'img/diagram.png' },
      { line: 7, target: '../other.md#part' },
    ]);
  });

  test('treats URLs with a scheme as external', () => {
    expect(isExternal('https://docs.aws.amazon.com/x.html')).toBe(true);
    expect(isExternal('mailto:someone@example.com')).toBe(true);
    expect(isExternal('../README.md')).toBe(false);
    expect(isExternal('#local')).toBe(false);
  });
});

describe('brokenLinks', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'o2c-links-'));
    mkdirSync(path.join(root, 'docs'));
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src', 'code.ts'), 'export {};\n');
    writeFileSync(path.join(root, 'docs', 'other.md'), '# Other\n\n## Part one\n');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  test('accepts links to existing files, folders, headings and same-page anchors', () => {
    // Prepare
    const file = path.join(root, 'docs', 'page.md');
    writeFileSync(file, '# Page\n\n## Here\n\n[a](other.md#part-one) [b](../src/code.ts) [c](../src/) [d](#here) [e](https://example.com/x)\n');

    // Act / Assess
    expect(brokenLinks(file, root)).toEqual([]);
  });

  test('reports a missing file, a missing anchor, an anchor on code and a path out of the repository', () => {
    // Prepare
    const file = path.join(root, 'docs', 'page.md');
    writeFileSync(file, '# Page\n\n[a](gone.md)\n[b](other.md#part-two)\n[c](../src/code.ts#L1)\n[d](../../outside.md)\n[e](#nowhere)\n');

    // Act
    const problems = brokenLinks(file, root);

    // Assess
    expect(problems.map((p) => [p.line, p.target])).toEqual([
      [3, 'gone.md'],
      [4, 'other.md#part-two'],
      [5, '../src/code.ts#L1'],
      [6, '../../outside.md'],
      [7, '#nowhere'],
    ]);
    expect(problems.every((p) => p.file === path.join('docs', 'page.md'))).toBe(true);
  });
});
