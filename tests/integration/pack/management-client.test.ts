import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { MAX_RESPONSE_BYTES } from '../../../functions/shared/pack/constants';
import { PackHttpError, PackNetworkError } from '../../../functions/shared/pack/errors';
import { createManagementClient } from '../../../functions/shared/pack/management-client';
import { urlSecrets } from '../../../functions/shared/secret-scrubber';
import { createTestTls } from '../../helpers/tls';

const SECRET = 'pw-DISTINCTIVE-91b2';
const credentials = { username: 'admin@example.com', secret: SECRET };

interface Seen {
  method: string;
  url: string;
  authorization?: string;
}

let server: http.Server;
let base: string;
const seen: Seen[] = [];
let respond: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) => res.end('{}');

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    respond(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  seen.length = 0;
  respond = (_req, res) => res.end('{}');
});

const WEBHOOK = 'https://hooks.example.com/services/T0/B0/HOOK-SECRET-42';
const CHUNK_BYTES = 64 * 1024;

interface Stream {
  /** Body bytes the server handed to the socket. */
  written: number;
  /** True once the server wrote its last byte. */
  finished: boolean;
  /** Resolves when the connection closes, by either side. */
  closed: Promise<void>;
}

/**
 * Answers with `totalBytes` of JSON-looking filler in 64 KiB chunks, waiting for the socket to drain between
 * them, so a client that stops reading stops the server too. `declare` sends a Content-Length.
 */
function streamBody(totalBytes: number, options: { declare: boolean; stallAfterFirstChunk?: boolean }): Stream {
  let markClosed = (): void => undefined;
  const stream: Stream = { written: 0, finished: false, closed: new Promise<void>((resolve) => (markClosed = resolve)) };
  respond = (_req, res) => {
    res.on('close', markClosed);
    res.writeHead(200, { 'Content-Type': 'application/json', ...(options.declare ? { 'Content-Length': String(totalBytes) } : {}) });
    const write = (): void => {
      while (!res.destroyed && stream.written < totalBytes) {
        const size = Math.min(CHUNK_BYTES, totalBytes - stream.written);
        stream.written += size;
        const more = res.write(Buffer.alloc(size, 0x20));
        if (options.stallAfterFirstChunk) return;
        if (!more) {
          res.once('drain', write);
          return;
        }
      }
      if (!res.destroyed) {
        stream.finished = true;
        res.end();
      }
    };
    write();
  };
  return stream;
}

/** A JSON object of exactly `bytes` bytes. */
function jsonOfSize(bytes: number): string {
  const shell = JSON.stringify({ message: '' });
  return JSON.stringify({ message: 'x'.repeat(bytes - shell.length) });
}

