import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { interpretTls, probeTls } from '../../../functions/endpoint-check/check-tls';
import type { EndpointTarget } from '../../../functions/endpoint-check/check-url';
import { pinnedLookup } from '../../../functions/shared/pinned-lookup';
import { createTestTls, type TestTls } from '../../helpers/tls';

let pki: TestTls;
const servers: net.Server[] = [];

beforeAll(async () => {
  pki = await createTestTls();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await pki.cleanup();
});

async function listen(server: net.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}
const tlsServer = (material: { key: string; cert: string }) => listen(tls.createServer(material, (socket) => socket.end()));
const target = (port: number, hostname = '127.0.0.1'): EndpointTarget => ({ baseUrl: `https://${hostname}:${port}`, hostname, port, https: true });
const check = async (t: EndpointTarget, trust: 'test-ca' | 'default-store' = 'test-ca') =>
  interpretTls(t, await probeTls(t, { timeoutMs: 1000, ...(trust === 'test-ca' ? { ca: pki.ca } : {}) }), 1000, Date.now());

describe('the TLS check', () => {
  test('passes a certificate for the host issued by a trusted CA', async () => {
    const port = await tlsServer({ key: pki.key, cert: pki.cert });

    expect(await check(target(port))).toMatchObject({ id: 'tls', status: 'passed' });
    expect(await check(target(port, 'localhost'))).toMatchObject({ status: 'passed' });
  });

  test('connects to the pinned address, still sending the host name as SNI and checking the certificate against it', async () => {
    let sni: (name: string) => void = () => undefined;
    const received = new Promise<string>((resolve) => (sni = resolve));
    const material = await pki.issue(['o2.pinned.test'], 'pinned');
    const server = tls.createServer({ ...material, SNICallback: (name, done) => {
      sni(name);
      done(null, tls.createSecureContext(material));
    } }, (socket) => socket.end());
    const port = await listen(server);

    const pinned = await probeTls(target(port, 'o2.pinned.test'), { timeoutMs: 1000, ca: pki.ca, lookup: pinnedLookup('o2.pinned.test', ['127.0.0.1']) });

    expect(interpretTls(target(port, 'o2.pinned.test'), pinned, 1000, Date.now())).toMatchObject({ status: 'passed' });
    expect(await received).toBe('o2.pinned.test');
  });

  test('fails a certificate issued for another name, listing the names it covers', async () => {
    const port = await tlsServer(await pki.issue(['other.example.com'], 'other'));

    expect(await check(target(port))).toMatchObject({ status: 'failed', message: expect.stringMatching(/not issued for that name \(it covers DNS:other\.example\.com\)/) });
  });

  test('fails a self-signed certificate, saying Firehose needs a publicly trusted one', async () => {
    const port = await tlsServer(await pki.selfSigned(['127.0.0.1', 'localhost'], 'self'));

    expect(await check(target(port))).toMatchObject({ status: 'failed', message: expect.stringContaining('is self-signed, and Firehose accepts only publicly trusted certificates') });
  });

  test('fails a certificate whose CA is not in the trust store', async () => {
    const port = await tlsServer({ key: pki.key, cert: pki.cert });

    expect(await check(target(port), 'default-store')).toMatchObject({ status: 'failed', message: expect.stringContaining('does not chain to a publicly trusted CA') });
  });

  test('warns about a certificate that expires within 14 days', async () => {
    const port = await tlsServer(await pki.issue(['127.0.0.1'], 'soon', 3));

    expect(await check(target(port))).toMatchObject({ status: 'warned', message: expect.stringContaining('within 14 days') });
  });

  test('fails a refused connection', async () => {
    const port = await listen(net.createServer());
    await new Promise((resolve) => servers.pop()?.close(resolve));

    expect(await check(target(port))).toMatchObject({ status: 'failed', message: expect.stringContaining('refused the connection') });
  });

  test('fails a port that serves plain HTTP', async () => {
    const port = await listen(http.createServer((_req, res) => res.end('hi')));

    expect(await check(target(port))).toMatchObject({ status: 'failed', message: expect.stringContaining('check that the port serves HTTPS') });
  });

  test('fails a handshake that never completes within its timeout', async () => {
    const sockets: net.Socket[] = [];
    const port = await listen(net.createServer((s) => void sockets.push(s)));

    const result = await check(target(port));

    for (const s of sockets) s.destroy();
    expect(result).toMatchObject({ status: 'failed', message: expect.stringContaining('did not complete a TLS handshake within 1 s') });
  });
});
