import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { formatReport, runInvocation, toInvocationError, type InvocationRequest } from '../../../../cli/invoke/run-invocation';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'o2-run-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function request(source: string, overrides: Partial<InvocationRequest> = {}): { request: InvocationRequest; log: () => string } {
  const handlerFile = path.join(dir, `handler-${Math.random().toString(16).slice(2)}.js`);
  writeFileSync(handlerFile, source);
  const chunks: string[] = [];
  const log = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return {
    request: {
      handlerFile, exportPath: ['handler'], handlerName: 'index.handler', event: { n: 1 },
      env: { O2_TEST_VAR: 'set-by-invoke' }, functionName: 'Fn', memoryMb: 128, timeoutSeconds: 5, region: 'us-east-1',
      logGroupName: '/aws/lambda/Fn', logStreamName: 's', log, ...overrides,
    },
    log: () => chunks.join(''),
  };
}

describe('runInvocation', () => {
  test('returns what an async handler resolves to, with the environment applied at load and call', async () => {
    const { request: req } = request('const atLoad = process.env.O2_TEST_VAR;\nexports.handler = async (e) => ({ atLoad, atCall: process.env.O2_TEST_VAR, e });');

    const outcome = await runInvocation(req);

    expect(outcome).toMatchObject({ ok: true, result: { atLoad: 'set-by-invoke', atCall: 'set-by-invoke', e: { n: 1 } } });
  });

  test('puts process.env back as it was, removing added variables and restoring changed ones', async () => {
    process.env.O2_TEST_KEEP = 'before';
    const { request: req } = request('exports.handler = async () => { process.env.O2_TEST_BY_HANDLER = "x"; return 1; };', {
      env: { O2_TEST_KEEP: 'during', O2_TEST_ADDED: 'added' },
    });

    await runInvocation(req);
    const after = { ...process.env };
    delete process.env.O2_TEST_KEEP;

    expect(after.O2_TEST_KEEP).toBe('before');
    expect(after).not.toHaveProperty('O2_TEST_ADDED');
    expect(after).not.toHaveProperty('O2_TEST_BY_HANDLER');
  });

  test('supports callback handlers and context.succeed', async () => {
    const callback = request('exports.handler = (e, c, cb) => { setImmediate(() => cb(null, "via callback")); };');
    const succeed = request('exports.handler = (e, c) => { c.succeed("via succeed"); };');

    expect(await runInvocation(callback.request)).toMatchObject({ ok: true, result: 'via callback' });
    expect(await runInvocation(succeed.request)).toMatchObject({ ok: true, result: 'via succeed' });
  });

  test("reports a thrown error as Lambda's error document", async () => {
    const { request: req } = request('exports.handler = async () => { throw new RangeError("out of range"); };');

    const outcome = await runInvocation(req);

    expect(outcome).toMatchObject({ ok: false, error: { errorType: 'RangeError', errorMessage: 'out of range' } });
    expect(outcome.ok || outcome.error.trace[0]).toBe('RangeError: out of range');
  });

  test('reports an error thrown while the bundle loads', async () => {
    const { request: req } = request('throw new Error("PAYLOAD_MODE is \'x\'; use json");\n');

    const outcome = await runInvocation(req);

    expect(outcome).toMatchObject({ ok: false, error: { errorType: 'Error', errorMessage: "PAYLOAD_MODE is 'x'; use json" } });
  });

  test('reports a missing export as Runtime.HandlerNotFound', async () => {
    const { request: req } = request('exports.other = () => 1;');

    const outcome = await runInvocation(req);

    expect(outcome).toMatchObject({ ok: false, error: { errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is undefined or not exported' } });
  });

  test('ends a handler that outlives the Timeout with Sandbox.Timedout', async () => {
    const { request: req } = request('exports.handler = () => new Promise(() => undefined);', { timeoutSeconds: 0.05 });

    const outcome = await runInvocation(req);

    expect(outcome).toMatchObject({ ok: false, error: { errorType: 'Sandbox.Timedout' } });
  });

  test('writes handler logs, stdout writes and START/END/REPORT to the log stream', async () => {
    const { request: req, log } = request('console.log("at load");\nexports.handler = async () => { console.warn("in call"); process.stdout.write("raw\\n"); return 1; };');

    const outcome = await runInvocation(req);

    const text = log();
    expect(text).toMatch(/\tINFO\tat load\n/);
    expect(text).toMatch(/\tWARN\tin call\n/);
    expect(text).toContain('raw\n');
    expect(text).toMatch(new RegExp(`START RequestId: ${outcome.report.requestId} Version: \\$LATEST`));
    expect(text).toMatch(/\nREPORT RequestId: [0-9a-f-]{36}\tDuration: [0-9.]+ ms\t.*Max Memory Used: \d+ MB/);
  });
});

describe('toInvocationError', () => {
  test('describes a non-Error the way the Lambda runtime does', () => {
    expect(toInvocationError('plain')).toEqual({ errorType: 'string', errorMessage: 'plain', trace: [] });
  });
});

describe('formatReport', () => {
  test('writes the fields of a Lambda REPORT line', () => {
    const line = formatReport({ requestId: 'r', durationMs: 1.234, initDurationMs: 5, memorySizeMb: 512, maxMemoryUsedMb: 60 });

    expect(line).toBe('REPORT RequestId: r\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 512 MB\tMax Memory Used: 60 MB\tInit Duration: 5.00 ms');
  });
});
