/**
 * `npm run fake-openobserve`, as a user runs it: started as a child process (scripts/fake-openobserve.ts
 * through scripts/run-ts.mjs) on a free port, then the three commands it prints — check-endpoint, replay
 * --to and install-pack — run as printed (`node bin/o2-cognito.js`, with the variables it says to export),
 * then Ctrl-C (SIGINT) stops it and deletes its certificates. Its request log names every request and no
 * credential.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..', '..');
const MARKER = 'Requests (Ctrl-C stops):\n';
const BASE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? root };

let fake: ChildProcess;
let output = '';
let exited: Promise<number | null>;

/** Resolves when the fake's stdout holds `text`; fails with what it printed after `ms`. */
function printed(text: string, ms = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the fake did not print ${JSON.stringify(text)} within ${ms} ms; it printed:\n${output}`)), ms);
    const check = (): void => {
      if (!output.includes(text)) return;
      clearTimeout(timer);
      fake.stdout?.off('data', check);
      resolve();
    };
    fake.stdout?.on('data', check);
    check();
  });
}

beforeAll(async () => {
  fake = spawn(process.execPath, ['scripts/run-ts.mjs', 'scripts/fake-openobserve.ts', '--port', '0'], { cwd: root, env: BASE_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  fake.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  fake.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  exited = new Promise((resolve) => fake.once('exit', (code) => resolve(code)));
  await printed(MARKER);
}, 40_000);

afterAll(async () => {
  if (fake.exitCode === null && fake.signalCode === null) {
    fake.kill('SIGTERM');
    await exited;
  }
});

const banner = (): string => output.slice(0, output.indexOf(MARKER));
const requestLog = (): string => output.slice(output.indexOf(MARKER) + MARKER.length);

/** `export A=1 B=2` lines of the banner, as variables. */
function exported(): Record<string, string> {
  const pairs = banner()
    .split('\n')
    .filter((line) => line.startsWith('export '))
    .flatMap((line) => line.slice('export '.length).split(' '))
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const);
  return Object.fromEntries(pairs);
}

/** The printed command that runs `command`, as its arguments after `node`. */
function commandLine(command: string): string[] {
  const line = banner()
    .split('\n')
    .find((l) => l.startsWith(`node bin/o2-cognito.js ${command} `));
  if (line === undefined) throw new Error(`the fake printed no ${command} command:\n${banner()}`);
  return line.split(' ').slice(1);
}

async function runPrinted(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, commandLine(command), { cwd: root, env: { ...BASE_ENV, ...exported() }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run fake-openobserve', () => {
  test('prints its URL on 127.0.0.1, the session access key, the CA file and the three commands', () => {
    const variables = exported();

    expect(banner()).toMatch(/^Fake OpenObserve on https:\/\/127\.0\.0\.1:\d+ /m);
    expect(Object.keys(variables).sort()).toEqual(['NODE_EXTRA_CA_CERTS', 'OPENOBSERVE_ACCESS_KEY', 'OPENOBSERVE_PASSWORD', 'OPENOBSERVE_USER']);
    expect(existsSync(variables.NODE_EXTRA_CA_CERTS ?? '')).toBe(true);
    expect(Buffer.from(variables.OPENOBSERVE_ACCESS_KEY ?? '', 'base64').toString('utf8')).toMatch(/^root@example\.com:[A-Za-z0-9_-]{16}$/);
    expect(['check-endpoint', 'replay', 'install-pack'].map((command) => commandLine(command)[1])).toEqual(['check-endpoint', 'replay', 'install-pack']);
  });

  test('passes check-endpoint, as printed, over TLS with the access key', async () => {
    const { code, stdout } = await runPrinted('check-endpoint');

    expect(code).toBe(0);
    expect(stdout).toMatch(/^passed\s+tls\s+/m);
    expect(stdout).toMatch(/^passed\s+organization\s+/m);
    expect(stdout).toMatch(/^passed\s+firehose\s+/m);
  });

  test('takes every sample event replay --to delivers, as printed', async () => {
    const { code, stderr } = await runPrinted('replay');

    expect(code).toBe(0);
    expect(stderr).toMatch(/replay: (\d+) delivered to https:\/\/127\.0\.0\.1:\d+\/aws\/default\/cognito_events\/_kinesis_firehose/);
    expect(requestLog()).toMatch(/^ {2}\d+ records stored in default\/cognito_events$/m);
  });

  test('lets install-pack install the dashboard, as printed, on the stream replay filled', async () => {
    const { code, stdout } = await runPrinted('install-pack');

    expect(code).toBe(0);
    expect(stdout).toMatch(/^unchanged\s+stream\s+cognito_events/m);
    expect(stdout).toMatch(/^created\s+dashboard\s+Cognito Security$/m);
  });

  test('logged each request received, without a credential', () => {
    const log = requestLog();
    const { OPENOBSERVE_ACCESS_KEY = '', OPENOBSERVE_PASSWORD = '' } = exported();
    const passcode = Buffer.from(OPENOBSERVE_ACCESS_KEY, 'base64').toString('utf8').split(':')[1] ?? '';

    expect(log).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} {2}GET \/config → 200 \(\d+ ms\)$/m);
    expect(log).toMatch(/ POST \/aws\/default\/cognito_events\/_kinesis_firehose → 200 /);
    expect(log).toMatch(/ POST \/api\/default\/dashboards → 200 /);
    for (const secret of [OPENOBSERVE_ACCESS_KEY, OPENOBSERVE_PASSWORD, passcode]) expect(log).not.toContain(secret);
  });

  test('stops on Ctrl-C with exit code 0, deleting its certificates', async () => {
    const ca = exported().NODE_EXTRA_CA_CERTS ?? '';

    fake.kill('SIGINT');

    expect(await exited).toBe(0);
    expect(output).toMatch(/fake-openobserve: stopped after \d+ requests; the certificates are deleted\.\n$/);
    expect(existsSync(ca)).toBe(false);
  });
});
