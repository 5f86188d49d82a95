import { accessKeyFor, DEFAULT_USER, type FakeOpenObserve, startFakeOpenObserve } from '../../helpers/fake-openobserve';
import { createTestTls, type TestTls } from '../../helpers/tls';
import { firehoseEndpointUrl, firehoseRequestBody, postFirehoseRecords } from '../../../functions/shared/firehose-http';

const SECRET = 'Zq9-FIREHOSE-HTTP-DISTINCTIVE-SECRET';
const USER = { user: 'ingest@example.com', secret: SECRET };
const KEY = accessKeyFor(USER);

let tls: TestTls;
let server: FakeOpenObserve;
let received: Buffer[][];

beforeAll(async () => {
  tls = await createTestTls();
  server = await startFakeOpenObserve({ tls: { key: tls.key, cert: tls.cert }, users: [DEFAULT_USER, USER], onRecords: (r) => void received.push([...r]) });
});
afterAll(async () => {
  await server.stop();
  await tls.cleanup();
});
beforeEach(() => {
  server.reset();
  received = [];
});

const target = (gzip: boolean, key = KEY) => ({ url: firehoseEndpointUrl(server.url, 'default', 'cognito_auth'), accessKey: key, gzip });
const opts = { timeoutMs: 2000, now: () => 1741944520871 };

describe('firehoseEndpointUrl', () => {
  test('appends /aws/<org>/<stream>/_kinesis_firehose to the base, without a double slash', () => {
    expect(firehoseEndpointUrl('https://o2.example.com/', 'default', 'cognito')).toBe('https://o2.example.com/aws/default/cognito/_kinesis_firehose');
  });
});

describe('firehoseRequestBody', () => {
  test('is {requestId, timestamp, records:[{data}]} with base64 data', () => {
    const body = JSON.parse(firehoseRequestBody('id-1', 5, [Buffer.from('{"a":1}\n')]).toString());

    expect(body).toEqual({ requestId: 'id-1', timestamp: 5, records: [{ data: Buffer.from('{"a":1}\n').toString('base64') }] });
  });
});

describe('postFirehoseRecords', () => {
  test('sends the exact Firehose headers and a gzip body, and returns ok on an echoed request id', async () => {
    const result = await postFirehoseRecords(target(true), [Buffer.from('{\t"a":1}\n')], { ...opts, requestId: 'req-1', ca: tls.ca });

    expect(result).toEqual({ kind: 'ok', requestId: 'req-1' });
    const request = server.requests[0];
    expect(request?.path).toBe('/aws/default/cognito_auth/_kinesis_firehose');
    expect(request?.headers).toMatchObject({
      'x-amz-firehose-protocol-version': '1.0',
      'x-amz-firehose-request-id': 'req-1',
      'x-amz-firehose-access-key': KEY,
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': String(request?.rawBody.length),
    });
    expect(JSON.parse(request?.body.toString() ?? '')).toMatchObject({ requestId: 'req-1', timestamp: 1741944520871 });
    expect(received).toEqual([[Buffer.from('{\t"a":1}\n')]]);
  });

  test('sends no Content-Encoding without gzip and a fresh request id when none is given', async () => {
    const result = await postFirehoseRecords(target(false), [], { ...opts, ca: tls.ca });

    expect(result.kind).toBe('ok');
    expect(server.requests[0]?.headers['content-encoding']).toBeUndefined();
    expect(server.requests[0]?.headers['x-amz-firehose-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('returns http-error with the plain-text body on 401', async () => {
    const wrong = Buffer.from('ingest@example.com:wrong').toString('base64');

    const result = await postFirehoseRecords(target(true, wrong), [], { ...opts, ca: tls.ca });

    expect(result).toEqual({ kind: 'http-error', status: 401, body: 'Unauthorized Access' });
  });

  test('never returns the key, even when the server echoes it', async () => {
    server.misbehave('firehose', { kind: 'status', status: 500, body: `bad key ${KEY} ${'x'.repeat(300)}` });

    const result = await postFirehoseRecords(target(true), [], { ...opts, ca: tls.ca });

    expect(result.kind).toBe('http-error');
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(result.kind === 'http-error' && result.body.length).toBeLessThanOrEqual(200);
  });

  test('returns bad-response for a non-JSON 200 and for a 200 that does not echo the request id', async () => {
    server.misbehave('firehose', { kind: 'non-json' });
    const text = await postFirehoseRecords(target(true), [], { ...opts, ca: tls.ca });
    server.misbehave('firehose', { kind: 'wrong-request-id' });
    const wrongId = await postFirehoseRecords(target(true), [], { ...opts, ca: tls.ca });

    expect(text).toEqual({ kind: 'bad-response', status: 200, reason: 'the answer is not JSON' });
    expect(wrongId).toEqual({ kind: 'bad-response', status: 200, reason: 'the answer does not echo the requestId' });
  });

  test('returns network-error when the connection drops without an answer (a key without a colon)', async () => {
    const noColon = Buffer.from('no colon at all').toString('base64');

    const result = await postFirehoseRecords(target(true, noColon), [], { ...opts, ca: tls.ca });

    expect(result).toMatchObject({ kind: 'network-error', code: 'ECONNRESET' });
  });

  test('returns timeout when the server hangs, and when the signal aborts', async () => {
    server.misbehave('firehose', { kind: 'hang' });
    const hung = await postFirehoseRecords(target(true), [], { ...opts, timeoutMs: 200, ca: tls.ca });
    const aborted = await postFirehoseRecords(target(true), [], { ...opts, signal: AbortSignal.abort(), ca: tls.ca });

    expect(hung).toEqual({ kind: 'timeout' });
    expect(aborted).toEqual({ kind: 'timeout' });
  });

  test('returns network-error for a certificate that is not trusted (no injected CA)', async () => {
    const result = await postFirehoseRecords(target(true), [], opts);

    expect(result).toMatchObject({ kind: 'network-error', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });
});
