import { checkFirehose, checkOrganization, checkVersion, interpretFirehose, type OpenObserveCall } from '../../../functions/endpoint-check/check-openobserve';
import { accessKeyFor, DEFAULT_USER, type FakeOpenObserve, startFakeOpenObserve } from '../../helpers/fake-openobserve';
import { createTestTls, type TestTls } from '../../helpers/tls';

const SECRET = 'Oo5-CHECK-OPENOBSERVE-DISTINCTIVE';
const USER = { user: 'ingest@example.com', secret: SECRET };
const KEY = accessKeyFor(USER);

let pki: TestTls;
let server: FakeOpenObserve;
let call: OpenObserveCall;

beforeAll(async () => {
  pki = await createTestTls();
  server = await startFakeOpenObserve({ tls: { key: pki.key, cert: pki.cert }, users: [DEFAULT_USER, USER], orgs: ['default'] });
  call = { target: { baseUrl: server.url, hostname: '127.0.0.1', port: server.port, https: true }, timeoutMs: 1000, ca: pki.ca };
});
afterAll(async () => {
  await server.stop();
  await pki.cleanup();
});
beforeEach(() => server.reset());

const firehose = (over: { key?: string; gzip?: boolean } = {}) =>
  checkFirehose({ ...call, org: 'default', stream: 'cognito_events', accessKey: over.key ?? KEY, gzip: over.gzip ?? true, requestId: 'probe-1', now: () => 1 });

describe('checkVersion', () => {
  test('reads the version from GET /config', async () => {
    expect(await checkVersion(call)).toEqual({ result: { id: 'version', status: 'passed', message: `OpenObserve v0.92.2 answers at ${server.url}.` }, version: 'v0.92.2' });
  });

  test('warns, without failing, when /config gives no version', async () => {
    server.misbehave('config', { kind: 'non-json' });

    expect(await checkVersion(call)).toEqual({ result: expect.objectContaining({ status: 'warned' }) });
  });
});

describe('checkOrganization', () => {
  test('passes an existing organization, sending the key as Basic credentials', async () => {
    const result = await checkOrganization(call, 'default', KEY);

    expect(result.status).toBe('passed');
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/api/default/_license' });
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${KEY}`);
  });

  test('fails a missing organization (404 Organization not found)', async () => {
    expect(await checkOrganization(call, 'nope', KEY)).toMatchObject({ status: 'failed', message: expect.stringContaining("Organization 'nope' does not exist") });
  });

  test('fails a wrong key (401)', async () => {
    expect(await checkOrganization(call, 'default', Buffer.from('a:b').toString('base64'))).toMatchObject({ status: 'failed', message: expect.stringContaining('(401)') });
  });

  test('only warns when the server has no _license route (an older release)', async () => {
    server.misbehave('license', { kind: 'status', status: 404, body: 'Not Found' });

    expect((await checkOrganization(call, 'default', KEY)).status).toBe('warned');
  });
});

describe('checkFirehose against the fake OpenObserve', () => {
  test('passes when records: [] is answered 200 with the request id echoed', async () => {
    const result = await firehose();

    expect(result).toMatchObject({ id: 'firehose', status: 'passed' });
    const request = server.requests[0];
    expect(request?.path).toBe('/aws/default/cognito_events/_kinesis_firehose');
    expect(request?.headers).toMatchObject({ 'x-amz-firehose-protocol-version': '1.0', 'x-amz-firehose-request-id': 'probe-1', 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(JSON.parse(request?.body.toString() ?? '')).toEqual({ requestId: 'probe-1', timestamp: 1, records: [] });
  });

  test.each([
    ['401 plain text', { kind: 'status', status: 401, body: 'Unauthorized Access' }, /rejected the access key \(401 Unauthorized Access\)/],
    ['404', { kind: 'status', status: 404, body: 'Not Found' }, /does not exist \(404\)/],
    ['415', { kind: 'status', status: 415, body: 'Content type error' }, /refused Content-Type application\/json \(415\)/],
    ['a non-JSON 200', { kind: 'non-json' }, /answered 200 but not with JSON/],
    ['a 200 with another request id', { kind: 'wrong-request-id' }, /answered 200 but the answer does not echo the requestId/],
    ['a closed connection', { kind: 'close' }, /closed the connection without answering/],
    ['a hang', { kind: 'hang' }, /did not answer an empty Firehose batch within 1 s/],
    ['a 503', { kind: 'status', status: 503, body: '{"errorMessage":"memory circuit breaker"}' }, /HTTP 503 \(\{"errorMessage":"memory circuit breaker"\}\)/],
  ] as const)('fails %s with its own explanation', async (_name, misbehaviour, message) => {
    server.misbehave('firehose', misbehaviour);

    expect(await firehose()).toMatchObject({ status: 'failed', message: expect.stringMatching(message) });
  });

  test('fails a real 401 from a wrong secret, without the key in the message', async () => {
    const wrong = Buffer.from(`${USER.user}:${SECRET}-wrong`).toString('base64');

    const result = await firehose({ key: wrong });

    expect(result.message).toMatch(/401 Unauthorized Access/);
    expect(result.message).not.toContain(wrong);
    expect(result.message).not.toContain(SECRET);
  });
});

describe('interpretFirehose', () => {
  test('names any other network error with its code', () => {
    expect(interpretFirehose('https://o2/x', { kind: 'network-error', code: 'ECONNREFUSED', reason: 'ECONNREFUSED: x' }, 1000).message).toContain('(ECONNREFUSED)');
  });
});