describe('createManagementClient', () => {
  test('sends Basic credentials on management calls and none on anonymous ones', async () => {
    const client = createManagementClient({ baseUrl: base, credentials });

    await client.send({ method: 'GET', path: '/config', anonymous: true });
    await client.send({ method: 'GET', path: '/api/default/dashboards' });

    expect(seen[0]?.authorization).toBeUndefined();
    expect(seen[1]?.authorization).toBe(`Basic ${Buffer.from(`admin@example.com:${SECRET}`).toString('base64')}`);
  });

  test('keeps a base path and encodes query values', async () => {
    const client = createManagementClient({ baseUrl: `${base}/o2/`, credentials });

    await client.send({ method: 'GET', path: '/api/default/dashboards', query: { title: 'Cognito Security', folder: undefined } });

    expect(seen[0]?.url).toBe('/o2/api/default/dashboards?title=Cognito+Security');
  });

  test('returns the status and parsed JSON of an error answer, with its message', async () => {
    respond = (_req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 20004, message: 'Search field not found: foo' }));
    };
    const client = createManagementClient({ baseUrl: base, credentials });

    const response = await client.send({ method: 'POST', path: '/api/default/_search', body: { query: {} } });

    expect(response).toEqual({ status: 400, json: { code: 20004, message: 'Search field not found: foo' }, message: 'Search field not found: foo' });
  });

  test('scrubs the secret from a server message that echoes it', async () => {
    respond = (req, res) => {
      res.writeHead(500);
      res.end(`bad header ${req.headers.authorization} with ${SECRET}`);
    };
    const client = createManagementClient({ baseUrl: base, credentials });

    const response = await client.send({ method: 'GET', path: '/api/x' });

    expect(response.message).not.toContain(SECRET);
    expect(response.message).not.toContain(Buffer.from(`admin@example.com:${SECRET}`).toString('base64'));
  });

  test('scrubs extra values it is given, such as a webhook URL a destination error echoes', async () => {
    const webhook = 'https://hooks.example.com/services/T0/B0/HOOK-SECRET-42';
    respond = (_req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: `invalid destination url ${webhook}` }));
    };
    const client = createManagementClient({ baseUrl: base, credentials, redact: urlSecrets(webhook) });

    const response = await client.send({ method: 'POST', path: '/api/default/alerts/destinations', body: {} });

    expect(response.message).toBe('invalid destination url https://hooks.example.com[redacted]');
  });

  test('does not follow a redirect, so credentials never go to another host', async () => {
    respond = (_req, res) => {
      res.writeHead(302, { Location: 'http://example.invalid/steal' });
      res.end();
    };
    const client = createManagementClient({ baseUrl: base, credentials });

    const response = await client.send({ method: 'GET', path: '/api/default/dashboards' });

    expect(response.status).toBe(302);
    expect(seen).toHaveLength(1);
  });

  test('gives up on a server that never answers, with a PackNetworkError and no secret', async () => {
    respond = () => undefined;
    const client = createManagementClient({ baseUrl: base, credentials, timeoutMs: 200 });

    const error = await client.send({ method: 'GET', path: '/api/default/dashboards' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PackNetworkError);
    expect(String((error as Error).message)).not.toContain(SECRET);
  });

  test('stops when the caller aborts', async () => {
    respond = () => undefined;
    const controller = new AbortController();
    const client = createManagementClient({ baseUrl: base, credentials, signal: controller.signal });

    const pending = client.send({ method: 'GET', path: '/api/default/dashboards' }).catch((e: unknown) => e);
    controller.abort();

    expect(await pending).toBeInstanceOf(PackNetworkError);
  });

  test('reports a refused connection as a PackNetworkError naming the cause', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = createManagementClient({ baseUrl: `http://127.0.0.1:${port}`, credentials });

    const error = await client.send({ method: 'GET', path: '/config', anonymous: true }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PackNetworkError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', message: expect.stringContaining('nothing accepts connections on that port (ECONNREFUSED)') });
  });

  test('speaks HTTPS with the CA it is given, and names an untrusted certificate without it', async () => {
    const pki = await createTestTls();
    const tlsServer = https.createServer({ key: pki.key, cert: pki.cert }, (req, res) => res.end(JSON.stringify({ version: 'v0.92.2', auth: req.headers.authorization !== undefined })));
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}`;
    try {
      const trusted = await createManagementClient({ baseUrl: url, credentials, ca: pki.ca }).send({ method: 'GET', path: '/api/default/dashboards' });
      const untrusted = await createManagementClient({ baseUrl: url, credentials }).send({ method: 'GET', path: '/config', anonymous: true }).catch((e: unknown) => e);

      expect(trusted).toMatchObject({ status: 200, json: { version: 'v0.92.2', auth: true } });
      expect(untrusted).toBeInstanceOf(PackNetworkError);
      expect(untrusted).toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    } finally {
      tlsServer.closeAllConnections();
      await new Promise((resolve) => tlsServer.close(resolve));
      await pki.cleanup();
    }
  });

  test('refuses a declared Content-Length over the limit without reading the body, naming the limit and no secret', async () => {
    const stream = streamBody(MAX_RESPONSE_BYTES + 1, { declare: true, stallAfterFirstChunk: true });
    const client = createManagementClient({ baseUrl: base, credentials, redact: [WEBHOOK], timeoutMs: 5_000 });

    // The server never sends the rest, so waiting for it would end in the (PackNetworkError) timeout instead.
    const error = await client.send({ method: 'GET', path: '/api/default/dashboards' }).catch((e: unknown) => e);
    await stream.closed;

    expect(error).toBeInstanceOf(PackHttpError);
    expect((error as PackHttpError).status).toBe(200);
    expect((error as Error).message).toMatch(/8 MiB/);
    expect((error as Error).message).not.toContain(SECRET);
    expect((error as Error).message).not.toContain(WEBHOOK);
    expect(stream.finished).toBe(false);
  });

  test('stops reading a chunked body with no Content-Length once it passes the limit, and closes the connection', async () => {
    const total = 8 * MAX_RESPONSE_BYTES;
    const stream = streamBody(total, { declare: false });
    const client = createManagementClient({ baseUrl: base, credentials, redact: [WEBHOOK] });

    const error = await client.send({ method: 'GET', path: '/api/default/dashboards' }).catch((e: unknown) => e);
    await stream.closed;

    expect(error).toBeInstanceOf(PackHttpError);
    expect((error as Error).message).toMatch(/8 MiB/);
    expect((error as Error).message).not.toContain(SECRET);
    expect((error as Error).message).not.toContain(WEBHOOK);
    expect(stream.finished).toBe(false);
    expect(stream.written).toBeLessThan(total / 2);
  });

  test('fails on a chunked body one byte over the limit', async () => {
    streamBody(MAX_RESPONSE_BYTES + 1, { declare: false });
    const client = createManagementClient({ baseUrl: base, credentials });

    await expect(client.send({ method: 'GET', path: '/api/default/dashboards' })).rejects.toBeInstanceOf(PackHttpError);
  });

  test.each([
    ['with a Content-Length', true],
    ['chunked', false],
  ])('reads a body of exactly the limit %s', async (_name, declare) => {
    const body = jsonOfSize(MAX_RESPONSE_BYTES);
    respond = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', ...(declare ? { 'Content-Length': String(body.length) } : {}) });
      res.end(body);
    };
    const client = createManagementClient({ baseUrl: base, credentials });

    const response = await client.send({ method: 'GET', path: '/api/default/dashboards' });

    expect(response.status).toBe(200);
    // Checked without a regular expression: V8 may throw a stack overflow backtracking /^x+$/ over megabytes.
    const { message } = response.json as { message: string };
    expect(Object.keys(response.json as object)).toEqual(['message']);
    expect(message.replaceAll('x', '')).toBe('');
    expect(JSON.stringify(response.json)).toHaveLength(MAX_RESPONSE_BYTES);
  });
});
