import https from 'node:https';
import { gzipSync } from 'node:zlib';
import { accessKeyFor, DEFAULT_USER, type FakeOpenObserve, startFakeOpenObserve } from '../../helpers/fake-openobserve';
import { createTestTls, type TestTls } from '../../helpers/tls';

interface Answer {
  readonly status?: number;
  readonly body: string;
  readonly contentType?: string;
  readonly error?: string;
}

let tls: TestTls;
let server: FakeOpenObserve;
const seen: Buffer[][] = [];

beforeAll(async () => {
  tls = await createTestTls();
  server = await startFakeOpenObserve({
    tls: { key: tls.key, cert: tls.cert },
    orgs: ['default'],
    onRecords: (records) => {
      seen.push([...records]);
      return records.some((r) => r.toString() === 'bad line\n') ? { errorMessage: 'bad line' } : undefined;
    },
  });
});
afterAll(async () => {
  await server.stop();
  await tls.cleanup();
});
beforeEach(() => {
  server.reset();
  seen.length = 0;
});

function request(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  return new Promise((resolve) => {
    const req = https.request(`${server.url}${path}`, { method, headers, ca: tls.ca, agent: false, timeout: 2000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString(), contentType: res.headers['content-type'] }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ body: '', error: e.code ?? e.message }));
    req.end(body);
  });
}

const firehoseHeaders = (key: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'X-Amz-Firehose-Protocol-Version': '1.0',
  'X-Amz-Firehose-Access-Key': key,
  'Content-Type': 'application/json',
  ...extra,
});
const batch = (requestId: string, records: readonly string[]): Buffer =>
  Buffer.from(JSON.stringify({ requestId, timestamp: 1, records: records.map((r) => ({ data: Buffer.from(r).toString('base64') })) }));
const post = (key: string, body: Buffer, extra?: Record<string, string>): Promise<Answer> =>
  request('POST', '/aws/default/cognito_auth/_kinesis_firehose', firehoseHeaders(key, extra), body);

describe('fake OpenObserve: the Firehose route', () => {
  test('answers 200 echoing the request id and records the request', async () => {
    const answer = await post(accessKeyFor(DEFAULT_USER), batch('req-1', []));

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ requestId: 'req-1', timestamp: expect.any(Number) });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'POST', route: 'firehose', status: 200 });
    expect(server.requests[0]?.headers['x-amz-firehose-protocol-version']).toBe('1.0');
  });

  test('answers 401 with plain-text Unauthorized Access for a wrong secret or a missing key', async () => {
    const wrong = await post(Buffer.from(`${DEFAULT_USER.user}:nope`).toString('base64'), batch('r', []));
    const missing = await request('POST', '/aws/default/s/_kinesis_firehose', { 'Content-Type': 'application/json' }, batch('r', []));

    expect([wrong.status, wrong.body, wrong.contentType?.startsWith('text/plain')]).toEqual([401, 'Unauthorized Access', true]);
    expect([missing.status, missing.body]).toEqual([401, 'Unauthorized Access']);
  });

  test('rejects a key with a Basic prefix as 401', async () => {
    const key = accessKeyFor(DEFAULT_USER);

    const prefixed = await post(`Basic ${key}`, batch('r', []));

    expect(prefixed.status).toBe(401);
  });

  test('drops the connection without an answer when the decoded key has no colon (the panic)', async () => {
    const answer = await post(Buffer.from('no-colon-here').toString('base64'), batch('r', []));

    expect(answer.status).toBeUndefined();
    expect(answer.error).toMatch(/ECONNRESET|socket hang up/);
  });

  test('answers 415 when Content-Type is not application/json', async () => {
    const answer = await post(accessKeyFor(DEFAULT_USER), batch('r', []), { 'Content-Type': 'text/plain' });

    expect(answer.status).toBe(415);
  });

  test('inflates a gzip body and hands decoded records to onRecords', async () => {
    const body = gzipSync(batch('req-gz', ['{\t"a":1}\n', '{\t"b":2}\n']));

    const answer = await post(accessKeyFor(DEFAULT_USER), body, { 'Content-Encoding': 'gzip' });

    expect(answer.status).toBe(200);
    expect(seen).toEqual([[Buffer.from('{\t"a":1}\n'), Buffer.from('{\t"b":2}\n')]]);
    expect(server.requests[0]?.body.toString()).toContain('"requestId":"req-gz"');
  });

  test('answers 400 JSON for the whole batch when onRecords reports an error, and for invalid base64', async () => {
    const rejected = await post(accessKeyFor(DEFAULT_USER), batch('req-bad', ['{"ok":1}\n', 'bad line\n']));
    const invalid = await post(accessKeyFor(DEFAULT_USER), Buffer.from('{"requestId":"req-b64","records":[{"data":"%%%"}]}'));

    expect(rejected.status).toBe(400);
    expect(JSON.parse(rejected.body)).toMatchObject({ requestId: 'req-bad', errorMessage: 'bad line' });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ requestId: 'req-b64' });
  });

  test('does not call onRecords for records: [] (nothing is parsed)', async () => {
    await post(accessKeyFor(DEFAULT_USER), batch('req-empty', []));

    expect(seen).toEqual([]);
  });
});

