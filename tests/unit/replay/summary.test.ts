import { ProblemLog, emptyStats } from '../../../cli/replay/replay-stats';
import type { ReplayResult } from '../../../cli/replay/run-replay';
import { formatSummary } from '../../../cli/replay/summary';
import { NO_CHECKPOINT } from '../../../cli/replay/checkpoint';
import { SUMMARY_MAX_REASONS } from '../../../cli/replay/constants';
import { runReplay } from '../../../cli/replay/run-replay';
import { dryRunSink } from '../../../cli/replay/sinks/stdout-sink';
import { replayTransform } from '../../../cli/replay/transform-port';
import { cloudTrailRecord, memoryObject } from './factories';

function result(overrides: Partial<ReplayResult> = {}, stats: Partial<ReplayResult['stats']> = {}): ReplayResult {
  return { stats: { ...emptyStats(), ...stats }, sinkLabel: 'stdout', failures: new ProblemLog(), skipped: new ProblemLog(), unfinished: [], ...overrides };
}

describe('formatSummary', () => {
  test('a clean run says what was read, matched and delivered', () => {
    const text = formatSummary(result({}, { objectsDone: 2, eventsRead: 5, matched: 4, notMatched: 1, delivered: 4, restamped: 4 }), { dryRun: false });
    expect(text).toBe(
      'replay: 2 objects, 5 records read, 4 matched the rule (1 did not, 0 outside --since/--until).\n' +
        'replay: 4 delivered to stdout; 4 restamped to now (older than the ingest window).\n',
    );
  });

  test('a failed run names the failure, the unfinished objects and how to retry them', () => {
    const failures = new ProblemLog();
    failures.add('OpenObserve answered HTTP 503, 8 attempts in a row', 's3://b/k1', 3);
    const text = formatSummary(result({ failures, unfinished: ['s3://b/k1'] }, { deliveryFailed: 3 }), { dryRun: false });
    expect(text).toContain('FAILED 3 records — OpenObserve answered HTTP 503, 8 attempts in a row: s3://b/k1');
    expect(text).toContain('--from "s3://b/k1"');
    expect(text).toContain('--checkpoint FILE');
  });

  test('a run that stopped before any object offers no empty list of objects to retry', () => {
    const text = formatSummary(result({ fatal: '--from /nope cannot be read (ENOENT)', unfinished: [] }), { dryRun: false });
    expect(text).toContain('replay: fix the cause above, then run the same command again.');
    expect(text).not.toContain('()');
  });

  test('with a checkpoint, says that running the same command again resumes', () => {
    const text = formatSummary(result({ fatal: 'x', unfinished: ['a'] }), { dryRun: false, checkpointFile: 'replay.cp' });
    expect(text).toContain('run the same command again: replay.cp skips the finished objects');
  });
});

describe('formatSummary on hostile input', () => {
  test('20,000 unreadable records, each with its own eventType, make a short summary that quotes none of them', async () => {
    // Prepare: a CloudTrail log whose records carry a made-up eventType each (the record's own text)
    const records = Array.from({ length: 20_000 }, (_, i) => ({ ...cloudTrailRecord(), eventType: `Secret${i}-hunter2` }));
    const result = await runReplay({
      sources: (async function* () {
        yield memoryObject('trail.json', JSON.stringify({ Records: records }));
      })(),
      createSink: (report) => dryRunSink('stdout', 'normalised', report),
      rule: { matches: () => true },
      transform: replayTransform({}, { keepTimestamps: false }),
      checkpoint: NO_CHECKPOINT,
      now: Date.now,
    });
    // Act
    const text = formatSummary(result, { dryRun: true });
    // Assess
    expect(result.stats.unreadable).toBe(20_000);
    expect(text).not.toMatch(/Secret|hunter2/);
    expect(text.split('\n').length).toBeLessThan(10);
    expect(text).toContain('skipped 20,000 records (CloudTrail record without a known eventType): trail.json:1 Records[0], ');
  });

  test('however many distinct reasons, the summary names a bounded number and counts the rest together', () => {
    const failures = new ProblemLog();
    const skipped = new ProblemLog();
    for (let i = 0; i < 5_000; i++) {
      failures.add(`reason ${i}`, `obj-${i}`);
      skipped.add(`skip ${i}`, `obj-${i}:1`);
    }
    const text = formatSummary(result({ failures, skipped, unfinished: ['obj-1'] }, { deliveryFailed: 5_000, unreadable: 5_000 }), { dryRun: false });
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(2 + 2 * (SUMMARY_MAX_REASONS + 1) + 3);
    expect(text).toContain(`FAILED ${(5_000 - SUMMARY_MAX_REASONS).toLocaleString('en-US')} records — other reasons: obj-${SUMMARY_MAX_REASONS}, `);
    expect(text).toContain(`skipped ${(5_000 - SUMMARY_MAX_REASONS).toLocaleString('en-US')} records (other reasons): `);
  });
});
