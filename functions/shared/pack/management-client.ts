/**
 * The HTTP edge of the installer: one OpenObserve management call per `send` through the shared HTTP module,
 * Basic auth (docs/reference/openobserve-management-api.md#authentication-and-status-codes), a timeout on
 * every call, no redirects followed, at most MAX_RESPONSE_BYTES read. Credentials never leave this module:
 * they are not in any result or error, and server text is scrubbed of them before it is kept.
 */
import type { LookupFunction } from 'node:net';
import { type HttpMethod, sendHttpRequest } from '../http-request';
import { describeNetworkError } from '../network-error';
import { createScrubber } from '../secret-scrubber';
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
  /** More secrets to scrub from server text, e.g. `urlSecrets(webhookUrl)`, which a destination error may echo. */
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
  /** The body's `message` (or `error`) or its text, on one line, scrubbed of every secret, then cut short. */
  readonly message: string;
}

export interface ManagementClient {
  readonly origin: string;
  send(request: ManagementRequest): Promise<ManagementResponse>;
  /** Scrubs other server-given text (ids, a version) of the credentials and the `redact` values. */
  scrub(text: string): string;
}

/** What a server's error body says: its `message`, `error` or `error_detail` field, else the whole text. */
function serverMessage(json: unknown, text: string): string {
  if (typeof json !== 'object' || json === null) return text;
  const record = json as Record<string, unknown>; // narrowed right below, key by key
  const field = [record.message, record.error, record.error_detail].find((v) => typeof v === 'string');
  return typeof field === 'string' ? field : text;
}

/** Creates a client for one OpenObserve. */
export function createManagementClient(options: ManagementClientOptions): ManagementClient {
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.secret}`).toString('base64')}`;
  // The secret, and the Basic credential whole: its base64 also encodes the user, which is not secret alone.
  const basic = Buffer.from(`${options.credentials.username}:${options.credentials.secret}`).toString('base64');
  const scrubber = createScrubber([options.credentials.secret, basic, ...(options.redact ?? [])]);
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;

  return {
    origin: base.origin,
    scrub: scrubber.scrub,
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
      return { status: outcome.status, json, message: scrubber.excerpt(serverMessage(json, text), MAX_SERVER_MESSAGE_CHARS) };
    },
  };
}
