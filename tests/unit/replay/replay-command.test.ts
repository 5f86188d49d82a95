import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { main } from '../../../cli/index';
import { REPLAY_USAGE } from '../../../cli/replay/options';
import { ACCESS_KEY_LOCATION } from '../../../functions/shared/access-key-location';
import { createReplayCommand } from '../../../cli/commands/replay';
import { DEFAULT_TRANSFORM_CONFIG } from '../../../functions/transform/config';
import { normaliseEvent } from '../../../functions/transform/normalise';
import { capturedIo } from '../../helpers/captured-io';
import { cloudTrailRecord, eventBridgeEvent, normalisedRecord } from './factories';

const ROOT = path.join(__dirname, '../../..');
const SAMPLES = path.join(ROOT, 'events/eventbridge');

describe('o2-cognito replay → stdout', () => {
  test('prints the transform\'s line for every sample event, and a summary on stderr', async () => {
    // Prepare
    const io = capturedIo(ROOT);
    const files = readdirSync(SAMPLES).sort();
    const keep = { ...DEFAULT_TRANSFORM_CONFIG, lateEventPolicy: 'keep' as const };
    const expected = files.map((file) => {
      const outcome = normaliseEvent(JSON.parse(readFileSync(path.join(SAMPLES, file), 'utf8')), 0, keep, 0);
      return outcome.kind === 'ok' ? outcome.line : '';
    });
    // Act
    const code = await main(['replay', '--from', 'events/eventbridge', '--to', 'stdout', '--keep-timestamps'], io);
    // Assess
    expect(code).toBe(0);
    expect(io.out()).toBe(expected.join(''));
    expect(io.err()).toContain(`${files.length} delivered to stdout`);
  });

  test('restamps old events by default, as the stack does', async () => {
    const io = capturedIo(ROOT);
    const code = await main(['replay', '--from', 'events/eventbridge/sign-up.json'], io);
    expect(code).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ restamped: true, event_name: 'SignUp' });
  });

  test('applies the parameter overrides to the rule', async () => {
    const io = capturedIo(ROOT);
    await main(['replay', '--from', 'events/eventbridge', '--parameter-overrides', 'IncludeIdentityPoolEvents=false'], io);
    const sources = io.out().trim().split('\n').map((line) => JSON.parse(line).event_source);
    expect(sources).not.toContain('cognito-identity.amazonaws.com');
    expect(sources.length).toBeGreaterThan(0);
  });

  test('takes the --parameter-overrides example of its own --help, several values after one option', async () => {
    // Prepare
    const example = /--parameter-overrides K=V …\s+template parameters, e\.g\. (.+)\n/.exec(REPLAY_USAGE)![1]!.split(' ');
    const io = capturedIo(ROOT);
    // Act
    const code = await main(['replay', '--from', 'events/eventbridge', '--parameter-overrides', ...example], io);
    // Assess
    expect(example).toEqual(['IncludeIdentityPoolEvents=false', 'IncludeReadOnlyEvents=true']);
    expect(code).toBe(0);
    const sources = io.out().trim().split('\n').map((line) => JSON.parse(line).event_source);
    expect(sources).not.toContain('cognito-identity.amazonaws.com');
  });

  test('refuses a parameter override the template does not declare, or a value it does not allow, before reading', async () => {
    // Prepare
    const typo = capturedIo(ROOT);
    const badValue = capturedIo(ROOT);
    // Act
    const typoCode = await main(['replay', '--from', 'events/eventbridge', '--parameter-overrides', 'IncludeIdentityPoolEvent=false'], typo);
    const badCode = await main(['replay', '--from', 'events/eventbridge', '--parameter-overrides', 'IncludeIdentityPoolEvents=fasle'], badValue);
    // Assess: nothing replayed through a rule the user did not mean
    expect(typoCode).toBe(2);
    expect(typo.out()).toBe('');
    expect(typo.err()).toContain('IncludeIdentityPoolEvent, which is not a template parameter');
    expect(badCode).toBe(2);
    expect(badValue.out()).toBe('');
    expect(badValue.err()).toContain('IncludeIdentityPoolEvents must be one of');
  });

  test('takes the transform settings from the environment', async () => {
    const io = capturedIo(ROOT, { PAYLOAD_MODE: 'drop', EXCLUDE_EVENT_NAMES: 'SignUp' });
    await main(['replay', '--from', 'events/eventbridge'], io);
    const records = io.out().trim().split('\n').map((line) => JSON.parse(line));
    expect(records.some((record) => 'request_parameters' in record)).toBe(false);
    expect(records.some((record) => record.event_name === 'SignUp')).toBe(false);
    expect(io.err()).toContain('dropped by EXCLUDE_EVENT_NAMES');
  });

  test('reads a folder of gzip CloudTrail files whatever their names, recursively', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'replay-'));
    mkdirSync(path.join(dir, 'AWSLogs', '2025'), { recursive: true });
    writeFileSync(path.join(dir, 'AWSLogs', '2025', 'trail.bin'), gzipSync(JSON.stringify({ Records: [cloudTrailRecord(), cloudTrailRecord()] })));
    const io = capturedIo(dir);
    const code = await main(['replay', '--from', dir, '--template', path.join(ROOT, 'template.yaml')], io);
    expect(code).toBe(0);
    expect(io.out().trim().split('\n')).toHaveLength(2);
  });

  test('--checkpoint makes a second run skip finished files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'replay-'));
    const checkpoint = path.join(dir, 'cp.txt');
    const args = ['replay', '--from', 'events/eventbridge', '--checkpoint', checkpoint];
    await main(args, capturedIo(ROOT));
    const second = capturedIo(ROOT);
    const code = await main(args, second);
    expect(code).toBe(0);
    expect(second.out()).toBe('');
    expect(second.err()).toMatch(/finished earlier, skipped/);
  });

  test('--checkpoint: a file name holding a line break never makes a resumed run skip another file', async () => {
    // Prepare: '0\nvictim.json' finished in a first run; 'victim.json' never read
    const dir = mkdtempSync(path.join(os.tmpdir(), 'replay-'));
    writeFileSync(path.join(dir, '0\nvictim.json'), JSON.stringify(eventBridgeEvent()));
    writeFileSync(path.join(dir, 'victim.json'), JSON.stringify(eventBridgeEvent(cloudTrailRecord({ eventName: 'SignUp' }))));
    const template = ['--template', path.join(ROOT, 'template.yaml'), '--checkpoint', '.checkpoint'];
    expect(await main(['replay', '--from', '0\nvictim.json', ...template], capturedIo(dir))).toBe(0);
    // Act
    const resumed = capturedIo(dir);
    const code = await main(['replay', '--from', '.', ...template], resumed);
    // Assess
    expect(code).toBe(0);
    expect(resumed.out().trim().split('\n').map((line) => JSON.parse(line).event_name)).toEqual(['SignUp']);
    expect(resumed.err()).toContain('1 finished earlier, skipped');
  });

  test('a failed run without --checkpoint saves what it finished and prints the exact command that resumes it', async () => {
    // Prepare: three files; the transform fails the middle one's record (a schema_version it does not know)
    const dir = mkdtempSync(path.join(os.tmpdir(), 'replay-'));
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in', 'a.json'), JSON.stringify(eventBridgeEvent()));
    writeFileSync(path.join(dir, 'in', 'b.json'), JSON.stringify(normalisedRecord({ schema_version: 2 })));
    writeFileSync(path.join(dir, 'in', 'c.json'), JSON.stringify(eventBridgeEvent()));
    const template = path.join(ROOT, 'template.yaml');
    const first = capturedIo(dir);
    // Act
    const code = await main(['replay', '--from', 'in', '--template', template, '--since', '2025-01-01'], first);
    // Assess: the command is printed whole on its own line, and running it skips the finished files
    expect(code).toBe(1);
    const lines = first.err().split('\n');
    const command = lines[lines.indexOf('replay: fix the cause above, then resume with:') + 1]!.trim();
    const saved = readdirSync(dir).find((file) => file.endsWith('.checkpoint'))!;
    expect(command).toBe(`o2-cognito replay --from in --to stdout --since 2025-01-01T00:00:00Z --template ${template} --checkpoint ${saved}`);
    expect(readFileSync(path.join(dir, saved), 'utf8')).toBe('"in/a.json"\n"in/c.json"\n');
    const resumed = capturedIo(dir);
    expect(await main(command.split(' ').slice(1), resumed)).toBe(1);
    expect(resumed.out()).toBe('');
    expect(resumed.err()).toContain('(2 finished earlier, skipped)');
  });

  test('a reader that stops reading stdout (| head -1, EPIPE) ends the run quietly with 0', async () => {
    // Prepare: stdout takes one line, then fails every write as a closed pipe does
    let lines = 0;
    const stdout = new Writable({
      write: (_chunk, _encoding, done) => (++lines > 1 ? done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })) : done()),
    });
    const io = { ...capturedIo(ROOT), stdout };
    // Act
    const code = await main(['replay', '--from', 'events/eventbridge'], io);
    // Assess
    expect(code).toBe(0);
    expect(io.err()).toBe('');
  });

  test.each([
    [['--from', 'README.md'], '--from holds no event'],
    [['--from', 'docs/readme/00-intro.md', '--from', 'package.json'], '--from holds no event'],
    [['--from', mkdtempSync(path.join(os.tmpdir(), 'replay-empty-'))], '--from names no file or object'],
  ])('input that holds no event (%j) fails with exit code 1 and says so, with nothing to resume', async (args, message) => {
    // Prepare: run from a folder of its own, where a resume checkpoint would show
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'replay-'));
    const io = capturedIo(cwd);
    // Act
    const code = await main(['replay', '--template', path.join(ROOT, 'template.yaml'), ...args.map((arg) => (arg.startsWith('-') || path.isAbsolute(arg) ? arg : path.join(ROOT, arg)))], io);
    // Assess
    expect(code).toBe(1);
    expect(io.err()).toContain(`replay: FAILED — ${message}`);
    expect(io.err()).not.toContain('0 matched');
    expect(io.err()).not.toContain('resume');
    expect(readdirSync(cwd)).toEqual([]);
  });

  test('events that the rule does not match: exit code 0, and the summary says nothing matched', async () => {
    const io = capturedIo(ROOT);
    const code = await main(['replay', '--from', 'events/eventbridge', '--until', '2000-01-01'], io);
    expect(code).toBe(0);
    expect(io.out()).toBe('');
    expect(io.err()).toContain('replay: no event matched: nothing to deliver');
  });

  describe('--from - reads stdin, as invoke --event - does', () => {
    const stdinOf = (text: string) => () => Readable.from([Buffer.from(text)]);

    test('replays the events piped in', async () => {
      // Prepare
      const events = [eventBridgeEvent(cloudTrailRecord({ eventName: 'SignUp' })), eventBridgeEvent(cloudTrailRecord({ eventName: 'ConfirmSignUp' }))];
      const io = capturedIo(ROOT);
      // Act
      const code = await createReplayCommand(stdinOf(events.map((event) => JSON.stringify(event)).join('\n')))(['--from', '-'], io);
      // Assess
      expect(code).toBe(0);
      expect(io.out().trim().split('\n').map((line) => JSON.parse(line).event_name)).toEqual(['SignUp', 'ConfirmSignUp']);
    });

    test('names places in stdin as stdin:LINE, and a checkpoint never skips stdin', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'replay-'));
      const args = ['--from', '-', '--checkpoint', path.join(dir, 'cp'), '--template', path.join(ROOT, 'template.yaml'), '--keep-timestamps'];
      const text = `${JSON.stringify(eventBridgeEvent())}\n{"broken":\n`;
      const first = capturedIo(dir);
      const second = capturedIo(dir);
      expect(await createReplayCommand(stdinOf(text))(args, first)).toBe(0);
      expect(await createReplayCommand(stdinOf(text))(args, second)).toBe(0);
      expect(second.out()).toBe(first.out());
      expect(second.err()).toContain('skipped 1 record (incomplete JSON (reading went on at the next line)): stdin:2');
    });

    test('refuses stdin twice: it is read only once', async () => {
      const io = capturedIo(ROOT);
      expect(await main(['replay', '--from', '-', '--from', '-'], io)).toBe(2);
      expect(io.err()).toContain('--from - (stdin) can be given once');
    });
  });

  test('when records and progress both go to the terminal, they never share a line', async () => {
    // Prepare: one terminal behind stdout and stderr, as when neither is redirected
    let screen = '';
    const terminal = (): Writable & { isTTY: boolean } =>
      Object.assign(new Writable({ write: (chunk, _encoding, done) => {
        screen += String(chunk);
        done();
      } }), { isTTY: true });
    const io = { ...capturedIo(ROOT), stdout: terminal(), stderr: terminal(), interactive: true };
    // Act
    const code = await main(['replay', '--from', 'events/eventbridge'], io);
    // Assess
    expect(code).toBe(0);
    expect(screen).not.toContain('\r');
    const lines = screen.split('\n');
    expect(lines.filter((line) => line.includes('"_timestamp"') && line.includes('replay:'))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('{\t"_timestamp"'))).toHaveLength(readdirSync(SAMPLES).length);
  });

  test('--dry-run prints nothing on stdout', async () => {
    const io = capturedIo(ROOT);
    expect(await main(['replay', '--from', 'events/eventbridge', '--dry-run'], io)).toBe(0);
    expect(io.out()).toBe('');
    expect(io.err()).toContain('would be delivered to stdout (dry run)');
  });

  test.each([
    [['--to', 'stdout'], /--from is required/],
    [['--from', 'no/such/folder'], /cannot be read/],
    [['--from', 'events', '--template', 'nope.yaml'], /does not exist/],
    [['--from', 'events', '--since', 'yesterday'], /--since is 'yesterday'/],
    [['--from', 'events', '--to', 'http://o2.example.com/aws/default/x/_kinesis_firehose'], /--to takes/],
  ])('refuses %j with a message that says what to do', async (args, message) => {
    const io = capturedIo(ROOT);
    const code = await main(['replay', ...args], io);
    expect(code).not.toBe(0);
    expect(io.err()).toMatch(message);
  });

  test('--to https without a key says where the access key is found, in the words every command uses', async () => {
    const io = capturedIo(ROOT);
    const code = await main(['replay', '--from', 'events', '--to', 'https://o2.example.com/aws/default/cognito/_kinesis_firehose'], io);
    expect(code).toBe(2);
    expect(io.err()).toContain(ACCESS_KEY_LOCATION);
  });

  test('no other wording for where the access key is found is left in replay', () => {
    const files = [path.join(ROOT, 'cli/commands/replay.ts'), ...readdirSync(path.join(ROOT, 'cli/replay'), { recursive: true, encoding: 'utf8' }).map((file) => path.join(ROOT, 'cli/replay', file))];
    const stale = files.filter((file) => file.endsWith('.ts') && /under Ingestion|Ingestion page|Data sources →|Recommended → AWS/i.test(readFileSync(file, 'utf8')));
    expect(stale).toEqual([]);
  });

  test('a misspelt option never echoes the value after it', async () => {
    const io = capturedIo(ROOT);
    const code = await main(['replay', '--from', 'events', '--acces-key', 'S3cr3t-K3y-Value'], io);
    expect(code).toBe(2);
    expect(io.err()).not.toContain('S3cr3t-K3y-Value');
  });
});
