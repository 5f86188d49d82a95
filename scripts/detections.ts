// npm run detections: plays every labelled scenario (tests/detections/scenarios/) against every pack alert in
// DuckDB, writes the detection-quality tables to docs/readme/generated/ and rebuilds the pages that show them.
// `npm run detections -- --check` exits 1 when the committed tables are stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DetectionLab, labelProblems } from '../tests/detections/harness/detection-lab';
import { renderQualityTables } from '../tests/detections/harness/quality-table';
import { SCENARIOS } from '../tests/detections/scenarios';
import { QUALITY_TABLE_PATH } from './readme/placeholders';
import { writeDocs } from './readme/write-docs';

async function main(): Promise<number> {
  const lab = await DetectionLab.open(SCENARIOS);
  try {
    const outcomes = await lab.evaluate();
    const problems = outcomes.flatMap(labelProblems);
    for (const problem of problems) process.stderr.write(`label not met: ${problem}\n`);
    const tables = renderQualityTables(outcomes);
    const file = path.join(process.cwd(), QUALITY_TABLE_PATH);
    if (process.argv.includes('--check')) {
      const stale = readFileSync(file, 'utf8') !== tables;
      process.stderr.write(stale ? `${QUALITY_TABLE_PATH} is stale; run \`npm run detections\` and commit the result.\n` : `${QUALITY_TABLE_PATH} is up to date.\n`);
      return stale || problems.length > 0 ? 1 : 0;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, tables);
    const { stale } = writeDocs(process.cwd());
    process.stderr.write(`${QUALITY_TABLE_PATH} and ${stale.length === 0 ? 'no page' : stale.join(', ')} written (${outcomes.length} scenarios, ${problems.length} labels not met).\n`);
    return problems.length > 0 ? 1 : 0;
  } finally {
    lab.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
