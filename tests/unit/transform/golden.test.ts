/**
 * Golden files: each events/eventbridge/<name>.json has tests/fixtures/golden/<name>.ndjson holding the exact
 * output bytes of the transform under a fixed clock and the default configuration; each
 * events/user-activity/<name>.json (the bytes of one Firehose record, as Cognito's log delivery writes it) has
 * tests/fixtures/golden/user-activity/<name>.ndjson, the data of that record after the whole batch path. `UPDATE_GOLDEN=1 npx jest tests/unit/transform/golden`
 * rewrites them; review the diff in the commit that caused it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TRANSFORM_CONFIG } from '../../../functions/transform/config';
import { normaliseEvent } from '../../../functions/transform/normalise';
import { processBatch } from '../../../functions/transform/process-batch';

const ROOT = path.resolve(__dirname, '../../..');
const EVENTS_DIR = path.join(ROOT, 'events', 'eventbridge');
const GOLDEN_DIR = path.join(ROOT, 'tests', 'fixtures', 'golden');
const ACTIVITY_DIR = path.join(ROOT, 'events', 'user-activity');
const ACTIVITY_GOLDEN_DIR = path.join(GOLDEN_DIR, 'user-activity');
/** The stream the records arrive on: its account becomes the user activity records' aws_account_id. */
const STREAM_ARN = 'arn:aws:firehose:eu-west-1:111122223333:deliverystream/cognito-auth-stream-DeliveryStream-Q1w2E3r4T5y6';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** 2025-06-17T12:40:00Z: most sample events are inside the 4 h 30 min window, the earliest are restamped. */
const GOLDEN_NOW_MS = Date.UTC(2025, 5, 17, 12, 40, 0);
const GOLDEN_ARRIVAL_MS = GOLDEN_NOW_MS - 1000;

function samplesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => name.slice(0, -'.json'.length));
}

const events = samplesIn(EVENTS_DIR);
const activity = samplesIn(ACTIVITY_DIR);

function outputOf(name: string): string {
  const event = JSON.parse(readFileSync(path.join(EVENTS_DIR, `${name}.json`), 'utf8')) as unknown;
  const outcome = normaliseEvent(event, GOLDEN_ARRIVAL_MS, DEFAULT_TRANSFORM_CONFIG, GOLDEN_NOW_MS);
  return outcome.kind === 'ok' ? outcome.line : `${JSON.stringify({ kind: outcome.kind, reason: outcome.reason })}\n`;
}

/** The file's bytes as one Firehose record, through the whole batch: the record's data, or why it was not Ok. */
function recordOutputOf(name: string): string {
  const data = readFileSync(path.join(ACTIVITY_DIR, `${name}.json`)).toString('base64');
  const event = { invocationId: 'golden', deliveryStreamArn: STREAM_ARN, region: 'eu-west-1', records: [{ recordId: '1', approximateArrivalTimestamp: GOLDEN_ARRIVAL_MS, data }] };
  const { response, failures } = processBatch(event, DEFAULT_TRANSFORM_CONFIG, GOLDEN_NOW_MS);
  const [record] = response.records;
  if (record?.result === 'Ok') return Buffer.from(record.data, 'base64').toString('utf8');
  return `${JSON.stringify({ result: record?.result, reason: failures[0]?.reason })}\n`;
}

function checkGolden(goldenPath: string, actual: string): void {
  if (UPDATE) {
    mkdirSync(path.dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, actual);
    return;
  }
  if (!existsSync(goldenPath)) {
    throw new Error(`${path.relative(ROOT, goldenPath)} is missing; run UPDATE_GOLDEN=1 npx jest tests/unit/transform/golden and review it.`);
  }
  expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
}

function orphansIn(dir: string, samples: readonly string[]): string[] {
  const goldens = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.ndjson')) : [];
  return goldens.filter((name) => !samples.includes(name.slice(0, -'.ndjson'.length)));
}

describe('golden files', () => {
  test('there are sample events to check', () => {
    expect(events.length).toBeGreaterThan(0);
    expect(activity.length).toBeGreaterThan(0);
  });

  test.each(events)('%s.json matches its golden .ndjson file', (name) => {
    // Prepare
    const goldenPath = path.join(GOLDEN_DIR, `${name}.ndjson`);

    // Act
    const actual = outputOf(name);

    // Assess
    checkGolden(goldenPath, actual);
  });

  test.each(activity)('user-activity/%s.json matches its golden .ndjson file', (name) => {
    checkGolden(path.join(ACTIVITY_GOLDEN_DIR, `${name}.ndjson`), recordOutputOf(name));
  });

  test('every golden file belongs to a sample event', () => {
    expect(orphansIn(GOLDEN_DIR, events)).toEqual([]);
    expect(orphansIn(ACTIVITY_GOLDEN_DIR, activity)).toEqual([]);
  });
});
