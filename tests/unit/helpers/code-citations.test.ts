import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CitationChecker, commentsOnly, topLevelNames } from '../../helpers/code-citations';

/** A throw-away repository: `files` maps root-relative paths to their text. */
function repository(files: Record<string, string>): { root: string; checker: CitationChecker } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'o2c-citations-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return { root, checker: new CitationChecker(root, Object.keys(files)) };
}

const PAGE = '# Page\n\n## Real heading\n\nText.\n';
let roots: string[] = [];
afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});
const setUp = (files: Record<string, string>): CitationChecker => {
  const made = repository(files);
  roots.push(made.root);
  return made.checker;
};
const cited = (problems: readonly { cited: string }[]): string[] => problems.map((problem) => problem.cited);

describe('topLevelNames', () => {
  test('splits the top level into folders and files', () => {
    expect(topLevelNames(['docs/a.md', 'docs/b/c.md', 'template.yaml', '.ci/run'])).toEqual({ folders: ['.ci', 'docs'], files: ['template.yaml'] });
  });
});

describe('commentsOnly', () => {
  test('keeps comments and blanks code, strings and regular expressions, line for line', () => {
    // Prepare
    const source = ["const url = 'https://example.com/a'; // note one", 'const re = /\\/\\/not-a-comment/;', '/** block', ' * two */', 'const s = `// in a template`;'].join('\n');

    // Act
    const kept = commentsOnly('x.ts', source);

    // Assess
    expect(kept.split('\n')).toHaveLength(5);
    expect(kept).toContain('// note one');
    expect(kept).toContain('/** block\n * two */');
    expect(kept).not.toContain('example.com');
    expect(kept).not.toContain('not-a-comment');
    expect(kept).not.toContain('in a template');
  });
});

describe('CitationChecker', () => {
  test('accepts citations of files, folders and anchors that exist', () => {
    // Prepare
    const checker = setUp({
      'docs/page.md': PAGE,
      'functions/a.ts': '/** See docs/page.md#real-heading, functions/ and template.yaml. */\nexport const a = 1;\n',
      'template.yaml': '# the why: docs/page.md\n',
    });

    // Act, Assess
    expect(checker.check('functions/a.ts')).toEqual([]);
    expect(checker.check('template.yaml')).toEqual([]);
  });

  test('reports a missing file, a missing anchor, an anchor on code, and a path out of the repository', () => {
    // Prepare
    const checker = setUp({
      'docs/page.md': PAGE,
      'functions/x/a.ts': [
        '// docs/page.md#no-such-heading',
        '// docs/gone.md',
        '// functions/x/a.ts#top',
        '// ../../../elsewhere/notes.md',
        'export const a = 1;',
      ].join('\n'),
    });

    // Act
    const problems = checker.check('functions/x/a.ts');

    // Assess
    expect(problems.map((p) => [p.line, p.cited, p.problem])).toEqual([
      [1, 'docs/page.md#no-such-heading', 'no heading or anchor #no-such-heading in docs/page.md'],
      [2, 'docs/gone.md', 'no such file or folder'],
      [3, 'functions/x/a.ts#top', 'an anchor on something that is not a Markdown page'],
      [4, '../../../elsewhere/notes.md', 'points outside the repository'],
    ]);
  });

  test('reads code files for citations in comments only, and skips patterns and rates', () => {
    // Prepare
    const checker = setUp({
      'docs/page.md': PAGE,
      'tests/a.test.ts': [
        "const made = 'docs/made-up-by-the-test.md';",
        '// each tests/fixtures/<name>.ndjson, functions/gone/*.ts: patterns; 3,000 events/s is a rate',
        "import { b } from '../functions/b';",
        'export { made, b };',
      ].join('\n'),
      'functions/b.ts': 'export const b = 1;\n',
      'events/one.json': '{}',
    });

    // Act, Assess
    expect(checker.check('tests/a.test.ts')).toEqual([]);
  });

  test('reports every mention of the notes that are not in the repository, strings included', () => {
    // Prepare
    const checker = setUp({
      'functions/a.ts': [
        '/** Limits (contracts/aws.md §1); config (DESIGN, Configuration); (contract §4), (§1.3). */',
        "describe('TEMPLATE-LESSONS: mistakes', () => undefined);",
        '// STYLE.md; samples/aws/x.json; /work/shared/x',
        '// RFC 4291 §2.5.5.1 and aws-samples/ are fine',
      ].join('\n'),
    });

    // Act
    const problems = checker.check('functions/a.ts');

    // Assess
    expect(cited(problems)).toEqual(['contracts/', 'DESIGN', 'contract §', '(§', 'TEMPLATE-LESSONS', 'STYLE.md', 'samples/', '/work/shared']);
    expect(problems[0]?.problem).toMatch(/not in the repository: cite the page of docs\//);
  });

  test('checks the relative links of a Markdown page, except README fragments, which link as the README does', () => {
    // Prepare
    const checker = setUp({
      'docs/page.md': `${PAGE}\n[broken](other.md) [fine](#real-heading) [up](../template.yaml)\n`,
      'docs/readme/10-part.md': '[costs](#costs) [a page](docs/page.md#real-heading)\n',
      'template.yaml': '',
    });

    // Act, Assess
    expect(cited(checker.check('docs/page.md'))).toEqual(['other.md']);
    expect(checker.check('docs/readme/10-part.md')).toEqual([]);
  });

  test('with strict code spans, every backticked path must exist, and commands and packages are not paths', () => {
    // Prepare
    const checker = setUp({
      'docs/page.md': PAGE,
      'CONTRIBUTING.md': [
        'Edit `docs/page.md#real-heading`, not `docs/missing/`; run `npm run docs`; see `@types/aws-lambda`, `dist/<function>/`.',
        'A short label links to its file: [`page.md`](docs/page.md); a broken target is still caught: [`gone/`](docs/gone/).',
      ].join('\n'),
    });

    // Act
    const strict = checker.check('CONTRIBUTING.md', { strictCodeSpans: true });

    // Assess
    expect(strict.map((p) => [p.cited, p.problem])).toEqual([
      ['docs/missing/', 'no such file or folder'],
      ['docs/gone/', 'no such file or folder'],
    ]);
  });
});
