import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One PUT (every attempt, answered or not) received by the stand-in for CloudFormation's pre-signed ResponseURL. */
export interface ReceivedResponse {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly raw: Buffer;
  /** The parsed JSON body (CloudFormation's response object). */
  readonly body: Record<string, unknown>;
}

export interface ResponseUrlServer {
  /** A pre-signed-looking URL on this server. */
  readonly url: string;
  readonly received: ReceivedResponse[];
  /** Statuses to answer the next PUTs with, in order (then 200); 0 drops the connection. */
  failNext(...statuses: number[]): void;
  /** Resolves at the next PUT (or at once when one already arrived after `after` PUTs). */
  waitFor(count: number): Promise<void>;
  stop(): Promise<void>;
}

/** A local HTTP listener standing in for the ResponseURL: records every PUT (method, headers, exact bytes). */
export async function startResponseUrlServer(): Promise<ResponseUrlServer> {
  const received: ReceivedResponse[] = [];
  const queue: number[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = queue.shift() ?? 200;
      const raw = Buffer.concat(chunks);
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        // recorded raw; the assertion on `body` fails visibly
      }
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw, body });
      for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
      if (status === 0) req.socket.destroy();
      else res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/cloudformation-response/stack%7CEndpointCheck%7Crequest?X-Amz-Signature=0000`,
    received,
    failNext: (...statuses) => queue.push(...statuses),
    waitFor: (count) => (received.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
