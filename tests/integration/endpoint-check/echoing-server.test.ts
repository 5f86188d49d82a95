import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { interpretFirehose } from '../../../functions/endpoint-check/check-openobserve';
import { endpointCheckHandler } from '../../../functions/endpoint-check/handler';
import { runChecks } from '../../../functions/endpoint-check/run-checks';
import { ERROR_BODY_CHARS, firehoseEndpointUrl, postFirehoseRecords } from '../../../functions/shared/firehose-http';
import { createLogger } from '../../../functions/shared/logger';
import { MIN_SECRET_CHARS } from '../../../functions/shared/secret-scrubber';
import { ECHO_FORMS, type EchoForm, type EchoingServer, type EchoSource, echoBase, echoForm, leakedFragments, startEchoingServer } from '../../helpers/echoing-server';
import { type ResponseUrlServer, startResponseUrlServer } from '../../helpers/response-url';
import { createTestTls, type TestTls } from '../../helpers/tls';

/**
 * The endpoint check against a server that echoes the access key, its `user:secret` and its secret in every
 * form, at every offset around each cut the check makes (the 200-character body it keeps, then 40 characters
 * of a 401 and 120 of any other status in the message). No run of MIN_SECRET_CHARS characters of any form may
 * come back in a result, a message, a CloudFormation Reason or a log line.
 */
const SECRET = 'Fh5/Pq+ "<&>" wört-Z81kQ';
const USER = 'ingest@example.com';
const KEY = Buffer.from(`${USER}:${SECRET}`).toString('base64');
const root = path.resolve(__dirname, '..', '..', '..');

let pki: TestTls;
/** HTTPS, as the endpoint check speaks it. */
let echo: EchoingServer;
/** Plain HTTP for the sweep of thousands of answers: what is scrubbed does not depend on the transport. */
let plainEcho: EchoingServer;
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

beforeAll(async () => {
  pki = await createTestTls();
  echo = await startEchoingServer({ tls: { key: pki.key, cert: pki.cert } });
  plainEcho = await startEchoingServer();
});
afterAll(async () => {
  agent.destroy();
  await echo.stop();
  await plainEcho.stop();
  await pki.cleanup();
});

const leaks = (output: string): string[] => leakedFragments(output, [SECRET, KEY], MIN_SECRET_CHARS);

/** Offsets that put `echoed` across `cut`: from wholly before it to wholly after it. */
const around = (cut: number, echoed: string): number[] => {
  const offsets: number[] = [];
  for (let o = Math.max(0, cut - echoed.length - 1); o <= cut + 1; o++) offsets.push(o);
  return offsets;
};

describe('postFirehoseRecords and interpretFirehose against an echoing server', () => {
  const cases: Array<[EchoSource, EchoForm]> = [
    ...ECHO_FORMS.map((form): [EchoSource, EchoForm] => ['firehose-key', form]),
    ...ECHO_FORMS.map((form): [EchoSource, EchoForm] => ['firehose-secret', form]),
    ['firehose-user-secret', 'raw'],
    ['firehose-user-secret', 'url-encoded'],
    ['firehose-user-secret', 'json-escaped'],
  ];

  test.each(cases)('never returns a piece of the echoed %s (%s), whichever side of a cut it falls', async (from, form) => {
    const echoed = echoForm(from === 'firehose-key' ? KEY : from === 'firehose-secret' ? SECRET : `${USER}:${SECRET}`, form);
    const plans = [
      ...around(40, echoed).map((offset) => ({ status: 401, offset })),
      ...around(120, echoed).map((offset) => ({ status: 500, offset })),
      ...around(ERROR_BODY_CHARS, echoed).map((offset) => ({ status: 500, offset })),
    ];
    plainEcho.plan({ status: 500, from, form, offset: 0 });

    const outputs = await Promise.all(
      plans.map(async ({ status, offset }) => {
        const url = firehoseEndpointUrl(echoBase(plainEcho, status, offset), 'default', 'cognito');
        const result = await postFirehoseRecords({ url, accessKey: KEY, gzip: false }, [], { timeoutMs: 5000, agent });
        const message = interpretFirehose(url, result, 5000).message;
        return { status, offset, kind: result.kind, output: `${result.kind === 'http-error' ? result.body : ''}\n${message}` };
      }),
    );

    expect(outputs.filter((o) => o.kind !== 'http-error')).toEqual([]);
    expect(outputs.flatMap(({ status, offset, output }) => leaks(output).map((leak) => `${status}@${offset} ${leak}`))).toEqual([]);
  });
});

