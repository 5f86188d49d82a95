/**
 * `--to https://…/_kinesis_firehose` against a loopback HTTPS OpenObserve that behaves as the contract says
 * (per-line parsing, a whole-request 400 on a bad line, 401 in plain text, the 5-hour window that drops
 * records silently with HTTP 200).
 */
import { execFile } from 'node:child_process';
import net from 'node:net';
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

describe('a broken endpoint costs a bounded number of requests, and says so (circuit breaker)', () => {
  /** `count` sample events, each with an id of its own, in one NDJSON object. */
  async function* many(count: number): AsyncGenerator<SourceObject> {
    const sample = JSON.parse(readFileSync(path.join(SAMPLES, 'sign-up.json'), 'utf8'));
    const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ ...sample, id: `id-${i}`, detail: { ...sample.detail, eventID: `e-${i}` } }));
    yield memoryObject('many.ndjson', lines.join('\n'));
  }

  test('a 400 for every request stops after a few records instead of two requests per record', async () => {
    // Prepare
    rejectWhen = '"event_name"';
    // Act
    const result = await replayTo({}, many(1000));
    // Assess: the halving to the first record (10 requests) and 10 records refused one by one, not ~2,000 requests
    expect(firehoseRequests().length).toBeLessThanOrEqual(40);
    expect(result.fatal).toMatch(/^OpenObserve took nothing for 10 requests in a row .*\(last: OpenObserve rejected the request \(HTTP 400\)\)/);
    expect(result.unfinished).toEqual(['many.ndjson']);
    expect(result.stats.delivered).toBe(0);
  });

  test('one bad record at the head of a full batch is still narrowed down without tripping', async () => {
    rejectWhen = '"event_id":"e-0"';
    const result = await replayTo({}, many(1000));
    expect(result.fatal).toBeUndefined();
    expect(result.stats).toMatchObject({ delivered: 999, deliveryFailed: 1 });
  });

  test('a 200 with a body that is not the Firehose answer stops after 10 requests, not 8 per batch for ever', async () => {
    o2.misbehave('firehose', { kind: 'status', status: 200, body: '<html>welcome</html>', contentType: 'text/html' });
    const notes: string[] = [];
    const result = await replayTo({ maxBodyBytes: 64 * 1024, notify: (note) => notes.push(note) }, many(300));
    expect(firehoseRequests()).toHaveLength(10);
    expect(result.fatal).toMatch(/^OpenObserve took nothing for 10 requests in a row .*\(last: OpenObserve answered 200 but the answer is not JSON\)/);
    expect(notes.slice(0, 2)).toEqual([
      expect.stringMatching(/^OpenObserve answered 200 but the answer is not JSON; retrying \d+ records in [\d.]+ s \(attempt 2 of 8\)\.$/),
      expect.stringMatching(/\(attempt 3 of 8\)\.$/),
    ]);
  });

  test('stops once requests have delivered nothing for the time limit, however few they are', async () => {
    o2.misbehave('firehose', { kind: 'status', status: 503, body: 'busy' });
    let now = 0;
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
    const result = await replayTo({ ...clock, maxBodyBytes: 64 * 1024, breaker: { maxFailedRequests: 1000, maxFailingMs: 300_000 } }, many(300));
    // Two batches of 8 attempts take 2 × 127 s of back-off; the limit falls in the third.
    expect(result.fatal).toMatch(/^OpenObserve took nothing for 2\d requests in a row over 5 minutes \(last: OpenObserve answered HTTP 503\)/);
    expect(now).toBeGreaterThanOrEqual(300_000);
    expect(now).toBeLessThan(400_000);
  });

  test('a certificate the system does not trust stops at once, in the words check-endpoint uses', async () => {
    const result = await replayTo({ ca: undefined as unknown as string });
    expect(o2.requests).toHaveLength(0);
    expect(result.fatal).toBe(
      'The certificate of 127.0.0.1 does not chain to a publicly trusted CA (UNABLE_TO_VERIFY_LEAF_SIGNATURE); serve the full chain, issued by a public CA, as Firehose requires.',
    );
  });

  test('a host DNS does not know stops at once', async () => {
    const result = await replayTo({ url: 'https://o2-cognito-replay.invalid/aws/default/cognito/_kinesis_firehose' });
    expect(result.fatal).toBe('o2-cognito-replay.invalid in --to: the host name does not resolve (ENOTFOUND); check the host name.');
  });

  test('a refused connection is retried, one line per retry, until the breaker stops it', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const notes: string[] = [];
    const result = await replayTo(
      { url: `https://127.0.0.1:${closed}/aws/default/cognito/_kinesis_firehose`, maxBodyBytes: 64 * 1024, notify: (note) => notes.push(note) },
      many(300),
    );
    // The first batch's 8 attempts (7 retries), then 2 of the next: the 10th failed request trips the breaker.
    expect(notes).toHaveLength(8);
    expect(notes[0]).toMatch(new RegExp(`^127\\.0\\.0\\.1:${closed} could not be reached: nothing accepts connections on that port \\(ECONNREFUSED\\); retrying \\d+ records in [\\d.]+ s \\(attempt 2 of 8\\)\\.$`));
    expect(result.fatal).toMatch(/took nothing for 10 requests in a row/);
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
