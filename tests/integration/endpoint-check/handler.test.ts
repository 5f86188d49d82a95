import type { CloudFormationCustomResourceEvent, CloudFormationCustomResourceUpdateEvent } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand, type StackStatus } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient, DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { endpointCheckHandler } from '../../../functions/endpoint-check/handler';
import { createLogger } from '../../../functions/shared/logger';
import { describeStackRollback } from '../../../functions/shared/stack-rollback';
import { accessKeyFor, type FakeOpenObserve, type Misbehaviour, startFakeOpenObserve } from '../../helpers/fake-openobserve';
import { type ResponseUrlServer, startResponseUrlServer } from '../../helpers/response-url';
import { createTestTls, type TestTls } from '../../helpers/tls';

/**
 * EndpointCheckFunction's handler, in-process, against a loopback HTTPS OpenObserve (test CA injected) and
 * a local listener standing in for CloudFormation's pre-signed ResponseURL.
 */
const SECRET = 'Hh2-HANDLER-DISTINCTIVE-SECRET';
const USER = { user: 'ingest@example.com', secret: SECRET };
const KEY = accessKeyFor(USER);
const root = path.resolve(__dirname, '..', '..', '..');

let pki: TestTls;
let openobserve: FakeOpenObserve;
let responseUrl: ResponseUrlServer;
const logLines: string[] = [];
let handler: ReturnType<typeof endpointCheckHandler>;

beforeAll(async () => {
  pki = await createTestTls();
  openobserve = await startFakeOpenObserve({ tls: { key: pki.key, cert: pki.cert }, users: [USER], orgs: ['default'] });
  responseUrl = await startResponseUrlServer();
  handler = endpointCheckHandler({
    log: createLogger({ level: 'DEBUG', write: (line) => void logLines.push(line) }),
    allowLocal: true,
    safetyMarginMs: 1000,
    response: { sleep: () => Promise.resolve() },
    deps: { lookup: async () => ['127.0.0.1'], ca: pki.ca, now: Date.now, randomUUID: () => 'probe-id', timeouts: { httpMs: 1000, tlsMs: 1000 } },
  });
});
afterAll(async () => {
  await openobserve.stop();
  await responseUrl.stop();
  await pki.cleanup();
});
beforeEach(() => {
  openobserve.reset();
  responseUrl.received.length = 0;
  logLines.length = 0;
});

function sampleEvent(kind: 'create' | 'update' | 'delete', properties: Record<string, string> = {}): CloudFormationCustomResourceEvent {
  const sample = JSON.parse(readFileSync(path.join(root, 'events', 'endpoint-check', `${kind}.json`), 'utf8')) as CloudFormationCustomResourceEvent;
  return {
    ...sample,
    ResponseURL: responseUrl.url,
    ResourceProperties: { ...sample.ResourceProperties, OpenObserveUrl: openobserve.url, AccessKey: KEY, ...properties },
  };
}
const context = (remainingMs = 30_000) => {
  const deadline = Date.now() + remainingMs;
  return { getRemainingTimeInMillis: () => deadline - Date.now() };
};
const onlyAnswer = (): Record<string, unknown> => {
  expect(responseUrl.received).toHaveLength(1);
  return responseUrl.received[0]?.body ?? {};
};

