import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * A loopback OpenObserve that behaves as docs/reference/openobserve-firehose-ingestion.md says the real one does,
 * and misbehaves on demand. Routes: POST /aws/{org}/{stream}/_kinesis_firehose, GET /api/{org}/_license,
 * GET /config, GET /healthz. Every request is recorded for assertions.
 */

export type FakeRoute = 'firehose' | 'license' | 'config' | 'healthz';

export type Misbehaviour =
  /** 200 with a plain-text body. */
  | { readonly kind: 'non-json' }
  /** 200 JSON echoing another request id. */
  | { readonly kind: 'wrong-request-id' }
  /** Reads the request, never answers (until stop()). */
  | { readonly kind: 'hang' }
  /** Destroys the connection without an answer. */
  | { readonly kind: 'close' }
  /** Any fixed answer (a proxy's 415, an old release's 404…). */
  | { readonly kind: 'status'; readonly status: number; readonly body: string; readonly contentType?: string };

export interface FakeUser {
  readonly user: string;
  readonly secret: string;
}

export interface FirehoseBatchInfo {
  readonly org: string;
  readonly stream: string;
  readonly requestId: string;
}

/**
 * Called with each accepted batch's records, decoded as OpenObserve does (base64, then gunzip when it
 * works, then UTF-8). Return an error to answer 400 `{requestId, errorMessage, timestamp}` as OpenObserve
 * does for a bad line (the whole batch fails).
 */
export type OnRecords = (records: readonly Buffer[], batch: FirehoseBatchInfo) => void | { readonly errorMessage: string };

export interface FakeOpenObserveOptions {
  /** HTTPS with this key and certificate; plain HTTP without. */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** Accepted credentials; the first one is the root user. */
  readonly users?: readonly FakeUser[];
  /** Organizations that exist (for /_license; the /aws route checks none, as the real one). */
  readonly orgs?: readonly string[];
  readonly version?: string;
  readonly onRecords?: OnRecords;
  /** Loopback address and port to listen on; 127.0.0.1 and a free port by default. */
  readonly host?: string;
  readonly port?: number;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly route: FakeRoute | 'unknown';
  readonly headers: IncomingHttpHeaders;
  /** As received (maybe gzip). */
  readonly rawBody: Buffer;
  /** After request-level gunzip, when Content-Encoding is gzip and it inflates. */
  readonly body: Buffer;
  /** Status answered; undefined when the connection was dropped or left hanging. */
  status?: number;
  /** The records of an accepted Firehose batch, decoded. */
  records?: readonly Buffer[];
  /** The TLS server name (SNI) the client sent; undefined over plain HTTP or without SNI. */
  readonly servername?: string;
}

export interface FakeOpenObserve {
  /** Base URL, e.g. https://127.0.0.1:40123. */
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Makes `route` misbehave from now on; `undefined` restores the contract behaviour. */
  misbehave(route: FakeRoute, misbehaviour: Misbehaviour | undefined): void;
  /** Forgets recorded requests and misbehaviours. */
  reset(): void;
  stop(): Promise<void>;
}

export const DEFAULT_USER: FakeUser = { user: 'root@example.com', secret: 'fake-passcode-1234' };

/** The access key Firehose sends for a user: standard base64 of `user:secret`. */
export function accessKeyFor(user: FakeUser): string {
  return Buffer.from(`${user.user}:${user.secret}`).toString('base64');
}

const STANDARD_PADDED_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function strictBase64(text: string): Buffer | undefined {
  return STANDARD_PADDED_BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}

function strictUtf8(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

type Credential = { readonly kind: 'ok'; readonly user: FakeUser } | { readonly kind: 'unauthorized' } | { readonly kind: 'panic' };

/** validator_aws: base64 → UTF-8 → split on every ':'; no ':' at all panics (index out of range). */
function checkCredential(encoded: string | undefined, users: readonly FakeUser[]): Credential {
  if (encoded === undefined) return { kind: 'unauthorized' };
  const bytes = strictBase64(encoded);
  const text = bytes ? strictUtf8(bytes) : undefined;
  if (text === undefined) return { kind: 'unauthorized' };
  const parts = text.split(':');
  if (parts.length < 2) return { kind: 'panic' };
  const user = users.find((u) => u.user === parts[0] && u.secret === parts[1]);
  return user ? { kind: 'ok', user } : { kind: 'unauthorized' };
}

function tryGunzip(bytes: Buffer): Buffer | undefined {
  try {
    return gunzipSync(bytes);
  } catch {
    return undefined;
  }
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function send(res: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown): void => send(res, status, JSON.stringify(value), 'application/json');

function routeOf(method: string, path: string): { route: FakeRoute | 'unknown'; org?: string; stream?: string } {
  const firehose = /^\/aws\/([^/]+)\/([^/]+)\/_kinesis_firehose$/.exec(path);
  if (firehose && method === 'POST') return { route: 'firehose', org: decodeURIComponent(firehose[1] ?? ''), stream: decodeURIComponent(firehose[2] ?? '') };
  const license = /^\/api\/([^/]+)\/_license$/.exec(path);
  if (license && method === 'GET') return { route: 'license', org: decodeURIComponent(license[1] ?? '') };
  if (path === '/config' && method === 'GET') return { route: 'config' };
  if (path === '/healthz' && method === 'GET') return { route: 'healthz' };
  return { route: 'unknown' };
}

/** Parses the Firehose body and decodes its records per record rule 1, 2 and 4 of the contract. */
function decodeBatch(body: Buffer): { ok: true; requestId: string; records: Buffer[] } | { ok: false; status: number; requestId?: string; message: string; json: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, status: 400, message: 'Json deserialize error: expected value', json: false };
  }
  if (typeof parsed !== 'object' || parsed === null || !('requestId' in parsed) || typeof parsed.requestId !== 'string' || !('records' in parsed) || !Array.isArray(parsed.records)) {
    return { ok: false, status: 422, message: 'Json deserialize error: missing field', json: false };
  }
  const requestId = parsed.requestId;
  const records: Buffer[] = [];
  for (const record of parsed.records as unknown[]) {
    const data = typeof record === 'object' && record !== null && 'data' in record && typeof record.data === 'string' ? record.data : undefined;
    const bytes = data === undefined ? undefined : strictBase64(data);
    if (!bytes) return { ok: false, status: 400, requestId, message: 'Invalid base64 in record data', json: true };
    const inflated = tryGunzip(bytes) ?? bytes;
    if (strictUtf8(inflated) === undefined) return { ok: false, status: 400, requestId, message: 'Record data is not valid UTF-8', json: true };
    records.push(inflated);
  }
  return { ok: true, requestId, records };
}

