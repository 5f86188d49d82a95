import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CitationChecker } from '../../helpers/code-citations';

/**
 * The reasons behind the code live in the repository: every file a source, test, script, template or page
 * cites exists, with the `#anchor` it names, and nothing cites the notes the project was first built from
 * (contract notes, design and template notes), which are not in the repository. `CONTRIBUTING.md` is held
 * to more: every path it writes in backticks exists.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Text files a reader follows citations in; package-lock.json and LICENSE cite nothing of ours. */
const CHECKED = /\.(?:ts|js|mjs|cjs|py|sh|md|yaml|yml|toml|json|jsonc)$|^Makefile$|^\.ci\/|^bin\//;
const NOT_CHECKED = /^package-lock\.json$/;

/** Files left out, each with the reason. */
const EXCLUDED: Readonly<Record<string, string>> = {
  'CHANGELOG.md': 'history, written by the lead: it names files as they were when each entry was written',
  'tests/helpers/code-citations.ts': 'holds the patterns of the out-of-repository notes it looks for',
  'tests/unit/helpers/code-citations.test.ts': "feeds the checker citations that must fail, as the checker's own test",
};

/** Files whose every backticked path must exist. */
const STRICT = new Set(['CONTRIBUTING.md']);

function trackedFiles(): string[] {
  let listing: string;
  try {
    listing = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`git ls-files failed in ${ROOT} (${String(error)}); run the suite from a git checkout of the repository.`);
  }
  return listing.split('\0').filter((file) => file !== '' && existsSync(path.join(ROOT, file)));
}

describe('citations of repository files', () => {
  const tracked = trackedFiles();
  const checked = tracked.filter((file) => CHECKED.test(file) && !NOT_CHECKED.test(file) && EXCLUDED[file] === undefined);
  const checker = new CitationChecker(ROOT, tracked);

  test('covers the sources, tests, scripts, template and pages', () => {
    for (const file of ['functions/transform/constants.ts', 'cli/replay/constants.ts', 'tests/helpers/factories.ts', 'scripts/generate-docs.ts', 'bench/batch.ts', 'template.yaml', 'docs/reference/design.md', 'Makefile', '.ci/run', 'CONTRIBUTING.md']) {
      expect(checked).toContain(file);
    }
    expect(checked.length).toBeGreaterThan(400);
  });

  test('every excluded file exists, so no exclusion outlives its reason', () => {
    expect(Object.keys(EXCLUDED).filter((file) => !tracked.includes(file))).toEqual([]);
  });

  test('every cited file and #anchor exists, and no out-of-repository note is cited', () => {
    // Act
    const problems = checked.flatMap((file) => checker.check(file, { strictCodeSpans: STRICT.has(file) })).map((p) => `${p.file}:${p.line}: ${p.cited} — ${p.problem}`);

    // Assess
    expect(problems).toEqual([]);
  });
});