describe('EndpointCheckFunction handler', () => {
  test('answers a passing Create with SUCCESS and Data, in one PUT with an empty Content-Type and exact Content-Length', async () => {
    await handler(sampleEvent('create'), context());

    const put = responseUrl.received[0];
    expect(onlyAnswer()).toEqual({
      Status: 'SUCCESS',
      Reason: expect.stringMatching(/^Endpoint check passed/),
      PhysicalResourceId: 'endpoint-check-127.0.0.1:' + openobserve.port,
      StackId: sampleEvent('create').StackId,
      RequestId: sampleEvent('create').RequestId,
      LogicalResourceId: 'EndpointCheck',
      Data: {
        OpenObserveVersion: 'v0.92.2',
        StreamName: 'cognito_events',
        Warnings: expect.stringContaining('local testing'),
        TrailName: 'cognito-auth-stream-cognito',
      },
    });
    expect(put?.method).toBe('PUT');
    expect(put?.headers['content-type'] ?? '').toBe('');
    expect(put?.headers['content-length']).toBe(String(put?.raw.length));
    expect(put?.raw.length).toBeLessThanOrEqual(4096);
    expect(openobserve.requests.map((r) => r.route)).toEqual(['config', 'license', 'firehose']);
  });

  test('keeps the PhysicalResourceId on Update and reports the renamed stream', async () => {
    await handler(sampleEvent('update', { StreamName: 'cognito-auth' }), context());

    expect(onlyAnswer()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'endpoint-check-openobserve.example.com', Data: { StreamName: 'cognito_auth' } });
  });

  test('answers Delete with SUCCESS at once, without calling OpenObserve', async () => {
    await handler(sampleEvent('delete', { OpenObserveUrl: 'not a url' }), context());

    expect(onlyAnswer()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'endpoint-check-openobserve.example.com' });
    expect(openobserve.requests).toEqual([]);
  });

  test.each<[string, Misbehaviour, RegExp]>([
    ['401 plain text', { kind: 'status', status: 401, body: 'Unauthorized Access' }, /rejected the access key \(401/],
    ['404', { kind: 'status', status: 404, body: 'Not Found' }, /does not exist \(404\)/],
    ['415', { kind: 'status', status: 415, body: 'Content type error' }, /\(415\)/],
    ['a non-JSON 200', { kind: 'non-json' }, /not with JSON/],
    ['a wrong request id', { kind: 'wrong-request-id' }, /does not echo the requestId/],
    ['a hang', { kind: 'hang' }, /did not answer an empty Firehose batch within 1 s/],
    ['a closed connection', { kind: 'close' }, /closed the connection without answering/],
  ])('answers FAILED with the reason when the Firehose path gives %s', async (_name, misbehaviour, reason) => {
    openobserve.misbehave('firehose', misbehaviour);

    await handler(sampleEvent('create'), context());

    expect(onlyAnswer()).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(reason), PhysicalResourceId: expect.stringMatching(/^endpoint-check-failed-/) });
  });

  test('answers FAILED for a missing organization', async () => {
    await handler(sampleEvent('create', { Organization: 'nope' }), context());

    expect(onlyAnswer()).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining("Organization 'nope' does not exist") });
  });

  test('answers FAILED from its timer before the Lambda deadline when OpenObserve hangs', async () => {
    openobserve.misbehave('config', { kind: 'hang' });

    await handler(sampleEvent('create'), context(1600));

    expect(onlyAnswer()).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining("before the function's deadline") });
  });

  test('never puts the key or its secret in a response or a log line', async () => {
    openobserve.misbehave('firehose', { kind: 'status', status: 500, body: `key=${KEY} secret=${SECRET}` });
    await handler(sampleEvent('create'), context());
    openobserve.reset();
    await handler(sampleEvent('create', { AccessKey: Buffer.from(SECRET).toString('base64') }), context());

    const captured = responseUrl.received.map((r) => r.raw.toString()).join('\n') + logLines.join('\n');
    expect(responseUrl.received).toHaveLength(2);
    expect(captured).not.toContain(KEY);
    expect(captured).not.toContain(SECRET);
    expect(captured).not.toContain(Buffer.from(SECRET).toString('base64'));
  });

  describe('with the stack status (DescribeStacks mocked)', () => {
    const cloudFormation = mockClient(CloudFormationClient);
    const stackIn = (status: string) =>
      cloudFormation.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'cognito-auth-stream', StackStatus: status as StackStatus, CreationTime: new Date(0) }] });
    const withStatus = () =>
      endpointCheckHandler({
        log: createLogger({ level: 'DEBUG', write: (line) => void logLines.push(line) }),
        allowLocal: true,
        safetyMarginMs: 1000,
        response: { sleep: () => Promise.resolve() },
        stackStatus: describeStackRollback(new CloudFormationClient({ region: 'eu-west-1' })),
        deps: { lookup: async () => ['127.0.0.1'], ca: pki.ca, now: Date.now, randomUUID: () => 'probe-id', timeouts: { httpMs: 1000, tlsMs: 1000 } },
      });
    const revokedKey = () => sampleEvent('update', { AccessKey: accessKeyFor({ user: USER.user, secret: 'revoked-passcode' }) });
    beforeEach(() => cloudFormation.reset());
    afterAll(() => cloudFormation.restore());

    test('an Update during UPDATE_ROLLBACK_IN_PROGRESS answers SUCCESS with its Data, without calling OpenObserve, even for a revoked key', async () => {
      stackIn('UPDATE_ROLLBACK_IN_PROGRESS');

      await withStatus()(revokedKey(), context());

      expect(onlyAnswer()).toMatchObject({
        Status: 'SUCCESS',
        PhysicalResourceId: (revokedKey() as CloudFormationCustomResourceUpdateEvent).PhysicalResourceId,
        Reason: expect.stringContaining('rolling back'),
        Data: { OpenObserveVersion: 'unknown', StreamName: 'cognito_auth', Warnings: expect.stringContaining('rolling back'), TrailName: 'cognito-auth-stream-cognito' },
      });
      expect(openobserve.requests).toEqual([]);
      expect(cloudFormation).toHaveReceivedCommandWith(DescribeStacksCommand, { StackName: revokedKey().StackId });
    });

    test('the same Update outside a rollback checks the key and fails', async () => {
      stackIn('UPDATE_IN_PROGRESS');

      await withStatus()(revokedKey(), context());

      expect(onlyAnswer()).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('Endpoint check failed') });
    });
  });

  test('a Create with CreateTrail true fails in seconds when the region already has 5 trails (DescribeTrails mocked)', async () => {
    // Prepare
    const cloudTrail = mockClient(CloudTrailClient);
    const trails = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ Name: `trail-${name}`, HomeRegion: 'eu-west-1', TrailARN: `arn:aws:cloudtrail:eu-west-1:111122223333:trail/trail-${name}` }));
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: trails });
    const withTrails = endpointCheckHandler({
      log: createLogger({ level: 'DEBUG', write: (line) => void logLines.push(line) }),
      allowLocal: true,
      safetyMarginMs: 1000,
      response: { sleep: () => Promise.resolve() },
      deps: {
        lookup: async () => ['127.0.0.1'],
        ca: pki.ca,
        cloudTrail: new CloudTrailClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }),
        region: 'eu-west-1',
        now: Date.now,
        randomUUID: () => 'probe-id',
        timeouts: { httpMs: 1000, tlsMs: 1000 },
      },
    });

    // Act
    await withTrails(sampleEvent('create', { RequireTrail: 'false', CreateTrail: 'true' }), context());
    cloudTrail.restore();

    // Assess
    expect(onlyAnswer()).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringMatching(/eu-west-1 already has 5 trails.*CreateTrail=false/),
    });
  });
});
