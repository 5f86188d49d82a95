/**
 * `--to https://…/_kinesis_firehose` against a loopback HTTPS OpenObserve that behaves as the contract says
 * (per-line parsing, a whole-request 400 on a bad line, 401 in plain text, the 5-hour window that drops
 * records silently with HTTP 200).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { NO_CHECKPOINT } from '../../../cli/replay/checkpoint';
import { replaySucceeded, runReplay, type ReplayResult } from '../../../cli/replay/run-replay';
import { httpsSink, type HttpsSinkOptions } from '../../../cli/replay/sinks/https-sink';
import { replayTransform } from '../../../cli/replay/transform-port';
import type { SourceObject } from '../../../cli/replay/types';
import { accessKeyFor, DEFAULT_USER, startFakeOpenObserve, type FakeOpenObserve, type RecordedRequest } from '../../helpers/fake-openobserve';
import { parseFirehoseRecord, type Row } from '../../helpers/openobserve-rules';
import { createTestTls, type TestTls } from '../../helpers/tls';
import { memoryObject } from '../../unit/replay/factories';

const ROOT = path.join(__dirname, '../../..');
const SAMPLES = path.join(ROOT, 'events/eventbridge');
const KEY = accessKeyFor(DEFAULT_USER);

let tls: TestTls;
let o2: FakeOpenObserve;
/** What the fake stored and silently dropped, by the OpenObserve rules. */
const stored: Row[] = [];
const dropped: string[] = [];
let rejectWhen: string | undefined;

beforeAll(async () => {
  tls = await createTestTls();
  o2 = await startFakeOpenObserve({
    tls: { key: tls.key, cert: tls.cert },
    onRecords: (records) => {
      if (rejectWhen !== undefined && records.some((record) => record.toString('utf8').includes(rejectWhen!))) {
        return { errorMessage: 'Json deserialize error: trailing characters' };
      }
      const verdicts = records.map((record) => parseFirehoseRecord(record, { nowMs: Date.now() }));
      const failed = verdicts.find((verdict) => verdict.kind === 'request-failed');
      if (failed) return { errorMessage: failed.reason };
      for (const verdict of verdicts) {
        if (verdict.kind === 'stored') stored.push(...verdict.rows);
        else dropped.push(verdict.reason);
      }
      return undefined;
    },
  });
});

afterAll(async () => {
  await o2.stop();
  await tls.cleanup();
});

beforeEach(() => {
  o2.reset();
  stored.length = 0;
  dropped.length = 0;
  rejectWhen = undefined;
});

async function* samples(): AsyncGenerator<SourceObject> {
  for (const file of readdirSync(SAMPLES).sort()) yield memoryObject(file, readFileSync(path.join(SAMPLES, file), 'utf8'));
}

function replayTo(options: Partial<HttpsSinkOptions> & { keepTimestamps?: boolean } = {}, sources: AsyncIterable<SourceObject> = samples()): Promise<ReplayResult> {
  const { keepTimestamps = false, ...sink } = options;
  return runReplay({
    sources,
    createSink: (report) =>
      httpsSink({ url: `${o2.url}/aws/default/cognito/_kinesis_firehose`, accessKey: KEY, gzip: true, ca: tls.ca, sleep: async () => undefined, ...sink }, report),
    rule: { matches: () => true },
    transform: replayTransform({}, { keepTimestamps }),
    checkpoint: NO_CHECKPOINT,
    now: Date.now,
  });
}

const firehoseRequests = (): RecordedRequest[] => o2.requests.filter((request) => request.route === 'firehose');