describe('runChecks and the custom resource against an echoing server', () => {
  let responseUrl: ResponseUrlServer;
  const logLines: string[] = [];

  beforeAll(async () => {
    responseUrl = await startResponseUrlServer();
  });
  afterAll(async () => {
    await responseUrl.stop();
  });

  const deps = { lookup: async () => ['127.0.0.1'], ca: pki?.ca, now: Date.now, randomUUID: () => 'echo-probe', timeouts: { httpMs: 2000, tlsMs: 2000 } };

  test.each<[EchoSource, EchoForm, number, number]>([
    ['firehose-key', 'raw', 401, 40 - 20],
    ['firehose-secret', 'raw', 401, 40 - 12],
    ['firehose-secret', 'url-encoded', 500, 120 - 15],
    ['firehose-secret', 'base64-inside-1', 500, 120 - 30],
    ['firehose-secret', 'json-unicode-escaped', 500, 120 - 20],
    ['firehose-key', 'url-encoded-lowercase', 401, 40 - 25],
  ])('no report message holds a piece of the echoed %s (%s, HTTP %i at offset %i)', async (from, form, status, offset) => {
    echo.plan({ status, from, form, offset });

    const report = await runChecks(
      { url: echo.url, organization: 'default', stream: 'cognito_events', accessKey: { source: 'value', value: KEY }, gzip: true, requireTrail: false, allowLocal: true },
      { ...deps, ca: pki.ca },
    );

    expect(report.checks.find((c) => c.id === 'firehose')).toMatchObject({ status: 'failed' });
    expect(leaks(report.checks.map((c) => c.message).join('\n'))).toEqual([]);
  });

  test('no CloudFormation Reason or log line holds a piece of a secret echoed across the 40-character cut', async () => {
    const handler = endpointCheckHandler({
      log: createLogger({ level: 'DEBUG', write: (line) => void logLines.push(line) }),
      allowLocal: true,
      safetyMarginMs: 1000,
      response: { sleep: () => Promise.resolve() },
      deps: { ...deps, ca: pki.ca },
    });
    const sample = JSON.parse(readFileSync(path.join(root, 'events', 'endpoint-check', 'create.json'), 'utf8')) as CloudFormationCustomResourceEvent;
    const event = { ...sample, ResponseURL: responseUrl.url, ResourceProperties: { ...sample.ResourceProperties, OpenObserveUrl: echo.url, AccessKey: KEY } };
    const deadline = Date.now() + 20_000;
    const found: string[] = [];
    // Wholly before the cut, its last character across it, half across, its first character across, wholly after.
    for (const offset of [40 - SECRET.length, 40 - SECRET.length + 1, 40 - SECRET.length / 2, 39, 40]) {
      echo.plan({ status: 401, from: 'firehose-secret', form: 'raw', offset });
      responseUrl.received.length = 0;
      logLines.length = 0;

      await handler(event, { getRemainingTimeInMillis: () => deadline - Date.now() });

      expect(responseUrl.received[0]?.body).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('rejected the access key (401') });
      found.push(...leaks(`${String(responseUrl.received[0]?.body.Reason)}\n${logLines.join('\n')}`).map((leak) => `${offset} ${leak}`));
    }
    expect(found).toEqual([]);
  });
});
