/**
 * Golden files: each events/eventbridge/X.json has tests/fixtures/golden/X.ndjson holding the exact output bytes
 * of the transform under a fixed clock and the default configuration. `UPDATE_GOLDEN=1 npx jest
 * tests/unit/transform/golden` rewrites them; review the diff in the commit that caused it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TRANSFORM_CONFIG } from '../../../functions/transform/config';
import { normaliseEvent } from '../../../functions/transform/normalise';

const ROOT = path.resolve(__dirname, '../../..');
const EVENTS_DIR = path.join(ROOT, 'events', 'eventbridge');
const GOLDEN_DIR = path.join(ROOT, 'tests', 'fixtures', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** 2025-06-17T12:40:00Z: most sample events are inside the 4 h 30 min window, the earliest are restamped. */
const GOLDEN_NOW_MS = Date.UTC(2025, 5, 17, 12, 40, 0);
const GOLDEN_ARRIVAL_MS = GOLDEN_NOW_MS - 1000;

const events = readdirSync(EVENTS_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => name.slice(0, -'.json'.length));

function outputOf(name: string): string {
  const event = JSON.parse(readFileSync(path.join(EVENTS_DIR, `${name}.json`), 'utf8')) as unknown;
  const outcome = normaliseEvent(event, GOLDEN_ARRIVAL_MS, DEFAULT_TRANSFORM_CONFIG, GOLDEN_NOW_MS);
  return outcome.kind === 'ok' ? outcome.line : `${JSON.stringify({ kind: outcome.kind, reason: outcome.reason })}\n`;
}

describe('golden files', () => {
  test('there are sample events to check', () => {
    expect(events.length).toBeGreaterThan(0);
  });

  test.each(events)('%s.json matches its golden .ndjson file', (name) => {
    // Prepare
    const goldenPath = path.join(GOLDEN_DIR, `${name}.ndjson`);

    // Act
    const actual = outputOf(name);

    // Assess
    if (UPDATE) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(goldenPath, actual);
      return;
    }
    if (!existsSync(goldenPath)) {
      throw new Error(`tests/fixtures/golden/${name}.ndjson is missing; run UPDATE_GOLDEN=1 npx jest tests/unit/transform/golden and review it.`);
    }
    expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
  });

  test('every golden file belongs to a sample event', () => {
    const goldens = existsSync(GOLDEN_DIR) ? readdirSync(GOLDEN_DIR).filter((name) => name.endsWith('.ndjson')) : [];

    const orphans = goldens.filter((name) => !events.includes(name.slice(0, -'.ndjson'.length)));

    expect(orphans).toEqual([]);
  });
});