/** Starts the fake on 127.0.0.1, port 0. Stop it in afterAll. */
export async function startFakeOpenObserve(options: FakeOpenObserveOptions = {}): Promise<FakeOpenObserve> {
  const users = options.users ?? [DEFAULT_USER];
  const orgs = new Set(options.orgs ?? ['default']);
  const version = options.version ?? 'v0.92.2';
  const requests: RecordedRequest[] = [];
  const misbehaviours = new Map<FakeRoute, Misbehaviour>();

  const misbehave = (m: Misbehaviour, req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest): void => {
    switch (m.kind) {
      case 'hang':
        return;
      case 'close':
        req.socket.destroy();
        return;
      case 'non-json':
        recorded.status = 200;
        return send(res, 200, 'OK');
      case 'wrong-request-id':
        recorded.status = 200;
        return sendJson(res, 200, { requestId: '00000000-0000-4000-8000-000000000000', timestamp: Date.now() });
      case 'status':
        recorded.status = m.status;
        return send(res, m.status, m.body, m.contentType);
    }
  };

  const firehose = (req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest, org: string, stream: string): void => {
    const credential = checkCredential(header(req, 'x-amz-firehose-access-key'), users);
    if (credential.kind === 'panic') {
      req.socket.destroy();
      return;
    }
    const answer = (status: number, body: string, contentType?: string): void => {
      recorded.status = status;
      send(res, status, body, contentType);
    };
    if (credential.kind === 'unauthorized') return answer(401, 'Unauthorized Access');
    const mediaType = (header(req, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') return answer(415, 'Content type error');
    let body = recorded.rawBody;
    if ((header(req, 'content-encoding') ?? '').toLowerCase() === 'gzip') {
      const inflated = tryGunzip(body);
      if (!inflated) return answer(400, 'Payload error: failed to decompress');
      body = inflated;
    }
    const batch = decodeBatch(body);
    if (!batch.ok) {
      if (!batch.json) return answer(batch.status, batch.message);
      return answer(batch.status, JSON.stringify({ requestId: batch.requestId, errorMessage: batch.message, timestamp: Date.now() }), 'application/json');
    }
    recorded.records = batch.records;
    const verdict = batch.records.length > 0 ? options.onRecords?.(batch.records, { org, stream, requestId: batch.requestId }) : undefined;
    if (verdict) return answer(400, JSON.stringify({ requestId: batch.requestId, errorMessage: verdict.errorMessage, timestamp: Date.now() }), 'application/json');
    answer(200, JSON.stringify({ requestId: batch.requestId, timestamp: Date.now() }), 'application/json');
  };

  const license = (req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest, org: string): void => {
    const authorization = header(req, 'authorization');
    const basic = authorization?.startsWith('Basic ') ? authorization.slice('Basic '.length) : undefined;
    const credential = checkCredential(basic, users);
    recorded.status = credential.kind !== 'ok' ? 401 : orgs.has(org) ? 200 : 404;
    if (credential.kind !== 'ok') return send(res, 401, 'Unauthorized Access');
    if (!orgs.has(org)) return send(res, 404, 'Organization not found');
    sendJson(res, 200, { status: 'active' });
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const { route, org = '', stream = '' } = routeOf(method, path);
      const rawBody = Buffer.concat(chunks);
      const gzipped = (header(req, 'content-encoding') ?? '').toLowerCase() === 'gzip';
      const servername = 'servername' in req.socket && typeof req.socket.servername === 'string' ? req.socket.servername : undefined;
      const recorded: RecordedRequest = { method, path, route, headers: req.headers, rawBody, body: (gzipped && tryGunzip(rawBody)) || rawBody, ...(servername ? { servername } : {}) };
      requests.push(recorded);
      const m = route === 'unknown' ? undefined : misbehaviours.get(route);
      if (m) return misbehave(m, req, res, recorded);
      switch (route) {
        case 'firehose':
          return firehose(req, res, recorded, org, stream);
        case 'license':
          return license(req, res, recorded, org);
        case 'config':
          recorded.status = 200;
          return sendJson(res, 200, { version, instance: 'fake', commit_hash: 'fake', build_type: 'opensource', sql_base64_enabled: false });
        case 'healthz':
          recorded.status = 200;
          return sendJson(res, 200, { status: 'ok' });
        default:
          recorded.status = 404;
          return send(res, 404, 'Not Found');
      }
    });
  };

  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handle) : http.createServer(handle);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    requests,
    misbehave: (route, misbehaviour) => {
      if (misbehaviour) misbehaviours.set(route, misbehaviour);
      else misbehaviours.delete(route);
    },
    reset: () => {
      requests.length = 0;
      misbehaviours.clear();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
