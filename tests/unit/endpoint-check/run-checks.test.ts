import { runChecks } from '../../../functions/endpoint-check/run-checks';
import { CHECK_IDS, type CheckDeps, type CheckInput } from '../../../functions/endpoint-check/types';
import { accessKeyFor, DEFAULT_USER, type FakeOpenObserve, startFakeOpenObserve } from '../../helpers/fake-openobserve';
import { createTestTls, type TestTls } from '../../helpers/tls';

const SECRET = 'Vv6-RUN-CHECKS-DISTINCTIVE-SECRET';
const USER = { user: 'ingest@example.com', secret: SECRET };
const KEY = accessKeyFor(USER);

let pki: TestTls;
let server: FakeOpenObserve;

beforeAll(async () => {
  pki = await createTestTls();
  server = await startFakeOpenObserve({ tls: { key: pki.key, cert: pki.cert }, users: [DEFAULT_USER, USER], orgs: ['default'] });
});
afterAll(async () => {
  await server.stop();
  await pki.cleanup();
});
beforeEach(() => server.reset());

const input = (over: Partial<CheckInput> = {}): CheckInput => ({
  url: server.url,
  organization: 'default',
  stream: 'cognito_events',
  accessKey: { source: 'value', value: KEY },
  gzip: true,
  requireTrail: false,
  identityPoolDataEvents: false,
  allowLocal: true,
  ...over,
});
const deps = (over: Partial<CheckDeps> = {}): CheckDeps => ({
  lookup: async () => ['127.0.0.1'],
  ca: pki.ca,
  now: Date.now,
  randomUUID: () => 'probe-request-id',
  timeouts: { httpMs: 1000, tlsMs: 1000 },
  ...over,
});
const statuses = (checks: readonly { id: string; status: string }[]) => Object.fromEntries(checks.map((c) => [c.id, c.status]));

describe('runChecks', () => {
  test('returns one result per check, in order, with the version and the stored stream name', async () => {
    const report = await runChecks(input({ stream: 'cognito-auth' }), deps());

    expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(statuses(report.checks)).toEqual({
      url: 'warned',
      'access-key': 'passed',
      host: 'warned',
      tls: 'passed',
      version: 'passed',
      organization: 'passed',
      firehose: 'passed',
      'stream-name': 'warned',
      trail: 'skipped',
      'trail-quota': 'skipped',
      'data-events': 'skipped',
    });
    expect(report.openObserveVersion).toBe('v0.92.2');
    expect(report.storedStreamName).toBe('cognito_auth');
  });

  test('never sends a key without a colon: the OpenObserve calls are skipped', async () => {
    const noColon = Buffer.from(SECRET).toString('base64');

    const report = await runChecks(input({ accessKey: { source: 'value', value: noColon } }), deps());

    expect(statuses(report.checks)).toMatchObject({ 'access-key': 'failed', organization: 'skipped', firehose: 'skipped' });
    expect(server.requests.filter((r) => r.route === 'firehose' || r.route === 'license')).toEqual([]);
  });

  test('skips the endpoint calls when the URL is unusable, and still checks the stream name', async () => {
    const report = await runChecks(input({ url: 'https://o2.example.com/aws/default/s/_kinesis_firehose', allowLocal: false }), deps());

    expect(statuses(report.checks)).toMatchObject({ url: 'failed', host: 'skipped', tls: 'skipped', firehose: 'skipped', 'stream-name': 'passed' });
    expect(server.requests).toEqual([]);
  });

  test('fails a loopback host when local testing is not allowed', async () => {
    const report = await runChecks(input({ url: 'https://localhost', allowLocal: false }), deps());

    expect(report.checks.find((c) => c.id === 'host')).toMatchObject({ status: 'failed', message: expect.stringContaining('127.0.0.1 (loopback)') });
  });

  test('only warns about the organization when the API refuses a key the Firehose path accepts (an ingestion token)', async () => {
    server.misbehave('license', { kind: 'status', status: 401, body: 'Unauthorized Access' });

    const report = await runChecks(input(), deps());

    expect(statuses(report.checks)).toMatchObject({ organization: 'warned', firehose: 'passed' });
  });

  test('fails the trail check when a trail is required but no region is known', async () => {
    const report = await runChecks(input({ requireTrail: true }), deps());

    expect(report.checks.find((c) => c.id === 'trail')).toMatchObject({ status: 'failed', message: expect.stringContaining('AWS_REGION') });
  });

  test('never puts the key or its secret in any message, whatever fails', async () => {
    server.misbehave('firehose', { kind: 'status', status: 500, body: `echo ${KEY} ${SECRET}` });
    server.misbehave('license', { kind: 'status', status: 418, body: `echo ${KEY} ${SECRET}` });

    const report = await runChecks(input({ stream: SECRET }), deps());

    const text = JSON.stringify(report);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(SECRET);
    expect(text).toContain('[redacted]');
  });
});
