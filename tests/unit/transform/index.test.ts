import type { FirehoseTransformationEvent } from 'aws-lambda';
import type { TransformResponse, TransformContext } from '../../../functions/transform/types';
import { cloudTrailEvent, eventBridgeEvent, firehoseEvent, firehoseRecord, lambdaContext } from '../../helpers/factories';

type Handler = (event: FirehoseTransformationEvent, context: TransformContext) => Promise<TransformResponse>;

const SAVED_ENV = { ...process.env };

/** Loads the handler module afresh under `env` (the module reads its config at load, as at cold start). */
function loadHandler(env: Record<string, string>): Handler {
  process.env = { ...SAVED_ENV, ...env };
  let handler: Handler | undefined;
  jest.isolateModules(() => {
    ({ handler } = jest.requireActual<{ handler: Handler }>('../../../functions/transform/index'));
  });
  if (handler === undefined) throw new Error('handler not loaded');
  return handler;
}

/** Captures what the code writes to stdout, as parsed JSON lines. */
function captureStdout(): { lines: () => Record<string, unknown>[]; restore: () => void } {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return {
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    restore: () => spy.mockRestore(),
  };
}

afterEach(() => {
  process.env = { ...SAVED_ENV };
});

describe('TransformFunction handler', () => {
  test('exports handler and nothing else', () => {
    let exported: Record<string, unknown> = {};
    jest.isolateModules(() => {
      exported = jest.requireActual('../../../functions/transform/index');
    });

    expect(Object.keys(exported)).toEqual(['handler']);
  });

  test('transforms a batch and logs one summary line and one EMF metrics line', async () => {
    // Prepare
    const handler = loadHandler({});
    const event = firehoseEvent([eventBridgeEvent(cloudTrailEvent()), eventBridgeEvent(cloudTrailEvent({ eventName: 'SignUp' }))]);
    const stdout = captureStdout();

    // Act
    const result = await handler(event, lambdaContext());
    stdout.restore();

    // Assess
    expect(result.records.map((r) => r.result)).toEqual(['Ok', 'Ok']);
    const [summary, emf, ...rest] = stdout.lines();
    expect(rest).toEqual([]);
    expect(summary).toMatchObject({
      level: 'INFO',
      message: 'Batch transformed',
      function_request_id: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
      invocation_id: event.invocationId,
      records_in: 2,
      records_ok: 2,
      records_dropped: 0,
      records_processing_failed: 0,
      records_restamped: expect.any(Number),
      bytes_in: expect.any(Number),
      bytes_out: expect.any(Number),
      duration_ms: expect.any(Number),
      cold_start: expect.any(Boolean),
    });
    expect(summary?.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(emf).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Namespace: 'O2Cognito', Dimensions: [['FunctionName']] }] },
      FunctionName: 'o2-cognito-TransformFunction-AbCdEf123456',
      RecordsIn: 2,
      RecordsOk: 2,
    });
  });

  test('logs each failed record at WARN with its recordId and reason, never its content', async () => {
    const handler = loadHandler({});
    const secret = 'Sup3r-Secr3t-Passw0rd';
    const bad = firehoseRecord(undefined, { data: Buffer.from(`{"password":"${secret}"`).toString('base64') });
    const stdout = captureStdout();

    const result = await handler(firehoseEvent([bad]), lambdaContext());
    stdout.restore();

    expect(result.records).toEqual([{ recordId: bad.recordId, result: 'ProcessingFailed', data: bad.data }]);
    const lines = stdout.lines();
    expect(lines[0]).toMatchObject({ level: 'WARN', record_id: bad.recordId, reason: 'record is not JSON' });
    expect(JSON.stringify(lines)).not.toContain(secret);
  });

  test('LOG_LEVEL=ERROR silences the summary and the warnings, not the metrics', async () => {
    const handler = loadHandler({ LOG_LEVEL: 'ERROR' });
    const stdout = captureStdout();

    await handler(firehoseEvent([firehoseRecord(undefined, { data: 'bm90IGpzb24=' })]), lambdaContext());
    stdout.restore();

    const lines = stdout.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveProperty('_aws');
  });

  test('applies the configuration from the environment', async () => {
    const handler = loadHandler({ EXCLUDE_EVENT_NAMES: 'SignUp' });
    const stdout = captureStdout();

    const result = await handler(firehoseEvent([eventBridgeEvent(cloudTrailEvent({ eventName: 'SignUp' }))]), lambdaContext());
    stdout.restore();

    expect(result.records[0]?.result).toBe('Dropped');
  });

  test('fails the cold start on an invalid setting, naming every problem', () => {
    const stdout = captureStdout();

    expect(() => loadHandler({ PAYLOAD_MODE: 'xml', LATE_EVENT_POLICY: 'drop' })).toThrow(/PAYLOAD_MODE is 'xml'.*LATE_EVENT_POLICY is 'drop'/);
    stdout.restore();

    expect(stdout.lines()[0]).toMatchObject({ level: 'ERROR', error_name: 'ConfigError' });
  });

  test('LOG_LEVEL=DEBUG also logs the configuration at cold start', async () => {
    const handler = loadHandler({ LOG_LEVEL: 'DEBUG', PAYLOAD_MODE: 'drop', EXCLUDE_EVENT_NAMES: 'A*,B' });
    const stdout = captureStdout();

    await handler(firehoseEvent([]), lambdaContext());
    await handler(firehoseEvent([]), lambdaContext());
    stdout.restore();

    const debug = stdout.lines().filter((line) => line.level === 'DEBUG');
    expect(debug).toEqual([expect.objectContaining({ message: 'Transform configuration', payload_mode: 'drop', exclude_event_names: 'A*,B' })]);
  });

  test('answers a malformed event with an empty response instead of throwing', async () => {
    const handler = loadHandler({});
    const stdout = captureStdout();

    const result = await handler(null as unknown as FirehoseTransformationEvent, undefined as unknown as TransformContext);
    stdout.restore();

    expect(result).toEqual({ records: [] });
  });

  test('publishes metrics without dimensions when no function name is known', async () => {
    const handler = loadHandler({});
    delete process.env.AWS_LAMBDA_FUNCTION_NAME;
    const stdout = captureStdout();

    await handler(firehoseEvent([]), { awsRequestId: 'r' } as TransformContext);
    stdout.restore();

    const emf = stdout.lines().find((line) => '_aws' in line);
    expect(emf).toMatchObject({ _aws: { CloudWatchMetrics: [{ Dimensions: [[]] }] }, RecordsIn: 0 });
  });
});
