import { execFileSync } from 'node:child_process';
import { parseReplayOptions } from '../../../cli/replay/options';
import { resumeHint, secretParametersOf, shellWord } from '../../../cli/replay/resume-command';
import type { Template } from '../../../cli/template/load-template';

const NOW = Date.parse('2025-06-17T09:00:00Z');

/** The words `sh` makes of `command`: the shell itself is the oracle for the quoting. */
function shellWords(command: string): string[] {
  const out = execFileSync('sh', ['-c', `set -- ${command}; for word in "$@"; do printf '%s\\0' "$word"; done`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('shellWord', () => {
  test.each(['plain', 's3://bucket/AWSLogs/', "it's", 'two words', 'a"b', '$HOME', 'back\\slash', 'new\nline', '*', '', '-'])('%j survives sh', (word) => {
    expect(shellWords(`x ${shellWord(word)}`)).toEqual(['x', word]);
  });
});

describe('resumeHint', () => {
  test('gives a command sh parses back into the same options, with absolute times and the checkpoint', () => {
    // Prepare
    const argv = ['--from', "events/it's here", '--from', 's3://b/AWSLogs/', '--to', 'https://o2.example.com/aws/default/cognito/_kinesis_firehose', '--since', '7d', '--until', '1h',
      '--template', 'infra/template.yaml', '--no-gzip', '--keep-timestamps', '--dry-run'];
    const options = parseReplayOptions(argv, NOW);
    // Act
    const hint = resumeHint({ options, overrides: new Map([['IncludeReadOnlyEvents', 'true']]), secretParameters: new Set(), checkpointFile: 'replay-x.checkpoint' });
    const [program, command, ...rest] = shellWords(hint.command);
    const resumed = parseReplayOptions(rest, NOW + 86_400_000);
    // Assess
    expect([program, command]).toEqual(['o2-cognito', 'replay']);
    expect(resumed).toEqual({ ...options, parameterOverrides: ['IncludeReadOnlyEvents=true'], checkpoint: 'replay-x.checkpoint' });
    expect(rest).toContain('2025-06-10T09:00:00Z');
    expect(hint.notes).toEqual([]);
  });

  test('never carries the access key, nor the value of a NoEcho parameter, and says what to add', () => {
    const options = parseReplayOptions(['--from', 'a', '--to', 'https://o2.example.com/aws/default/cognito/_kinesis_firehose', '--access-key', 'S3cr3t-K3y'], NOW);
    const hint = resumeHint({
      options,
      overrides: new Map([['OpenObserveAccessKey', 'An0ther-S3cr3t'], ['IncludeIdentityPoolEvents', 'false']]),
      secretParameters: new Set(['OpenObserveAccessKey']),
    });
    expect(hint.command).toBe('o2-cognito replay --from a --to https://o2.example.com/aws/default/cognito/_kinesis_firehose --parameter-overrides IncludeIdentityPoolEvents=false');
    expect(JSON.stringify(hint)).not.toMatch(/S3cr3t/);
    expect(hint.notes).toEqual([
      'set OPENOBSERVE_ACCESS_KEY first: the key given with --access-key is not repeated here',
      'add the --parameter-overrides values of OpenObserveAccessKey yourself: secret values are not repeated here',
    ]);
  });
});

describe('secretParametersOf', () => {
  test('names the NoEcho parameters of a template', () => {
    const template = { Resources: {}, Parameters: { Key: { Type: 'String', NoEcho: true }, Other: { Type: 'String' }, Url: { Type: 'String', NoEcho: 'true' } } } as unknown as Template;
    expect([...secretParametersOf(template)]).toEqual(['Key', 'Url']);
  });
});
