/**
 * The HTTP edge of the installer: one OpenObserve management call per `send` through the shared HTTP
 * module, Basic auth (contract §4), a timeout on every call, no redirects followed, at most
 * MAX_RESPONSE_BYTES read. Credentials never leave this module: they are not in any result or error, and
 * server text is scrubbed of them before it is kept.
 */
import type { LookupFunction } from 'node:net';
import { type HttpMethod, sendHttpRequest } from '../http-request';
import { describeNetworkError } from '../network-error';
import { MAX_RESPONSE_BYTES, MAX_SERVER_MESSAGE_CHARS, REQUEST_TIMEOUT_MS } from './constants';
import { PackHttpError, PackNetworkError } from './errors';

export interface ManagementCredentials {
  /** User email or service-account email. */
  readonly username: string;
  /** The user's password or the service account's token (never the Firehose passcode). */
  readonly secret: string;
}

export interface ManagementClientOptions {
  /** OpenObserve base URL, e.g. `https://o2.example.com` or `https://host/base-uri`. */
  readonly baseUrl: string;
  readonly credentials: ManagementCredentials;
  readonly timeoutMs?: number;
  /** Aborts every call (the custom resource's deadline). */
  readonly signal?: AbortSignal;
  /** More values to scrub from server text, e.g. the webhook URL a destination error might echo. */
  readonly redact?: readonly string[];
  /** Trusted CA(s) replacing the default store (tests); otherwise Node's store plus NODE_EXTRA_CA_CERTS. */
  readonly ca?: string | Buffer;
  /** Resolves the host instead of the system resolver (`pinnedLookup`: install-pack's vetted loopback address). */
  readonly lookup?: LookupFunction;
}

export interface ManagementRequest {
  readonly method: HttpMethod;
  /** Path below the base URL, starting with `/`, already percent-encoded. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
  /** `GET /config` needs none. */
  readonly anonymous?: boolean;
}

export interface ManagementResponse {
  readonly status: number;
  /** Parsed JSON, or undefined when the body is not JSON. */
  readonly json: unknown;
  /** The body as text, scrubbed of the credentials and cut to a short length, for messages. */
  readonly message: string;
}

export interface ManagementClient {
  readonly origin: string;
  send(request: ManagementRequest): Promise<ManagementResponse>;
}

function scrubber(credentials: ManagementCredentials, redact: readonly string[]): (text: string) => string {
  const basic = Buffer.from(`${credentials.username}:${credentials.secret}`).toString('base64');
  // Longest first, so a URL is replaced whole before any secret inside it.
  const secrets = [credentials.secret, basic, ...redact].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}

/** A short, one-line form of a server's error body: its `message` or `error` field, else the text. */
function shortMessage(json: unknown, text: string): string {
  let message = text;
  if (typeof json === 'object' && json !== null) {
    const record = json as Record<string, unknown>; // narrowed right below, key by key
    const field = [record.message, record.error, record.error_detail].find((v) => typeof v === 'string');
    if (typeof field === 'string') message = field;
  }
  return message.replace(/\s+/g, ' ').trim().slice(0, MAX_SERVER_MESSAGE_CHARS);
}

/** Creates a client for one OpenObserve. */
export function createManagementClient(options: ManagementClientOptions): ManagementClient {
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.secret}`).toString('base64')}`;
  const scrub = scrubber(options.credentials, options.redact ?? []);
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;

  return {
    origin: base.origin,
    async send(request) {
      const url = new URL(`${base.origin}${prefix}${request.path}`);
      for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, value);
      const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'o2-cognito' };
      if (!request.anonymous) headers.Authorization = authorization;
      if (request.body !== undefined) headers['Content-Type'] = 'application/json';
      const outcome = await sendHttpRequest({
        url: url.href,
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: Buffer.from(JSON.stringify(request.body)) } : {}),
        timeoutMs,
        maxResponseBytes: MAX_RESPONSE_BYTES,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.ca !== undefined ? { ca: options.ca } : {}),
        ...(options.lookup ? { lookup: options.lookup } : {}),
      });
      if (outcome.kind === 'timeout') {
        throw new PackNetworkError(`OpenObserve at ${base.origin} did not answer ${request.method} ${request.path} in time; check the URL and that the server is up.`, 'ETIMEDOUT');
      }
      if (outcome.kind === 'network-error') {
        throw new PackNetworkError(`OpenObserve at ${base.origin} could not be reached: ${describeNetworkError(outcome.code)}; check the URL and the network path to it.`, outcome.code);
      }
      if (outcome.truncated) {
        throw new PackHttpError(
          `OpenObserve at ${base.origin} answered ${request.method} ${request.path} with more than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB, the most the installer reads; check that the URL points at OpenObserve and not at a proxy or another service.`,
          outcome.status,
        );
      }
      const text = outcome.body.toString('utf8');
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: outcome.status, json, message: scrub(shortMessage(json, text)) };
    },
  };
}
