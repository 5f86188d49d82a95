import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { main } from '../../../cli/index';
import type { CliIo } from '../../../cli/io';
import { accessKeyFor, type FakeOpenObserve, startFakeOpenObserve } from '../../helpers/fake-openobserve';
import { createTestTls, type TestTls } from '../../helpers/tls';

/**
 * `o2-cognito check-endpoint`: in-process against a plain-HTTP fake (usage, output, exit codes), and end to
 * end as a child process (`node bin/o2-cognito.js`, built by `npm run build`) against an HTTPS fake whose CA
 * is trusted through NODE_EXTRA_CA_CERTS, as a user would trust a private CA.
 */
const SECRET = 'Cc1-CLI-DISTINCTIVE-SECRET';
const USER = { user: 'ingest@example.com', secret: SECRET };
const KEY = accessKeyFor(USER);
const root = path.resolve(__dirname, '..', '..', '..');
const run = promisify(execFile);

let pki: TestTls;
let https: FakeOpenObserve;
let http: FakeOpenObserve;

beforeAll(async () => {
  pki = await createTestTls();
  https = await startFakeOpenObserve({ tls: { key: pki.key, cert: pki.cert }, users: [USER] });
  http = await startFakeOpenObserve({ users: [USER] });
});
afterAll(async () => {
  await https.stop();
  await http.stop();
  await pki.cleanup();
});
beforeEach(() => {
  https.reset();
  http.reset();
});

function captureIo(env: NodeJS.ProcessEnv = {}): CliIo & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  return {
    stdout,
    stderr,
    env,
    cwd: root,
    interactive: false,
    out: () => Buffer.concat(chunks.out).toString(),
    err: () => Buffer.concat(chunks.err).toString(),
  };
}
const args = (url: string, ...more: string[]) => ['check-endpoint', '--url', url, '--org', 'default', '--stream', 'cognito-auth', ...more];

describe('o2-cognito check-endpoint (in-process)', () => {
  test('prints one line per check on stdout and a summary on stderr, and exits 0 when nothing failed', async () => {
    const io = captureIo({ OPENOBSERVE_ACCESS_KEY: KEY });

    const code = await main(args(http.url, '--allow-local'), io);

    expect(code).toBe(0);
    const lines = io.out().trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'warned url',
      'passed access-key',
      'warned host',
      'skipped tls',
      'passed version',
      'passed organization',
      'passed firehose',
      'warned stream-name',
      'skipped trail',
      'skipped trail-quota',
      'skipped data-events',
    ]);
    expect(io.err()).toMatch(/OpenObserve v0\.92\.2, stream stored as 'cognito_auth'; 4 passed, 3 warned, 0 failed, 4 skipped/);
  });

  test('exits 1 and prints the failed check with its explanation', async () => {
    http.misbehave('firehose', { kind: 'status', status: 415, body: 'Content type error' });
    const io = captureIo();

    const code = await main(args(http.url, '--allow-local', '--access-key', KEY, '--no-gzip'), io);

    expect(code).toBe(1);
    expect(io.out()).toMatch(/^FAILED\s+firehose\s+.*\(415\)/m);
    expect(http.requests.find((r) => r.route === 'firehose')?.headers['content-encoding']).toBeUndefined();
  });

  test('fails a loopback http URL without --allow-local, before any request', async () => {
    const io = captureIo({ OPENOBSERVE_ACCESS_KEY: KEY });

    expect(await main(args(http.url), io)).toBe(1);
    expect(io.out()).toMatch(/^FAILED\s+url\s+The OpenObserve URL uses http/m);
    expect(http.requests).toEqual([]);
  });

  test.each([
    ['a private address', 'http://10.0.0.1:5080', '10.0.0.1'],
    ['a public address', 'http://203.0.113.9', '203.0.113.9'],
  ])('fails plain http to %s even with --allow-local, as install-pack does, sending nothing', async (_what, url, address) => {
    const io = captureIo({ OPENOBSERVE_ACCESS_KEY: KEY });

    expect(await main(args(url, '--allow-local'), io)).toBe(1);
    expect(io.out()).toContain(
      `FAILED   host          Plain http is allowed for local testing to this machine only, but ${address} resolves to ${address}, which is not loopback; use https for the OpenObserve URL.`,
    );
    expect(io.out()).toMatch(/^skipped\s+firehose\s+/m);
  });

  test.each([
    [['check-endpoint', '--org', 'o', '--stream', 's', '--access-key', 'k'], /--url is required/],
    [['check-endpoint', '--url', 'https://x', '--org', 'o', '--stream', 's'], /--access-key KEY, --secret-arn ARN, or set OPENOBSERVE_ACCESS_KEY/],
    [['check-endpoint', '--url', 'https://x', '--org', 'o', '--stream', 's', '--access-key', 'k', '--secret-arn', 'a'], /not both/],
    [['check-endpoint', '--bogus'], /Unknown option '--bogus'/],
  ])('exits 2 with a usage message for %j', async (argv, message) => {
    const io = captureIo();

    expect(await main(argv, io)).toBe(2);
    expect(io.err()).toMatch(message);
  });

  test('--help prints the options on stdout', async () => {
    const io = captureIo();

    expect(await main(['check-endpoint', '--help'], io)).toBe(0);
    expect(io.out()).toContain('--require-trail');
  });
});

describe('o2-cognito check-endpoint (child process, built CLI, NODE_EXTRA_CA_CERTS)', () => {
  const bin = path.join(root, 'bin', 'o2-cognito.js');
  const env = (extra: NodeJS.ProcessEnv) => ({ PATH: process.env.PATH, HOME: process.env.HOME, NODE_EXTRA_CA_CERTS: pki.caPath, ...extra });
  const spawnCli = (argv: string[], extra: NodeJS.ProcessEnv) =>
    run(process.execPath, [bin, ...argv], { env: env(extra), cwd: root, timeout: 20_000 }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(() => {
    if (!existsSync(path.join(root, 'dist', 'cli', 'index.js'))) {
      throw new Error('dist/cli/index.js is missing: run `npm run build` first (`npm test` builds before jest).');
    }
  });

  test('passes every endpoint check against HTTPS trusted through NODE_EXTRA_CA_CERTS', async () => {
    const result = await spawnCli(args(https.url, '--allow-local'), { OPENOBSERVE_ACCESS_KEY: KEY });

    expect(result.stdout).toMatch(/^passed\s+tls\s+The certificate of 127\.0\.0\.1 is valid/m);
    expect(result.stdout).toMatch(/^passed\s+firehose\s+/m);
    expect(result.code).toBe(0);
    expect(https.requests.find((r) => r.route === 'firehose')?.headers['content-encoding']).toBe('gzip');
  });

  test('exits 1 on a rejected key, and never prints the key or its secret', async () => {
    const wrong = Buffer.from(`${USER.user}:${SECRET}-old`).toString('base64');

    const result = await spawnCli(args(https.url, '--allow-local'), { OPENOBSERVE_ACCESS_KEY: wrong });

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED\s+firehose\s+.*401/m);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(result.stdout + result.stderr).not.toContain(wrong);
  });

  test('fails TLS without the CA, as Firehose would for a certificate that is not publicly trusted', async () => {
    const result = await spawnCli(args(https.url, '--allow-local'), { OPENOBSERVE_ACCESS_KEY: KEY, NODE_EXTRA_CA_CERTS: '' });

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED\s+tls\s+.*does not chain to a publicly trusted CA/m);
  });
});
