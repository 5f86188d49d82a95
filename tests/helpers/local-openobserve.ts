/**
 * A local OpenObserve for a person to try the CLI against (`npm run fake-openobserve`): the tests' two fakes
 * — ingestion (fake-openobserve.ts: the Firehose endpoint, /_license, /healthz) and management
 * (fake-openobserve-management.ts: streams, dashboards, alerts, /config) — behind one HTTPS port on
 * 127.0.0.1, with one session's credentials. Records delivered to the Firehose endpoint become the
 * stream's fields on the management side, as ingestion makes them in OpenObserve. Each request is
 * reported as one line (method, path, status, time; never a header, a query string or a body).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { type FakeOpenObserve, accessKeyFor, startFakeOpenObserve } from './fake-openobserve';
import { type FakeOpenObserveManagement, startFakeOpenObserve as startManagement } from './fake-openobserve-management';
import { flattenObject } from './openobserve/flatten';
import { JsonFloat, parseSerdeJson } from './openobserve/serde-json';

/** The credentials of one session: a user, the password the management API takes, the passcode ingestion takes. */
export interface SessionCredentials {
  readonly user: string;
  readonly password: string;
  readonly passcode: string;
  /** What Firehose sends: base64 of `user:passcode`. */
  readonly accessKey: string;
}

export interface LocalOpenObserveOptions {
  readonly tls: { readonly key: string; readonly cert: string };
  readonly credentials: Omit<SessionCredentials, 'accessKey'>;
  /** 0 for a free port. */
  readonly port: number;
  readonly organization?: string;
  /** One line per request received, and per batch of records stored. */
  readonly log: (line: string) => void;
}

export interface LocalOpenObserve {
  /** `https://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  readonly credentials: SessionCredentials;
  /** Requests answered so far. */
  requests(): number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/** The requests the ingestion fake answers; the management fake answers the rest. */
function isIngestion(method: string, path: string): boolean {
  if (method === 'POST' && /^\/aws\/[^/]+\/[^/]+\/_kinesis_firehose$/.test(path)) return true;
  if (method === 'GET' && /^\/api\/[^/]+\/_license$/.test(path)) return true;
  return method === 'GET' && path === '/healthz';
}

/** The Arrow type OpenObserve gives a JSON value's column. */
function arrowType(value: unknown): string | undefined {
  if (typeof value === 'string') return 'Utf8';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return 'Int64';
  if (value instanceof JsonFloat) return 'Float64';
  return undefined;
}

/** Adds the fields of each NDJSON line of `records` to `fields`, flattened as OpenObserve stores them. */
function addFields(records: readonly Buffer[], fields: Map<string, string>): void {
  for (const line of records.flatMap((record) => record.toString('utf8').split('\n'))) {
    const parsed = line.trim() === '' ? undefined : parseSerdeJson(line);
    if (!parsed?.ok || !(parsed.value instanceof Map)) continue;
    for (const [name, value] of flattenObject(parsed.value)) {
      const type = arrowType(value);
      if (type !== undefined && !fields.has(name)) fields.set(name, type);
    }
  }
}

function forward(req: IncomingMessage, res: ServerResponse, port: number): Promise<number> {
  return new Promise((resolve) => {
    const upstream = http.request({ host: HOST, port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('end', () => resolve(answer.statusCode ?? 502));
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end('the fake could not answer');
      resolve(502);
    });
    req.pipe(upstream);
  });
}

/** Starts both fakes and the HTTPS front on 127.0.0.1:`port`. */
export async function startLocalOpenObserve(options: LocalOpenObserveOptions): Promise<LocalOpenObserve> {
  const { user, password, passcode } = options.credentials;
  const organization = options.organization ?? 'default';
  const credentials: SessionCredentials = { user, password, passcode, accessKey: accessKeyFor({ user, secret: passcode }) };
  const streamFields = new Map<string, Map<string, string>>();
  let management: FakeOpenObserveManagement | undefined;
  let ingestion: FakeOpenObserve | undefined;
  let answered = 0;

  management = await startManagement({ orgs: [organization], accounts: [{ username: user, secret: password, role: 'admin' }], passcodes: [passcode] });
  ingestion = await startFakeOpenObserve({
    users: [{ user, secret: passcode }],
    orgs: [organization],
    onRecords: (records, batch) => {
      const key = `${batch.org}/${batch.stream}`;
      const fields = streamFields.get(key) ?? new Map<string, string>();
      streamFields.set(key, fields);
      addFields(records, fields);
      fields.delete('_timestamp');
      management?.addStream(batch.org, batch.stream, Object.fromEntries(fields));
      options.log(`  ${records.length} records stored in ${batch.org}/${batch.stream}`);
    },
  });
  const ports = { ingestion: ingestion.port, management: new URL(management.url).port };

  const front = https.createServer({ key: options.tls.key, cert: options.tls.cert }, (req, res) => {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'https://fake').pathname;
    void forward(req, res, isIngestion(method, path) ? ports.ingestion : Number(ports.management)).then((status) => {
      answered += 1;
      options.log(`${new Date().toISOString().slice(11, 23)}  ${method} ${path} → ${status} (${Math.round(performance.now() - started)} ms)`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port, HOST, resolve);
  });
  const { port } = front.address() as AddressInfo;

  return {
    url: `https://${HOST}:${port}`,
    port,
    credentials,
    requests: () => answered,
    stop: async () => {
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await ingestion?.stop();
      await management?.stop();
      ingestion = undefined;
      management = undefined;
    },
  };
}
