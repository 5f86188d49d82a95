import { CliUsageError } from '../../../cli/io';
import { parseReplayOptions, parseSinkTarget } from '../../../cli/replay/options';

const NOW = Date.parse('2025-06-17T12:00:00Z');

describe('parseReplayOptions', () => {
  test('defaults: stdout, ./template.yaml, gzip on, no window, no checkpoint', () => {
    const options = parseReplayOptions(['--from', 'events'], NOW);
    expect(options).toMatchObject({ from: ['events'], to: { kind: 'stdout' }, template: 'template.yaml', gzip: true, keepTimestamps: false, dryRun: false });
    expect(options.sinceMs).toBeUndefined();
    expect(options.checkpoint).toBeUndefined();
  });

  test('takes several --from, the window, overrides and flags', () => {
    const options = parseReplayOptions(
      ['--from', 'a', '--from', 's3://b/p', '--since', '6h', '--until', '2025-06-17T11:00:00Z', '--parameter-overrides', 'IncludeReadOnlyEvents=true', '--no-gzip', '--keep-timestamps', '--dry-run', '--checkpoint', 'cp'],
      NOW,
    );
    expect(options).toMatchObject({ from: ['a', 's3://b/p'], sinceMs: NOW - 6 * 3600_000, untilMs: Date.parse('2025-06-17T11:00:00Z'), gzip: false, keepTimestamps: true, dryRun: true, checkpoint: 'cp' });
    expect(options.parameterOverrides).toEqual(['IncludeReadOnlyEvents=true']);
  });

  test('refuses --since after --until', () => {
    expect(() => parseReplayOptions(['--from', 'a', '--since', '1h', '--until', '2h'], NOW)).toThrow(CliUsageError);
  });

  test('--help needs no --from', () => {
    expect(parseReplayOptions(['--help'], NOW).help).toBe(true);
  });
});

describe('parseSinkTarget', () => {
  test.each([
    ['stdout', { kind: 'stdout' }],
    ['firehose:cognito-events', { kind: 'firehose', stream: 'cognito-events' }],
    ['https://o2.example.com/aws/default/cognito/_kinesis_firehose', { kind: 'https', url: 'https://o2.example.com/aws/default/cognito/_kinesis_firehose' }],
  ])('reads %s', (text, target) => {
    expect(parseSinkTarget(text)).toEqual(target);
  });

  test.each([
    'http://o2.example.com/aws/default/cognito/_kinesis_firehose',
    'https://o2.example.com/api/default/cognito/_json',
    'https://user:pw@o2.example.com/aws/default/cognito/_kinesis_firehose',
    'firehose:',
    'kinesis:x',
  ])('refuses %s without echoing it', (text) => {
    expect(() => parseSinkTarget(text)).toThrow(CliUsageError);
    try {
      parseSinkTarget(text);
    } catch (error) {
      expect((error as Error).message).not.toContain('pw@');
    }
  });
});
