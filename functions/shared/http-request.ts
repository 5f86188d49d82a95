import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

/**
 * The one HTTP client of the project (node:http and node:https): the endpoint check, the Firehose protocol,
 * the pack's management client, the custom-resource answer and the CLI commands over them all send through
 * `sendHttpRequest`, and all read one outcome type. Redirects are never followed.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One HTTP(S) exchange. `ca` replaces the default trust store (tests); production leaves it unset. */
export interface HttpRequest {
  readonly url: string;
  readonly method: HttpMethod;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  /** Whole exchange: connect, TLS, send, and the response body. */
  readonly timeoutMs: number;
  /** Aborting it ends the exchange as a `timeout` (a caller's deadline). */
  readonly signal?: AbortSignal;
  readonly ca?: string | Buffer;
  /**
   * Bytes of response body kept. A longer answer (declared or streamed) is not read further: the outcome
   * holds what arrived up to the limit, `truncated` is set, and the connection is closed.
   */
  readonly maxResponseBytes: number;
  /** Reuse connections across calls (replay); default: a fresh connection per request. */
  readonly agent?: http.Agent;
  /**
   * Resolves the URL's host name instead of the system resolver, e.g. `pinnedLookup` to connect only to
   * addresses already vetted. SNI, certificate checks and the Host header still use the URL's name.
   */
  readonly lookup?: LookupFunction;
}

export type HttpOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly headers: http.IncomingHttpHeaders; readonly body: Buffer; readonly truncated: boolean }
  /**
   * `code` is Node's error code (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED…; EUNKNOWN without one), and
   * `reason` Node's message: never any header or body content. `describeNetworkError(code)` words it.
   */
  | { readonly kind: 'network-error'; readonly code: string; readonly reason: string }
  /** No complete answer within `timeoutMs`, or `signal` aborted. */
  | { readonly kind: 'timeout' };

/** Error codes Node uses when the peer closed the connection before (or instead of) answering. */
export const CONNECTION_DROPPED_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);
/** Characters of Node's error message kept in a network-error `reason`. */
const MAX_REASON_CHARS = 200;

/** Node's error code; an AggregateError (every address of a name refused) carries its first error's. */
function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'EUNKNOWN';
  if ('code' in error && typeof error.code === 'string') return error.code;
  if ('errors' in error && Array.isArray(error.errors)) return errorCode(error.errors[0]);
  return 'EUNKNOWN';
}

function networkError(error: unknown): HttpOutcome {
  const code = errorCode(error);
  // 'socket hang up' is Node's ECONNRESET message for a connection closed before any response.
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.startsWith(code) || code === 'EUNKNOWN' ? message : `${code}: ${message}`;
  return { kind: 'network-error', code, reason: reason.slice(0, MAX_REASON_CHARS) };
}

/**
 * Sends one request and resolves to an outcome; it never rejects. The request headers are never part of
 * an outcome, so credentials sent in them cannot leak through it.
 */
export function sendHttpRequest(request: HttpRequest): Promise<HttpOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: HttpOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body !== undefined) headers['Content-Length'] = request.body.byteLength;
    let req: http.ClientRequest;
    try {
      const url = new URL(request.url);
      req = (url.protocol === 'http:' ? http : https).request(url, {
        method: request.method,
        headers,
        agent: request.agent ?? false,
        ...(request.lookup ? { lookup: request.lookup } : {}),
        ...(url.protocol === 'https:' && request.ca !== undefined ? { ca: request.ca } : {}),
      });
    } catch (error) {
      // An unparsable URL or a header value Node refuses (a line break in a key): nothing was sent.
      resolve(networkError(error));
      return;
    }
    const onAbort = (): void => {
      finish({ kind: 'timeout' });
      req.destroy();
    };
    const timer = setTimeout(onAbort, request.timeoutMs);
    req.on('error', (error) => finish(networkError(error)));
    if (request.signal?.aborted) {
      onAbort();
      return;
    }
    request.signal?.addEventListener('abort', onAbort, { once: true });

    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      const respond = (truncated: boolean): void =>
        finish({ kind: 'response', status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks, kept), truncated });
      const stop = (): void => {
        respond(true);
        res.destroy();
      };
      if (Number(res.headers['content-length']) > request.maxResponseBytes) {
        stop();
        return;
      }
      res.on('data', (chunk: Buffer) => {
        const room = request.maxResponseBytes - kept;
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        chunks.push(part);
        kept += part.length;
        if (chunk.length > room) stop();
      });
      res.on('end', () => respond(false));
      res.on('error', (error) => finish(networkError(error)));
      res.on('aborted', () => finish({ kind: 'network-error', code: 'ECONNRESET', reason: 'ECONNRESET: response aborted' }));
    });
    req.end(request.body === undefined ? undefined : Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength));
  });
}
