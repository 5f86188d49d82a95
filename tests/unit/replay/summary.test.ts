import { ProblemLog, emptyStats } from '../../../cli/replay/replay-stats';
import type { ReplayResult } from '../../../cli/replay/run-replay';
import { formatSummary } from '../../../cli/replay/summary';

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
