import { mkdtempSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../../cli/index';
import { PACK_CONTENT } from '../../../functions/shared/pack/content';
import type { CliIo } from '../../../cli/io';
import { FakeOpenObserveManagement, startFakeOpenObserve } from '../../helpers/fake-openobserve-management';
import { createTestTls, type TestTls } from '../../helpers/tls';

/** Stream, two folders, template, destination, dashboard, and the alerts. */
const PACK_OBJECTS = 6 + PACK_CONTENT.alerts.length;

const PASSWORD = 'pw-DISTINCTIVE-4e1d-secret';
const PASSCODE = 'firehose-PASSCODE-77aa';
const WEBHOOK_SECRET = 'XOXB-WEBHOOK-SECRET-913';
const WEBHOOK = `https://hooks.example.com/services/T0/B0/${WEBHOOK_SECRET}`;
const USER = 'admin@example.com';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'install-pack-'));
let fake: FakeOpenObserveManagement;
beforeEach(async () => {
  fake = await startFakeOpenObserve({ accounts: [{ username: USER, secret: PASSWORD }], passcodes: [PASSCODE] });
});
afterEach(() => fake.stop());

async function cli(args: readonly string[], env: Record<string, string> = { OPENOBSERVE_USER: USER, OPENOBSERVE_PASSWORD: PASSWORD }): Promise<Captured> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const io: CliIo = { stdout, stderr, env, cwd: tmp, interactive: false };
  const code = await main(['install-pack', ...args], io);
  return { code, stdout: out, stderr: err };
}

function expectNoSecrets(result: Captured): void {
  for (const secret of [PASSWORD, PASSCODE, WEBHOOK_SECRET, Buffer.from(`${USER}:${PASSWORD}`).toString('base64')]) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  }
}

