import { runChecks } from '../../../functions/endpoint-check/run-checks';
import type { CheckInput } from '../../../functions/endpoint-check/types';
import { accessKeyFor, type FakeOpenObserve, startFakeOpenObserve } from '../../helpers/fake-openobserve';
import { createTestTls, type TestTls } from '../../helpers/tls';

/**
 * DNS rebinding: the name answers one address when the host check vets it and another one afterwards. Two
 * loopback HTTPS OpenObserves share a port: the vetted one on 127.0.0.2, and on 127.0.0.1 the "internal
 * service" a rebinding answer would send the key to. The name is `localhost`, which the system resolver
 * answers with 127.0.0.1, so a check that resolves again at connect time reaches the wrong server.
 * (Linux routes all of 127.0.0.0/8 to loopback; 127.0.0.2 needs no setup there.)
 */
const SECRET = 'Rb7-REBINDING-DISTINCTIVE-SECRET';
const USER = { user: 'ingest@example.com', secret: SECRET };
const KEY = accessKeyFor(USER);

let pki: TestTls;
let vetted: FakeOpenObserve;
let rebound: FakeOpenObserve;

beforeAll(async () => {
  pki = await createTestTls(['localhost']);
  const tls = { key: pki.key, cert: pki.cert };
  vetted = await startFakeOpenObserve({ tls, users: [USER], host: '127.0.0.2' }).catch((error: unknown) => {
    throw new Error(`cannot listen on 127.0.0.2 (${String(error)}); this test needs the whole 127.0.0.0/8 on loopback, as Linux has it.`);
  });
  rebound = await startFakeOpenObserve({ tls, users: [USER], host: '127.0.0.1', port: vetted.port });
});
afterAll(async () => {
  await vetted?.stop();
  await rebound?.stop();
  await pki?.cleanup();
});

const input = (): CheckInput => ({
  url: `https://localhost:${vetted.port}`,
  organization: 'default',
  stream: 'cognito_events',
  accessKey: { source: 'value', value: KEY },
  gzip: true,
  requireTrail: false,
  allowLocal: true,
});

describe('runChecks against a rebinding name', () => {
  test('connects only to the address it vetted, keeping the name for SNI and Host, and resolves once', async () => {
    const asked: string[] = [];
    const rebinding = async (hostname: string): Promise<readonly string[]> => {
      asked.push(hostname);
      return asked.length === 1 ? ['127.0.0.2'] : ['127.0.0.1'];
    };

    const report = await runChecks(input(), { lookup: rebinding, ca: pki.ca, now: Date.now, randomUUID: () => 'rebind-probe', timeouts: { httpMs: 2000, tlsMs: 2000 } });

    expect(rebound.requests).toEqual([]);
    expect(vetted.requests.map((r) => r.route)).toEqual(['config', 'license', 'firehose']);
    expect(vetted.requests.map((r) => [r.servername, r.headers.host])).toEqual(new Array(3).fill(['localhost', `localhost:${vetted.port}`]));
    expect(report.checks.find((c) => c.id === 'tls')).toMatchObject({ status: 'passed' });
    expect(report.checks.find((c) => c.id === 'firehose')).toMatchObject({ status: 'passed' });
    expect(asked).toEqual(['localhost']);
  });
});