describe('https sink → OpenObserve', () => {
  test('speaks the Firehose HTTP protocol: headers, gzip, a request id echoed in header and body', async () => {
    const result = await replayTo();
    expect(replaySucceeded(result)).toBe(true);
    const [request] = firehoseRequests();
    expect(request!.headers).toMatchObject({
      'x-amz-firehose-protocol-version': '1.0',
      'x-amz-firehose-access-key': KEY,
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    const body = JSON.parse(request!.body.toString('utf8'));
    expect(request!.headers['x-amz-firehose-request-id']).toBe(body.requestId);
    expect(body.records).toHaveLength(readdirSync(SAMPLES).length);
    expect(typeof body.timestamp).toBe('number');
  });

  test('every sample is stored, because events older than the 5-hour window are restamped to now', async () => {
    const result = await replayTo();
    expect(result.stats.restamped).toBe(result.stats.delivered);
    expect(stored).toHaveLength(readdirSync(SAMPLES).length);
    expect(dropped).toEqual([]);
    expect(stored.every((row) => row.restamped === true && typeof row.event_time === 'string')).toBe(true);
  });

  test('--keep-timestamps sends the event times as they are: a default server drops them without an error', async () => {
    const result = await replayTo({ keepTimestamps: true });
    expect(result.stats.delivered).toBe(readdirSync(SAMPLES).length);
    expect(stored).toEqual([]);
    expect(dropped.length).toBe(readdirSync(SAMPLES).length);
  });

  test('--no-gzip sends the body uncompressed', async () => {
    await replayTo({ gzip: false });
    expect(firehoseRequests()[0]!.headers['content-encoding']).toBeUndefined();
    expect(stored.length).toBeGreaterThan(0);
  });

  test('retries a 503 with the same request id, then delivers', async () => {
    o2.misbehave('firehose', { kind: 'status', status: 503, body: '{"code":503}', contentType: 'application/json' });
    const result = await replayTo({ sleep: async () => o2.misbehave('firehose', undefined) });
    const ids = firehoseRequests().map((request) => request.headers['x-amz-firehose-request-id']);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(replaySucceeded(result)).toBe(true);
  });

  test('retries a request that times out', async () => {
    o2.misbehave('firehose', { kind: 'hang' });
    const result = await replayTo({ timeoutMs: 300, sleep: async () => o2.misbehave('firehose', undefined) });
    expect(replaySucceeded(result)).toBe(true);
    expect(stored.length).toBeGreaterThan(0);
  });

  test('gives up after the last attempt and says what failed', async () => {
    o2.misbehave('firehose', { kind: 'status', status: 500, body: 'oops' });
    const result = await replayTo({ maxAttempts: 3 });
    expect(firehoseRequests()).toHaveLength(3);
    expect(replaySucceeded(result)).toBe(false);
    expect([...result.failures.groups.keys()]).toEqual(['OpenObserve answered HTTP 500, 3 attempts in a row']);
  });

  test('a 400 for one bad line fails the whole request: the batch is halved until only that record fails', async () => {
    rejectWhen = '"event_name":"SignUp"';
    const result = await replayTo();
    expect(result.stats.deliveryFailed).toBe(1);
    expect(stored).toHaveLength(readdirSync(SAMPLES).length - 1);
    expect(result.unfinished).toEqual(['sign-up.json']);
  });

  test('401 stops the run with what to do, and the key never appears in the result', async () => {
    const secret = 'distinctive-S3CRET-value';
    const badKey = Buffer.from(`root@example.com:${secret}`).toString('base64');
    const result = await replayTo({ accessKey: badKey });
    expect(result.fatal).toMatch(/HTTP 401.*OPENOBSERVE_ACCESS_KEY/);
    expect(firehoseRequests()).toHaveLength(1);
    expect(JSON.stringify({ ...result, failures: [...result.failures.groups] })).not.toMatch(new RegExp(`${secret}|${badKey}`));
  });

  test('413 stops the run and names the body limit to raise', async () => {
    o2.misbehave('firehose', { kind: 'status', status: 413, body: 'Payload Too Large' });
    const result = await replayTo();
    expect(result.fatal).toMatch(/413.*ZO_PAYLOAD_LIMIT/);
    expect(replaySucceeded(result)).toBe(false);
  });

  test('splits large replays into requests of at most 4 MiB', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ ...JSON.parse(readFileSync(path.join(SAMPLES, 'sign-up.json'), 'utf8')), id: `id-${i}`, detail: { ...JSON.parse(readFileSync(path.join(SAMPLES, 'sign-up.json'), 'utf8')).detail, eventID: `e-${i}`, userAgent: 'x'.repeat(1500) } }),
    );
    async function* big(): AsyncGenerator<SourceObject> {
      yield memoryObject('big.ndjson', lines.join('\n'));
    }
    const result = await replayTo({}, big());
    const requests = firehoseRequests();
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.every((request) => request.body.length <= 4 * 1024 * 1024)).toBe(true);
    expect(result.stats.delivered).toBe(3000);
    expect(stored).toHaveLength(3000);
  });
});

describe('o2-cognito replay --to https (the built CLI, trusting the test CA through NODE_EXTRA_CA_CERTS)', () => {
  const bin = path.join(ROOT, 'bin/o2-cognito.js');
  const run = promisify(execFile);

  test('delivers the samples and never prints the access key', async () => {
    const secret = 'another-distinctive-S3CRET';
    const key = Buffer.from(`${DEFAULT_USER.user}:${DEFAULT_USER.secret}`).toString('base64');
    const { stdout, stderr } = await run(process.execPath, [bin, 'replay', '--from', 'events/eventbridge', '--to', `${o2.url}/aws/default/cognito/_kinesis_firehose`], {
      cwd: ROOT,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.caPath, OPENOBSERVE_ACCESS_KEY: key, UNRELATED: secret },
    });
    expect(stdout).toBe('');
    expect(stderr).toContain(`delivered to ${o2.url}/aws/default/cognito/_kinesis_firehose`);
    expect(stderr).not.toContain(key);
    expect(stored).toHaveLength(readdirSync(SAMPLES).length);
  });

  test('a wrong key exits non-zero, says what to do, and is not printed', async () => {
    const secret = 'wrong-S3CRET-passcode';
    const key = Buffer.from(`${DEFAULT_USER.user}:${secret}`).toString('base64');
    const failure = await run(process.execPath, [bin, 'replay', '--from', 'events/eventbridge', '--to', `${o2.url}/aws/default/cognito/_kinesis_firehose`, '--access-key', key], {
      cwd: ROOT,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.caPath },
    }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/HTTP 401/);
    expect(`${failure?.stdout}${failure?.stderr}`).not.toMatch(new RegExp(`${secret}|${key.replace(/[+/=]/g, '\\$&')}`));
  });
});