describe('o2-cognito install-pack', () => {
  test('installs the pack, one line per object on stdout and a summary on stderr', async () => {
    const result = await cli(['--url', fake.url, '--allow-local', '--webhook-url', WEBHOOK]);

    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(PACK_OBJECTS);
    expect(result.stdout).toMatch(/^created +dashboard +Cognito Security$/m);
    expect(result.stderr).toBe(`warning: sending OPENOBSERVE_USER and OPENOBSERVE_PASSWORD over plain http to ${new URL(fake.url).host}, on this machine (--allow-local).\n${PACK_OBJECTS} created.\n`);
    expectNoSecrets(result);
  });

  test('a second run reports every object unchanged and writes nothing', async () => {
    await cli(['--url', fake.url, '--allow-local', '--webhook-url', WEBHOOK]);
    const writes = fake.writes().length;

    const result = await cli(['--url', fake.url, '--allow-local', '--webhook-url', WEBHOOK]);

    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').every((line) => line.startsWith('unchanged'))).toBe(true);
    expect(fake.writes()).toHaveLength(writes);
  });

  test('--dry-run prints what it would create and writes nothing', async () => {
    const result = await cli(['--url', fake.url, '--allow-local', '--webhook-url', WEBHOOK, '--dry-run']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^would create +alert +cognito_password_spraying$/m);
    expect(fake.writes()).toEqual([]);
    expectNoSecrets(result);
  });

  test('--uninstall removes what the pack installed', async () => {
    await cli(['--url', fake.url, '--allow-local', '--webhook-url', WEBHOOK]);

    const result = await cli(['--url', fake.url, '--allow-local', '--uninstall']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^deleted +dashboard +Cognito Security$/m);
    expect(fake.dashboards.size).toBe(0);
  });

  test('says the Firehose passcode cannot manage content when OpenObserve answers 401, without repeating it', async () => {
    const result = await cli(['--url', fake.url, '--allow-local', '--webhook-url', WEBHOOK], { OPENOBSERVE_USER: USER, OPENOBSERVE_PASSWORD: PASSCODE });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('401');
    expect(result.stderr).toContain('Firehose access key');
    expect(result.stderr).toContain('OPENOBSERVE_PASSWORD');
    expectNoSecrets(result);
  });

  test('asks for OPENOBSERVE_USER and OPENOBSERVE_PASSWORD when they are not set', async () => {
    const result = await cli(['--url', fake.url, '--allow-local'], {});

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('OPENOBSERVE_USER');
    expect(fake.requests).toEqual([]);
  });

  test('applies a thresholds file', async () => {
    const file = path.join(tmp, 'ok.json');
    writeFileSync(file, JSON.stringify({ cognito_brute_force_user: { min_failures: 33 } }));

    const result = await cli(['--url', fake.url, '--allow-local', '--webhook-url', WEBHOOK, '--thresholds', 'ok.json']);

    expect(result.code).toBe(0);
    const alert = [...fake.alerts.values()].find((a) => a.body.name === 'cognito_brute_force_user');
    expect(JSON.stringify(alert?.body.query_condition)).toContain('>= 33');
  });

  test.each([
    ['an unknown alert', { cognito_brute_force: { min_failures: 3 } }, 'cognito_brute_force'],
    ['a value out of range', { cognito_brute_force_user: { min_failures: 0 } }, 'min_failures'],
  ])('refuses a thresholds file with %s before calling OpenObserve', async (_name, content, named) => {
    writeFileSync(path.join(tmp, 'bad.json'), JSON.stringify(content));

    const result = await cli(['--url', fake.url, '--allow-local', '--thresholds', 'bad.json']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(named);
    expect(fake.requests).toEqual([]);
  });

  test('refuses a thresholds file that is not JSON or not there', async () => {
    writeFileSync(path.join(tmp, 'broken.json'), '{ nope');

    expect((await cli(['--url', fake.url, '--allow-local', '--thresholds', 'broken.json'])).code).toBe(2);
    expect((await cli(['--url', fake.url, '--allow-local', '--thresholds', 'missing.json'])).code).toBe(2);
  });

  test.each([
    ['no --url', []],
    ['a URL holding credentials', ['--url', `https://${USER}:${PASSWORD}@o2.example.com`]],
    ['a bad stream name', ['--url', 'https://o2.example.com', '--stream', 'Bad Stream']],
    ['--uninstall with --webhook-url', ['--url', 'https://o2.example.com', '--uninstall', '--webhook-url', WEBHOOK]],
    ['an unknown flag', ['--url', 'https://o2.example.com', '--force']],
  ])('answers a usage error (exit 2) for %s, without echoing secrets', async (_name, args) => {
    const result = await cli(args);

    expect(result.code).toBe(2);
    expectNoSecrets(result);
  });

  test('prints its usage with --help', async () => {
    const result = await cli(['--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--webhook-url');
  });
});

describe('o2-cognito install-pack over plain http', () => {
  test('refuses a plain http URL without --allow-local, before sending anything', async () => {
    const result = await cli(['--url', fake.url, '--webhook-url', WEBHOOK]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--url uses plain http, which would send OPENOBSERVE_USER and OPENOBSERVE_PASSWORD unencrypted');
    expect(result.stderr).toContain('--allow-local');
    expect(fake.requests).toEqual([]);
  });

  test.each([
    ['a private address', 'http://10.0.0.1:5080', '10.0.0.1'],
    ['a public address', 'http://203.0.113.9', '203.0.113.9'],
    ['the 6to4 form of 127.0.0.1, which a relay carries off the machine', 'http://[2002:7f00:1::1]:5080', '2002:7f00:1::1'],
  ])('refuses plain http to %s even with --allow-local', async (_name, url, address) => {
    const result = await cli(['--url', url, '--allow-local']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Plain http is allowed for local testing to this machine only, but ${address} resolves to ${address}, which is not loopback; use https for --url.`);
  });

  test('accepts a loopback name with --allow-local, connecting to the address it checked', async () => {
    const result = await cli(['--url', `http://localhost:${new URL(fake.url).port}`, '--allow-local', '--dry-run']);

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warning: sending OPENOBSERVE_USER and OPENOBSERVE_PASSWORD over plain http to localhost:\d+, on this machine/);
    expect(fake.requests.length).toBeGreaterThan(0);
  });

  test('refuses a plain http webhook without --allow-local', async () => {
    const result = await cli(['--url', 'https://o2.example.com', '--webhook-url', 'http://hooks.example.com/x']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--webhook-url uses plain http');
  });

  test('lists --allow-local in its usage', async () => {
    expect((await cli(['--help'])).stdout).toContain('--allow-local');
  });
});

describe('o2-cognito install-pack against a server it cannot reach', () => {
  let pki: TestTls;
  let untrusted: https.Server;
  let untrustedPort: number;

  beforeAll(async () => {
    pki = await createTestTls();
    untrusted = https.createServer({ key: pki.key, cert: pki.cert }, (_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => untrusted.listen(0, '127.0.0.1', resolve));
    untrustedPort = (untrusted.address() as AddressInfo).port;
  });
  afterAll(async () => {
    untrusted.closeAllConnections();
    await new Promise((resolve) => untrusted.close(resolve));
    await pki.cleanup();
  });

  test('names a refused connection, also on a port fetch would refuse to use', async () => {
    const result = await cli(['--url', 'http://127.0.0.1:1', '--allow-local']);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/could not be reached: nothing accepts connections on that port \(ECONNREFUSED\)/);
    expectNoSecrets(result);
  });

  test('names a host name that does not resolve', async () => {
    const result = await cli(['--url', 'https://o2.example.invalid']);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the host name does not resolve \(ENOTFOUND\)/);
  });

  test('names an untrusted certificate and says how to trust a private CA', async () => {
    const result = await cli(['--url', `https://127.0.0.1:${untrustedPort}`]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/its TLS certificate is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
    expect(result.stderr).toContain('NODE_EXTRA_CA_CERTS');
  });
});
