import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

/** One HTTP(S) exchange. `ca` replaces the default trust store (tests); production leaves it unset. */
export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  /** Whole exchange: connect, TLS, send, and the response body. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly ca?: string | Buffer;
  /** Bytes of response body kept; the rest is discarded and `truncated` is set. */
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
  /** `code` is Node's error code (ECONNRESET, CERT_HAS_EXPIRED…); never any header or body content. */
  | { readonly kind: 'network-error'; readonly code: string; readonly reason: string }
  | { readonly kind: 'timeout' };

/** Error codes Node uses when the peer closed the connection before (or instead of) answering. */
export const CONNECTION_DROPPED_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return 'EUNKNOWN';
}

function errorReason(error: unknown): string {
  const code = errorCode(error);
  // 'socket hang up' is Node's ECONNRESET message for a connection closed before any response.
  const message = error instanceof Error ? error.message : String(error);
  return code === 'EUNKNOWN' ? message.slice(0, 200) : `${code}: ${message}`.slice(0, 200);
}

/**
 * Sends one request with node:http or node:https and resolves to an outcome; it never rejects.
 * The response body is kept up to `maxResponseBytes`; the request headers are never part of an outcome.
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
    const url = new URL(request.url);
    const transport = url.protocol === 'http:' ? http : https;
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body !== undefined) headers['Content-Length'] = request.body.byteLength;
    const req = transport.request(url, {
      method: request.method,
      headers,
      agent: request.agent ?? false,
      ...(request.lookup ? { lookup: request.lookup } : {}),
      ...(url.protocol === 'https:' && request.ca !== undefined ? { ca: request.ca } : {}),
    });
    const onAbort = (): void => {
      finish({ kind: 'timeout' });
      req.destroy();
    };
    const timer = setTimeout(onAbort, request.timeoutMs);
    req.on('error', (error) => finish({ kind: 'network-error', code: errorCode(error), reason: errorReason(error) }));
    if (request.signal?.aborted) {
      onAbort();
      return;
    }
    request.signal?.addEventListener('abort', onAbort, { once: true });

    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      let truncated = false;
      res.on('data', (chunk: Buffer) => {
        if (kept >= request.maxResponseBytes) {
          truncated = true;
          return;
        }
        const room = request.maxResponseBytes - kept;
        if (chunk.length > room) truncated = true;
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        chunks.push(part);
        kept += part.length;
      });
      res.on('end', () =>
        finish({ kind: 'response', status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated }),
      );
      res.on('error', (error) => finish({ kind: 'network-error', code: errorCode(error), reason: errorReason(error) }));
      res.on('aborted', () => finish({ kind: 'network-error', code: 'ECONNRESET', reason: 'ECONNRESET: response aborted' }));
    });
    req.end(request.body === undefined ? undefined : Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength));
  });
}
