import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A hostile loopback server that echoes the credentials it receives back in its answer — raw, URL-encoded,
 * base64 (alone and inside a longer base64 string at each alignment), JSON-escaped, or cut short — at a
 * chosen offset, so that tests can put every form of a secret on every side of a client's cut. It derives
 * what it echoes from the request itself, never from the test's constants. GET …/config answers a version.
 */

export const ECHO_FORMS = [
  'raw',
  'url-encoded',
  'url-encoded-lowercase',
  'form-encoded',
  'base64',
  'base64url',
  'base64-inside-0',
  'base64-inside-1',
  'base64-inside-2',
  'json-escaped',
  'json-unicode-escaped',
  'first-12-chars',
] as const;
export type EchoForm = (typeof ECHO_FORMS)[number];

/** What the server echoes, taken from the request. */
export const ECHO_SOURCES = ['firehose-key', 'firehose-secret', 'firehose-user-secret', 'authorization', 'basic-secret', 'webhook-url'] as const;
export type EchoSource = (typeof ECHO_SOURCES)[number];

/** The padding around the echo: a character no form of a secret contains. */
export const ECHO_PAD = '~';

/** What the base64-inside forms put before the echoed text: 6, 7 and 8 bytes, one per base64 alignment. */
const INSIDE_PREFIX = { 'base64-inside-0': '{"a":"', 'base64-inside-1': '{"ab":"', 'base64-inside-2': '{"abc":"' } as const;

/** `text` encoded as `form`. */
export function echoForm(text: string, form: EchoForm): string {
  const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
  const jsonEscaped = JSON.stringify(text).slice(1, -1).replace(/\//g, '\\/');
  switch (form) {
    case 'raw':
      return text;
    case 'url-encoded':
      return encodeURIComponent(text);
    case 'url-encoded-lowercase':
      return encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
    case 'form-encoded':
      return encodeURIComponent(text).replace(/%20/g, '+');
    case 'base64':
      return b64(text);
    case 'base64url':
      return b64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    case 'base64-inside-0':
    case 'base64-inside-1':
    case 'base64-inside-2':
      return b64(`${INSIDE_PREFIX[form]}${text}"}`);
    case 'json-escaped':
      return jsonEscaped;
    case 'json-unicode-escaped':
      // As Python's ensure_ascii and Go's HTML-safe encoder write it.
      return jsonEscaped.replace(/[^\x20-\x7e]|[<>&']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    case 'first-12-chars':
      return text.slice(0, 12);
  }
}

function decodedBasic(value: string | undefined): string {
  return Buffer.from((value ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
}

function source(req: IncomingMessage, body: string, from: EchoSource): string {
  const key = String(req.headers['x-amz-firehose-access-key'] ?? '');
  const decodedKey = decodedBasic(key);
  switch (from) {
    case 'firehose-key':
      return key;
    case 'firehose-user-secret':
      return decodedKey;
    case 'firehose-secret':
      return decodedKey.slice(decodedKey.indexOf(':') + 1);
    case 'authorization':
      return String(req.headers.authorization ?? '');
    case 'basic-secret': {
      const decoded = decodedBasic(req.headers.authorization);
      return decoded.slice(decoded.indexOf(':') + 1);
    }
    case 'webhook-url': {
      const match = /"url":"([^"]*)"/.exec(body);
      return match?.[1] ?? '';
    }
  }
}

export interface EchoPlan {
  readonly status: number;
  readonly from: EchoSource;
  readonly form: EchoForm;
  /** Padding characters before the echo. */
  readonly offset: number;
  readonly contentType?: string;
}

export interface EchoingServer {
  readonly url: string;
  /**
   * Answers every request from now on by this plan. A request whose path starts with
   * `/echo/<status>/<offset>/` (see `echoBase`) overrides the status and offset, so that many can run at once.
   */
  plan(plan: EchoPlan): void;
  /** Request paths seen. */
  readonly paths: string[];
  stop(): Promise<void>;
}

/** A base URL on `server` whose requests are answered with `status` and the echo after `offset` pad characters. */
export const echoBase = (server: EchoingServer, status: number, offset: number): string => `${server.url}/echo/${status}/${offset}`;

/** Starts the server on 127.0.0.1 and a free port; HTTPS with `tls`. Stop it in afterAll. */
export async function startEchoingServer(options: { tls?: { key: string; cert: string } } = {}): Promise<EchoingServer> {
  let current: EchoPlan = { status: 500, from: 'authorization', form: 'raw', offset: 0 };
  const paths: string[] = [];
  const handle = (req: IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      paths.push(req.url ?? '');
      // The version probe passes, so that a client gets as far as its first authenticated call.
      if (req.method === 'GET' && /\/config$/.test(req.url ?? '')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ version: 'v0.92.2' }));
        return;
      }
      const override = /^\/echo\/(\d+)\/(\d+)\//.exec(req.url ?? '');
      const status = override ? Number(override[1]) : current.status;
      const offset = override ? Number(override[2]) : current.offset;
      const echoed = echoForm(source(req, Buffer.concat(chunks).toString('utf8'), current.from), current.form);
      const body = `${ECHO_PAD.repeat(offset)}${echoed}${ECHO_PAD.repeat(16)}`;
      res.writeHead(status, { 'Content-Type': current.contentType ?? 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  };
  const server = options.tls ? https.createServer(options.tls, handle) : http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    plan: (plan) => void (current = plan),
    paths,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The part of `form` that encodes `secret` alone: inside a longer base64, the characters made of its bits only. */
function secretPart(secret: string, form: EchoForm): string {
  const encoded = echoForm(secret, form);
  if (form !== 'base64-inside-0' && form !== 'base64-inside-1' && form !== 'base64-inside-2') return encoded;
  const before = Buffer.byteLength(INSIDE_PREFIX[form]);
  return encoded.slice(Math.ceil((8 * before) / 6), Math.floor((8 * (before + Buffer.byteLength(secret))) / 6));
}

/** Every run of `minChars` characters of any echoed form of the secrets that appears in `output`. */
export function leakedFragments(output: string, secrets: readonly string[], minChars: number): string[] {
  const leaks = new Set<string>();
  for (const secret of secrets) {
    for (const form of ECHO_FORMS) {
      const text = secretPart(secret, form);
      for (let i = 0; i + minChars <= text.length; i++) if (output.includes(text.slice(i, i + minChars))) leaks.add(`${form}: ${text.slice(i, i + minChars)}`);
    }
  }
  return [...leaks];
}
