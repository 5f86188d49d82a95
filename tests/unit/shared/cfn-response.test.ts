import { type AddressInfo, createServer, type Socket } from 'node:net';
import { type CfnResponseBody, fitCfnResponse, MAX_CFN_RESPONSE_BYTES, sendCfnResponse } from '../../../functions/shared/cfn-response';
import { type ResponseUrlServer, startResponseUrlServer } from '../../helpers/response-url';

let responseUrl: ResponseUrlServer;
beforeAll(async () => {
  responseUrl = await startResponseUrlServer();
});
afterAll(() => responseUrl.stop());
beforeEach(() => {
  responseUrl.received.length = 0;
});

const body = (over: Partial<CfnResponseBody> = {}): CfnResponseBody => ({
  Status: 'SUCCESS',
  Reason: 'ok',
  PhysicalResourceId: 'endpoint-check-o2.example.com',
  StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/s/0b1c2d3e-4f50-11f0-9a8b-0a1b2c3d4e5f',
  RequestId: '6c1a2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  LogicalResourceId: 'EndpointCheck',
  ...over,
});
const bytes = (b: CfnResponseBody): number => Buffer.byteLength(JSON.stringify(b));
/** A body of exactly `total` bytes, padded through Reason. */
const bodyOfSize = (total: number, over: Partial<CfnResponseBody> = {}): CfnResponseBody => {
  const base = body({ ...over, Reason: '' });
  return { ...base, Reason: 'r'.repeat(total - bytes(base)) };
};
const noSleep = (): Promise<void> => Promise.resolve();

describe('fitCfnResponse', () => {
  test('leaves a body of exactly 4096 bytes untouched', () => {
    const exact = bodyOfSize(MAX_CFN_RESPONSE_BYTES);

    expect(fitCfnResponse(exact)).toBe(exact);
  });

  test('trims Reason of a 4097-byte body to fit 4096 bytes, keeping every id', () => {
    const over = bodyOfSize(MAX_CFN_RESPONSE_BYTES + 1);

    const fitted = fitCfnResponse(over);

    expect(bytes(fitted)).toBeLessThanOrEqual(MAX_CFN_RESPONSE_BYTES);
    expect(fitted.Reason?.endsWith('…')).toBe(true);
    expect({ ...fitted, Reason: undefined }).toEqual({ ...over, Reason: undefined });
  });

  test('trims Reason before Data, then the longest Data value', () => {
    const data = { Warnings: 'w'.repeat(3800), StreamName: 'cognito_auth' };
    const big = body({ Reason: 'é'.repeat(2000), Data: data });

    const fitted = fitCfnResponse(big);

    expect(bytes(fitted)).toBeLessThanOrEqual(MAX_CFN_RESPONSE_BYTES);
    expect(Array.from(fitted.Reason ?? '').length).toBe(256);
    expect(fitted.Data?.StreamName).toBe('cognito_auth');
    expect(fitted.Data?.Warnings?.length).toBeLessThan(3800);
  });
});

describe('sendCfnResponse', () => {
  test('PUTs the JSON with an empty Content-Type and the exact byte Content-Length', async () => {
    const answer = body({ Reason: 'Endpoint check passed: ü' });

    const result = await sendCfnResponse(responseUrl.url, answer);

    expect(result).toMatchObject({ ok: true, attempts: 1 });
    const put = responseUrl.received[0];
    expect(put?.method).toBe('PUT');
    expect(put?.path).toBe(new URL(responseUrl.url).pathname + new URL(responseUrl.url).search);
    expect(put?.headers['content-type'] ?? '').toBe('');
    expect(put?.headers['content-length']).toBe(String(put?.raw.length));
    expect(put?.body).toEqual(answer);
  });

  test('sends at most 4096 bytes for an oversized body', async () => {
    await sendCfnResponse(responseUrl.url, body({ Status: 'FAILED', Reason: 'x'.repeat(10_000) }));

    expect(responseUrl.received[0]?.raw.length).toBeLessThanOrEqual(MAX_CFN_RESPONSE_BYTES);
  });

  test('retries 5xx and dropped connections with back-off until one is accepted', async () => {
    responseUrl.failNext(503, 0);
    const sleeps: number[] = [];

    const result = await sendCfnResponse(responseUrl.url, body(), { sleep: async (ms) => void sleeps.push(ms), firstBackoffMs: 100 });

    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(sleeps).toEqual([100, 200]);
  });

  test('gives up after maxAttempts and reports why', async () => {
    responseUrl.failNext(500, 500, 500);

    const result = await sendCfnResponse(responseUrl.url, body(), { maxAttempts: 3, sleep: noSleep });

    expect(result).toEqual({ ok: false, attempts: 3, reason: 'the response URL answered HTTP 500' });
    expect(responseUrl.received).toHaveLength(3);
  });

  test.each(['', 'not a url', 'file:///etc/passwd', 'https://exa mple.com/x'])('resolves not-ok without any attempt for the malformed URL %j', async (url) => {
    await expect(sendCfnResponse(url, body())).resolves.toEqual({ ok: false, attempts: 0, reason: expect.stringContaining('not an http(s) URL') });
  });

  test('does not retry a 4xx (an expired or wrong pre-signed URL)', async () => {
    responseUrl.failNext(403);

    const result = await sendCfnResponse(responseUrl.url, body(), { sleep: noSleep });

    expect(result).toMatchObject({ ok: false, attempts: 1 });
  });

  test('starts no attempt after the deadline', async () => {
    const result = await sendCfnResponse(responseUrl.url, body(), { deadlineAt: Date.now() - 1 });

    expect(result).toMatchObject({ ok: false, attempts: 0 });
    expect(responseUrl.received).toHaveLength(0);
  });

  test('gives each attempt its own timeout', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;

    const result = await sendCfnResponse(`http://127.0.0.1:${port}/response`, body(), { maxAttempts: 2, attemptTimeoutMs: 200, sleep: noSleep });

    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    expect(result).toEqual({ ok: false, attempts: 2, reason: 'the response URL did not answer in time' });
  });
});
