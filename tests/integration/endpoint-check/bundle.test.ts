import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { accessKeyFor, type FakeOpenObserve, startFakeOpenObserve } from '../../helpers/fake-openobserve';
import { type ResponseUrlServer, startResponseUrlServer } from '../../helpers/response-url';
import { createTestTls, type TestTls } from '../../helpers/tls';

/**
 * The built bundle dist/endpoint-check/index.js, as Lambda loads it (index.handler), in a child process with
 * the Lambda-style environment: a sample event from events/endpoint-check/, a loopback HTTPS OpenObserve whose
 * CA is trusted through NODE_EXTRA_CA_CERTS, and a local listener as the ResponseURL.
 */
const SECRET = 'Bb4-BUNDLE-DISTINCTIVE-SECRET';
const USER = { user: 'ingest@example.com', secret: SECRET };
const KEY = accessKeyFor(USER);
const root = path.resolve(__dirname, '..', '..', '..');
const bundle = path.join(root, 'dist', 'endpoint-check', 'index.js');
const run = promisify(execFile);

let pki: TestTls;
let openobserve: FakeOpenObserve;
let responseUrl: ResponseUrlServer;

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error('dist/endpoint-check/index.js is missing: run `npm run build` first (`npm test` builds before jest).');
  pki = await createTestTls();
  openobserve = await startFakeOpenObserve({ tls: { key: pki.key, cert: pki.cert }, users: [USER] });
  responseUrl = await startResponseUrlServer();
});
afterAll(async () => {
  await openobserve?.stop();
  await responseUrl?.stop();
  await pki?.cleanup();
});
beforeEach(() => {
  openobserve.reset();
  responseUrl.received.length = 0;
});

// Loads the bundle like the Lambda runtime and calls index.handler with a context holding a 20 s deadline.
const INVOKE = `
const event = JSON.parse(process.env.TEST_EVENT);
const deadline = Date.now() + 20000;
require(process.env.TEST_BUNDLE).handler(event, { getRemainingTimeInMillis: () => deadline - Date.now() })
  .then((r) => process.stdout.write('RESULT ' + JSON.stringify(r ?? null) + '\\n'));
`;

async function invoke(properties: Record<string, string>, env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  const sample = JSON.parse(readFileSync(path.join(root, 'events', 'endpoint-check', 'create.json'), 'utf8')) as Record<string, unknown>;
  const event = { ...sample, ResponseURL: responseUrl.url, ResourceProperties: { ...(sample.ResourceProperties as object), ...properties } };
  return run(process.execPath, ['-e', INVOKE], {
    cwd: root,
    timeout: 30_000,
    env: { PATH: process.env.PATH, TEST_BUNDLE: bundle, TEST_EVENT: JSON.stringify(event), NODE_EXTRA_CA_CERTS: pki.caPath, AWS_REGION: 'eu-west-1', LOG_LEVEL: 'INFO', ...env },
  });
}

describe('dist/endpoint-check/index.js', () => {
  test('answers SUCCESS for a good endpoint with ENDPOINT_CHECK_ALLOW_LOCAL=true, logging JSON lines without the key', async () => {
    const { stdout } = await invoke({ OpenObserveUrl: openobserve.url, AccessKey: KEY }, { ENDPOINT_CHECK_ALLOW_LOCAL: 'true' });

    expect(responseUrl.received.map((r) => r.body.Status)).toEqual(['SUCCESS']);
    expect(responseUrl.received[0]?.body.Data).toMatchObject({ OpenObserveVersion: 'v0.92.2', StreamName: 'cognito_events' });
    const logs = stdout.split('\n').filter((l) => l.startsWith('{'));
    expect(logs.length).toBeGreaterThan(3);
    for (const line of logs) expect(JSON.parse(line)).toMatchObject({ level: expect.any(String), message: expect.any(String), timestamp: expect.any(String) });
    expect(stdout + responseUrl.received[0]?.raw.toString()).not.toContain(SECRET);
    expect(stdout).not.toContain(KEY);
  });

  test('answers FAILED for a loopback endpoint on another port without ENDPOINT_CHECK_ALLOW_LOCAL', async () => {
    await invoke({ OpenObserveUrl: openobserve.url, AccessKey: KEY }, {});

    expect(responseUrl.received[0]?.body).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('Firehose delivers to port 443 only') });
    expect(openobserve.requests).toEqual([]);
  });
});
