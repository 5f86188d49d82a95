import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { sendHttpRequest } from '../../../functions/shared/http-request';
import { pinnedLookup } from '../../../functions/shared/pinned-lookup';
import { createTestTls, type TestTls } from '../../helpers/tls';

let server: http.Server;
let base: string;
const seen: Array<{ method?: string; headers: http.IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString() });
      if (req.url === '/big') return res.end('x'.repeat(10_000));
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

  test('resolves to timeout when the server does not answer in time', async () => {
    expect(await request('/hang', { timeoutMs: 100 })).toEqual({ kind: 'timeout' });
  });

  test('resolves to network-error with the code when the connection drops', async () => {
    expect(await request('/drop')).toMatchObject({ kind: 'network-error', code: 'ECONNRESET' });
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
