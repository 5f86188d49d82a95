// npm run docs: writes README.md and the pages under docs/ from docs/readme/, template.yaml, the schema and
// category tables, the pack's alerts and the detection tables (scripts/readme/pages.ts says what goes where),
// and deletes a page under docs/ that is generated no longer.
// `npm run docs -- --check` writes nothing and exits 1 when any of them is stale, missing or lingering.
import { docsState, writeDocs } from './readme/write-docs';

const root = process.cwd();
if (process.argv.includes('--check')) {
  const { pages, stale, lingering } = docsState(root);
  for (const file of stale) process.stderr.write(`${file} is stale or missing; run \`npm run docs\` and commit the result.\n`);
  for (const file of lingering) process.stderr.write(`${file} is generated no longer; run \`npm run docs\` (it deletes the file) and commit the result.\n`);
  if (stale.length + lingering.length > 0) process.exit(1);
  process.stderr.write(`The ${pages.size} generated pages are up to date.\n`);
} else {
  const { pages, stale, lingering } = writeDocs(root);
  const sizes = [...pages].map(([file, text]) => `${file} ${Buffer.byteLength(text)} B`).join(', ');
  process.stderr.write(`${stale.length} of ${pages.size} pages written, ${lingering.length} deleted (${sizes}).\n`);
}
