// npm run events: rebuilds events/transform/*.json from events/eventbridge/*.json and
// events/user-activity/*.json (deterministic; a test fails when the committed files are stale).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildTransformEvents } from './events/firehose-events';

// npm runs scripts from the project root; scripts/run-ts.mjs bundles this file elsewhere, so no __dirname.
const root = process.cwd();
const targetDir = path.join(root, 'events', 'transform');

function jsonFiles(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

for (const [name, text] of buildTransformEvents(jsonFiles(path.join(root, 'events', 'eventbridge')), jsonFiles(path.join(root, 'events', 'user-activity')))) {
  const file = path.join(targetDir, name);
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) {
    process.stderr.write(`events: ${path.relative(root, file)} unchanged\n`);
    continue;
  }
  writeFileSync(file, text);
  process.stderr.write(`events: wrote ${path.relative(root, file)}\n`);
}
