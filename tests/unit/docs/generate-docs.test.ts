/**
 * `npm run docs` (scripts/generate-docs.ts) on a copy of the project's docs: `--check` passes on what is
 * committed, fails on a stale, missing or lingering page and writes nothing; without it, the pages are
 * rewritten and the lingering one deleted.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALL_PAGES } from '../../../scripts/readme/pages';
import { GENERATED_MARK } from '../../../scripts/readme/render-docs';
import { ROOT } from '../../helpers/generated-docs';

function docs(cwd: string, ...args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/run-ts.mjs'), path.join(ROOT, 'scripts/generate-docs.ts'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stderr: result.stderr };
}

describe('npm run docs', () => {
  let copy: string;

  beforeAll(() => {
    copy = mkdtempSync(path.join(os.tmpdir(), 'o2c-generate-docs-'));
    for (const entry of ['docs', 'template.yaml', 'README.md']) cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
  });

  afterAll(() => {
    rmSync(copy, { recursive: true, force: true });
  });

  test('--check passes on the committed pages', () => {
    const { status, stderr } = docs(copy, '--check');
    expect({ status, stderr }).toEqual({ status: 0, stderr: `The ${ALL_PAGES.length} generated pages are up to date.\n` });
  });

  test('--check names a stale, a missing and a lingering page, exits 1 and changes nothing; a run fixes all three', () => {
    // Prepare
    writeFileSync(path.join(copy, 'docs/readme/95-costs.md'), `${readFileSync(path.join(copy, 'docs/readme/95-costs.md'), 'utf8')}\nOne more line.\n`);
    unlinkSync(path.join(copy, 'docs/benchmarks.md'));
    writeFileSync(path.join(copy, 'docs/old-page.md'), `# Old\n\n${GENERATED_MARK} from docs/readme/old.md. -->\n`);

    // Act
    const check = docs(copy, '--check');
    const costsAfterCheck = readFileSync(path.join(copy, 'docs/costs.md'), 'utf8');
    const run = docs(copy);
    const again = docs(copy, '--check');

    // Assess
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('docs/costs.md is stale or missing; run `npm run docs`');
    expect(check.stderr).toContain('docs/benchmarks.md is stale or missing');
    expect(check.stderr).toContain('docs/old-page.md is generated no longer; run `npm run docs` (it deletes the file)');
    expect(costsAfterCheck).not.toContain('One more line.');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^2 of ${ALL_PAGES.length} pages written, 1 deleted \\(README\\.md \\d+ B, `));
    expect(readFileSync(path.join(copy, 'docs/costs.md'), 'utf8')).toContain('One more line.');
    expect(existsSync(path.join(copy, 'docs/benchmarks.md'))).toBe(true);
    expect(existsSync(path.join(copy, 'docs/old-page.md'))).toBe(false);
    expect(again.status).toBe(0);
  });
});
