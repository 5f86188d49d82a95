// npm run docs: writes README.md from docs/readme/*.md, template.yaml and the schema v1 table.
// `npm run docs -- --check` exits 1 when README.md is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderReadme } from './readme/render-readme';

const readmePath = path.join(process.cwd(), 'README.md');
const expected = renderReadme(process.cwd());
if (process.argv.includes('--check')) {
  const actual = readFileSync(readmePath, 'utf8');
  if (actual !== expected) {
    process.stderr.write('README.md is stale; run `npm run docs` and commit the result.\n');
    process.exit(1);
  }
  process.stderr.write('README.md is up to date.\n');
} else {
  writeFileSync(readmePath, expected);
  process.stderr.write(`README.md written (${expected.length} characters).\n`);
}