describe('fake OpenObserve: the read-only routes', () => {
  const basic = (key: string): Record<string, string> => ({ Authorization: `Basic ${key}` });

  test('GET /api/{org}/_license answers 200, 404 Organization not found, or 401', async () => {
    const ok = await request('GET', '/api/default/_license', basic(accessKeyFor(DEFAULT_USER)));
    const missing = await request('GET', '/api/nope/_license', basic(accessKeyFor(DEFAULT_USER)));
    const bad = await request('GET', '/api/default/_license', basic(Buffer.from('x:y').toString('base64')));

    expect([ok.status, JSON.parse(ok.body)]).toEqual([200, { status: 'active' }]);
    expect([missing.status, missing.body]).toEqual([404, 'Organization not found']);
    expect(bad.status).toBe(401);
  });

  test('GET /config gives the version and GET /healthz the status, without auth', async () => {
    const config = await request('GET', '/config', {});
    const health = await request('GET', '/healthz', {});

    expect(JSON.parse(config.body)).toMatchObject({ version: 'v0.92.2' });
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
  });
});

describe('fake OpenObserve: misbehaviour', () => {
  test('answers non-JSON 200, a wrong request id, or a fixed status when told to', async () => {
    const key = accessKeyFor(DEFAULT_USER);

    server.misbehave('firehose', { kind: 'non-json' });
    const text = await post(key, batch('r1', []));
    server.misbehave('firehose', { kind: 'wrong-request-id' });
    const wrongId = await post(key, batch('r2', []));
    server.misbehave('firehose', { kind: 'status', status: 404, body: 'Not Found' });
    const notFound = await post(key, batch('r3', []));

    expect([text.status, text.body]).toEqual([200, 'OK']);
    expect(JSON.parse(wrongId.body).requestId).not.toBe('r2');
    expect(notFound.status).toBe(404);
  });

  test('closes the connection, or hangs until the client gives up, when told to', async () => {
    server.misbehave('firehose', { kind: 'close' });
    const closed = await post(accessKeyFor(DEFAULT_USER), batch('r', []));
    server.misbehave('firehose', { kind: 'hang' });
    const hung = await post(accessKeyFor(DEFAULT_USER), batch('r', []));

    expect(closed.error).toMatch(/ECONNRESET|socket hang up/);
    expect(hung.error).toBe('timeout');
    expect(server.requests.map((r) => r.status)).toEqual([undefined, undefined]);
  });

  test('behaves again after misbehave(route, undefined)', async () => {
    server.misbehave('firehose', { kind: 'close' });
    server.misbehave('firehose', undefined);

    const answer = await post(accessKeyFor(DEFAULT_USER), batch('r', []));

    expect(answer.status).toBe(200);
  });
});
