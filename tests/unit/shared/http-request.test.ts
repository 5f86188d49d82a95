import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { sendHttpRequest } from '../../../functions/shared/http-request';
import { pinnedLookup } from '../../../functions/shared/pinned-lookup';
import { createTestTls, type TestTls } from '../../helpers/tls';

let server: http.Server;
let endlessWritten = 0;
let endlessClosed: Promise<void> = Promise.resolve();

/** Writes 64 KiB chunks until the client goes away: only a client that stops reading ends it. */
function streamForever(res: http.ServerResponse): void {
  endlessWritten = 0;
  endlessClosed = new Promise((resolve) => res.on('close', resolve));
  const write = (): void => {
    while (!res.destroyed && res.write(Buffer.alloc(64 * 1024, 0x7a))) endlessWritten += 64 * 1024;
    if (!res.destroyed) res.once('drain', write);
  };
  write();
}
let base: string;
const seen: Array<{ method?: string; headers: http.IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString() });
      if (req.url === '/big') {
        res.write('x'.repeat(10_000));
        return res.end();
      }
      if (req.url === '/declared') {
        res.writeHead(200, { 'Content-Length': '1000000' });
        return res.write('y'.repeat(10));
      }
      if (req.url === '/endless') return streamForever(res);
      if (req.url === '/hang') return undefined;
      if (req.url === '/drop') return req.socket.destroy();
      res.writeHead(201, { 'X-Test': 'yes' }).end('created');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
});

const request = (path: string, over: Partial<Parameters<typeof sendHttpRequest>[0]> = {}) =>
  sendHttpRequest({ url: `${base}${path}`, method: 'GET', headers: {}, timeoutMs: 1000, maxResponseBytes: 1024, ...over });

describe('sendHttpRequest', () => {
  test('sends the body with its exact Content-Length and returns status, headers and body', async () => {
    const outcome = await request('/ok', { method: 'POST', headers: { 'X-Key': 'v' }, body: Buffer.from('héllo') });

    expect(outcome).toMatchObject({ kind: 'response', status: 201, body: Buffer.from('created'), truncated: false });
    expect(outcome.kind === 'response' && outcome.headers['x-test']).toBe('yes');
    expect(seen[0]).toMatchObject({ method: 'POST', body: 'héllo', headers: { 'content-length': '6', 'x-key': 'v' } });
  });

  test('keeps at most maxResponseBytes of the answer and says it truncated', async () => {
    const outcome = await request('/big', { maxResponseBytes: 100 });

    expect(outcome).toMatchObject({ kind: 'response', truncated: true });
    expect(outcome.kind === 'response' && outcome.body.length).toBe(100);
  });

  test('stops reading an answer longer than the limit and closes the connection, keeping the first bytes', async () => {
    const outcome = await request('/endless', { maxResponseBytes: 100_000, timeoutMs: 5000 });
    await endlessClosed;

    expect(outcome).toMatchObject({ kind: 'response', status: 200, truncated: true });
    expect(outcome.kind === 'response' && outcome.body).toEqual(Buffer.alloc(100_000, 0x7a));
    expect(endlessWritten).toBeLessThan(64 * 1024 * 1024);
  });

  test('refuses a declared Content-Length over the limit at once, without waiting for a body that may never come', async () => {
    const outcome = await request('/declared', { maxResponseBytes: 1000, timeoutMs: 5000 });

    expect(outcome).toMatchObject({ kind: 'response', status: 200, truncated: true });
  });

  test('sends DELETE', async () => {
    await request('/ok', { method: 'DELETE' });

    expect(seen[0]?.method).toBe('DELETE');
  });

  test('resolves to timeout when the server does not answer in time', async () => {
    expect(await request('/hang', { timeoutMs: 100 })).toEqual({ kind: 'timeout' });
  });

  test('resolves to network-error with the code when the connection drops', async () => {
    expect(await request('/drop')).toMatchObject({ kind: 'network-error', code: 'ECONNRESET' });
  });

  test('resolves to network-error, without the value, when Node refuses a header value (a line break in a key)', async () => {
    const outcome = await request('/ok', { headers: { 'X-Key': 'c2VjcmV0\nSECRET-VALUE' } });

    expect(outcome).toMatchObject({ kind: 'network-error', code: 'ERR_INVALID_CHAR' });
    expect(JSON.stringify(outcome)).not.toContain('SECRET-VALUE');
    expect(seen).toEqual([]);
  });

  test('resolves to network-error for a URL it cannot parse', async () => {
    expect(await sendHttpRequest({ url: 'not a url', method: 'GET', headers: {}, timeoutMs: 100, maxResponseBytes: 10 })).toMatchObject({ kind: 'network-error', code: 'ERR_INVALID_URL' });
  });

  test('resolves to network-error ECONNREFUSED when nothing listens', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    expect(await sendHttpRequest({ url: `http://127.0.0.1:${port}/`, method: 'GET', headers: {}, timeoutMs: 1000, maxResponseBytes: 10 })).toMatchObject({
      kind: 'network-error',
      code: 'ECONNREFUSED',
    });
  });
});

describe('sendHttpRequest with a pinned lookup', () => {
  let pki: TestTls;
  let tlsServer: https.Server;
  let port: number;
  const names: Array<string | undefined> = [];

  beforeAll(async () => {
    pki = await createTestTls(['o2.pinned.test']);
    tlsServer = https.createServer({ key: pki.key, cert: pki.cert }, (req, res) => {
      names.push((req.socket as TLSSocket).servername || undefined, req.headers.host);
      res.end('pinned');
    });
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    port = (tlsServer.address() as AddressInfo).port;
  });
  afterAll(async () => {
    tlsServer.closeAllConnections();
    await new Promise((resolve) => tlsServer.close(resolve));
    await pki.cleanup();
  });

  test('connects to the pinned address while SNI, certificate check and Host keep the URL name', async () => {
    const outcome = await sendHttpRequest({
      url: `https://o2.pinned.test:${port}/`,
      method: 'GET',
      headers: {},
      timeoutMs: 2000,
      maxResponseBytes: 100,
      ca: pki.ca,
      lookup: pinnedLookup('o2.pinned.test', ['127.0.0.1']),
    });

    expect(outcome).toMatchObject({ kind: 'response', status: 200, body: Buffer.from('pinned') });
    expect(names).toEqual(['o2.pinned.test', `o2.pinned.test:${port}`]);
  });

  test('fails with ENOTFOUND instead of resolving a name it was not pinned to', async () => {
    const outcome = await sendHttpRequest({
      url: `https://localhost:${port}/`,
      method: 'GET',
      headers: {},
      timeoutMs: 2000,
      maxResponseBytes: 100,
      ca: pki.ca,
      lookup: pinnedLookup('o2.pinned.test', ['127.0.0.1']),
    });

    expect(outcome).toMatchObject({ kind: 'network-error', code: 'ENOTFOUND' });
  });
});
