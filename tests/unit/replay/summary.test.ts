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
      'replay: 2 objects, 5 events read, 4 matched the rule (1 did not, 0 outside --since/--until).\n' +
        'replay: 4 delivered to stdout; 4 restamped to now (older than the ingest window).\n',
    );
  });

  test('a failed run names the failure, and prints the command that resumes it whole, ready to paste', () => {
    // Prepare: a command longer than any terminal line
    const failures = new ProblemLog();
    failures.add('OpenObserve answered HTTP 503, 8 attempts in a row', 's3://b/k1', 3);
    const froms = Array.from({ length: 15 }, (_, i) => `--from s3://bucket/AWSLogs/111122223333/CloudTrail/eu-west-1/2025/06/${String(i + 1).padStart(2, '0')}/`).join(' ');
    const command = `o2-cognito replay ${froms} --to stdout --checkpoint replay-20250617T090000Z.checkpoint`;
    // Act
    const text = formatSummary(result({ failures, unfinished: ['s3://b/k1'] }, { objectsDone: 1, eventsRead: 3, matched: 3, deliveryFailed: 3 }), {
      dryRun: false,
      resume: { command, notes: ['set OPENOBSERVE_ACCESS_KEY first: the key given with --access-key is not repeated here'] },
      checkpoint: { file: 'replay-20250617T090000Z.checkpoint', saved: 4 },
    });
    // Assess
    expect(text).toContain('FAILED 3 records — OpenObserve answered HTTP 503, 8 attempts in a row: s3://b/k1');
    expect(text.split('\n').slice(-5)).toEqual([
      'replay: fix the cause above, then resume with:',
      `  ${command}`,
      'replay: replay-20250617T090000Z.checkpoint (written now) lists the 4 objects this run finished, which are skipped; records already delivered from an unfinished object are sent again.',
      'replay: set OPENOBSERVE_ACCESS_KEY first: the key given with --access-key is not repeated here.',
      '',
    ]);
  });

  test('a run that stopped before any object says to run it again, with no empty list of objects', () => {
    const text = formatSummary(result({ fatal: '--from /nope cannot be read (ENOENT)', unfinished: [] }), { dryRun: false, resume: { command: 'o2-cognito replay --from /nope --to stdout', notes: [] } });
    expect(text).toContain('replay: fix the cause above, then resume with:\n  o2-cognito replay --from /nope --to stdout\n');
    expect(text).not.toContain('()');
  });

  test('with the checkpoint the user gave, says that it skips the finished objects', () => {
    const text = formatSummary(result({ fatal: 'x', unfinished: ['a'] }), {
      dryRun: false,
      resume: { command: 'o2-cognito replay --from a --to stdout --checkpoint replay.cp', notes: [] },
      checkpoint: { file: 'replay.cp' },
    });
    expect(text).toContain('replay: replay.cp lists the finished objects, which are skipped;');
  });

  test('no line of a failed run ends in an ellipsis that hides part of what to run', () => {
    const failures = new ProblemLog();
    for (let i = 0; i < 30; i++) failures.add('x', `obj-${i}`);
    const text = formatSummary(result({ failures, unfinished: Array.from({ length: 30 }, (_, i) => `obj-${i}`) }, { objectsDone: 30, eventsRead: 30, matched: 30, deliveryFailed: 30 }), { dryRun: false });
    expect(text.split('\n').filter((line) => line.includes('--from'))).toEqual([]);
    expect(text).toContain('replay: fix the cause above, then run the same command again (with --checkpoint FILE, finished objects are skipped).');
  });
});

describe('formatSummary when nothing was there, or nothing matched', () => {
  test('input that holds no event is a failure that says so, with nothing to resume', () => {
    const skipped = new ProblemLog();
    skipped.add('not JSON', 'README.md:1', 240);
    const text = formatSummary(result({ skipped }, { objectsDone: 1, eventsRead: 240, unreadable: 240 }), { dryRun: false });
    expect(text).toBe(
      'replay: 1 object, 240 records read, none of them an event.\n' +
        'replay: skipped 240 records (not JSON): README.md:1, …\n' +
        'replay: FAILED — --from holds no event; give EventBridge events, CloudTrail log files or Firehose records (see o2-cognito replay --help).\n',
    );
    expect(text).not.toContain('resume');
  });

  test('events that the rule did not match make a run that succeeded, and says so', () => {
    const text = formatSummary(result({}, { objectsDone: 1, eventsRead: 5, notMatched: 5 }), { dryRun: false });
    expect(text).toContain('replay: no event matched: nothing to deliver (check --since/--until and --parameter-overrides if events were expected).\n');
    expect(text).not.toContain('FAILED');
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
