/**
 * The SecurityPack custom resource end to end: the Lambda handler, Secrets Manager mocked, OpenObserve as the
 * loopback fake, and the CloudFormation answer captured by a loopback HTTP server standing in for the
 * pre-signed ResponseURL.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../functions/pack-install/index';
import { readCredentials } from '../../../functions/pack-install/pack-credentials';
import { PHYSICAL_ID_PREFIX, packResource, packRollbackOutcome } from '../../../functions/pack-install/pack-resource';
import { customResourceHandler, type RollbackHandling } from '../../../functions/shared/custom-resource';
import { describeStackRollback } from '../../../functions/shared/stack-rollback';
import { createLogger } from '../../../functions/shared/logger';
import { PACK_CONTENT } from '../../../functions/shared/pack/content';
import { ManagementApi } from '../../../functions/shared/pack/management-api';
import { createManagementClient } from '../../../functions/shared/pack/management-client';
import { FakeOpenObserveManagement, startFakeOpenObserve } from '../../helpers/fake-openobserve-management';
import { type CustomResourceEventFields, customResourceEvent } from '../../helpers/factories';

/** Stream, two folders, template, destination, dashboard, and the alerts. */
const PACK_OBJECTS = 6 + PACK_CONTENT.alerts.length;

const TOKEN = 'sa-token-DISTINCTIVE-5c9e';
const PASSCODE = 'firehose-PASSCODE-1f0b';
const WEBHOOK_SECRET = 'HOOK-SECRET-a81c';
const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:o2-pack-AbCdEf';
const sm = mockClient(SecretsManagerClient);

let fake: FakeOpenObserveManagement;
let responder: http.Server;
let responseUrl: string;
const answers: Record<string, unknown>[] = [];
let logs: string[] = [];

beforeAll(async () => {
  responder = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      answers.push(JSON.parse(body) as Record<string, unknown>);
      res.end();
    });
  });
  await new Promise<void>((resolve) => responder.listen(0, '127.0.0.1', resolve));
  responseUrl = `http://127.0.0.1:${(responder.address() as AddressInfo).port}/response`;
});
afterAll(() => new Promise<void>((resolve) => responder.close(() => resolve())));

beforeEach(async () => {
  fake = await startFakeOpenObserve({ accounts: [{ username: 'sa@example.com', secret: TOKEN }], passcodes: [PASSCODE] });
  answers.length = 0;
  logs = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logs.push(String(chunk));
    return true;
  });
  sm.reset();
  sm.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: JSON.stringify({ username: 'sa@example.com', token: TOKEN }) });
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fake.stop();
});

function event(requestType: 'Create' | 'Update' | 'Delete', overrides: CustomResourceEventFields = {}, props: Record<string, unknown> = {}): CloudFormationCustomResourceEvent {
  return customResourceEvent(requestType, {
    ResponseURL: responseUrl,
    StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/s/1',
    RequestId: `req-${requestType}`,
    LogicalResourceId: 'SecurityPack',
    PhysicalResourceId: 'o2-cognito-security-pack:default:cognito_events',
    ResourceProperties: {
      OpenObserveUrl: 'https://o2.example.com',
      Organization: 'default',
      StreamName: 'cognito_events',
      CredentialsSecretArn: ARN,
      WebhookUrl: `https://hooks.example.com/services/${WEBHOOK_SECRET}`,
      EnableAlerts: 'true',
      ...props,
    },
    ...overrides,
  });
}

const context = (remainingMs = 120_000) => ({ getRemainingTimeInMillis: () => remainingMs });

function expectNoSecrets(): void {
  const text = JSON.stringify(answers) + logs.join('');
  for (const secret of [TOKEN, PASSCODE, WEBHOOK_SECRET]) expect(text).not.toContain(secret);
}

/**
 * The handler as index.ts builds it, but reaching the plain-HTTP fake whatever OpenObserveUrl says
 * (the properties accept https only, as the template does).
 */
function testHandler(options: { safetyMarginMs?: number; rollback?: RollbackHandling } = {}) {
  const log = createLogger({ level: 'DEBUG', write: (line) => void logs.push(line) });
  const secrets = new SecretsManagerClient({ region: 'eu-west-1' });
  const work = packResource({
    readCredentials: (arn, signal) => readCredentials(secrets, arn, signal),
    log,
    now: Date.now,
    connect: (props, credentials, signal) => new ManagementApi(createManagementClient({ baseUrl: fake.url, credentials, signal }), props.organization),
  });
  return customResourceHandler({ ...work, log, physicalResourceIdPrefix: PHYSICAL_ID_PREFIX, response: { firstBackoffMs: 1 }, ...options });
}

describe('SecurityPack custom resource', () => {
  test('Create installs the pack and answers SUCCESS with a stable id and a summary', async () => {
    await testHandler()(event('Create'), context());

    expect(answers).toEqual([
      expect.objectContaining({
        Status: 'SUCCESS',
        PhysicalResourceId: 'o2-cognito-security-pack:default:cognito_events',
        Data: { Summary: `${PACK_OBJECTS} created`, DashboardId: [...fake.dashboards.keys()][0] },
      }),
    ]);
    expect(fake.alerts.size).toBe(PACK_CONTENT.alerts.length);
    expect(fake.destinations.get('default/o2c_cognito_security_webhook')?.url).toContain(WEBHOOK_SECRET);
    expectNoSecrets();
  });

  test('Update with the same properties changes nothing', async () => {
    await testHandler()(event('Create'), context());
    const writes = fake.writes().length;

    await testHandler()(event('Update', { OldResourceProperties: event('Create').ResourceProperties }), context());

    expect(answers[1]).toMatchObject({ Status: 'SUCCESS', Data: { Summary: `${PACK_OBJECTS} unchanged` } });
    expect(fake.writes()).toHaveLength(writes);
  });

  test("EnableAlerts 'false' installs the alerts disabled", async () => {
    await testHandler()(event('Create', {}, { EnableAlerts: 'false' }), context());

    expect([...fake.alerts.values()].every((a) => a.body.enabled === false)).toBe(true);
  });

  test('Thresholds (PackThresholds) reaches the alerts, and an Update without it restores the defaults', async () => {
    const tuned = { Thresholds: JSON.stringify({ cognito_brute_force_user: { min_failures: 33 } }) };
    const bruteForce = () => JSON.stringify([...fake.alerts.values()].find((a) => a.body.name === 'cognito_brute_force_user')?.body.query_condition);

    await testHandler()(event('Create', {}, tuned), context());
    const created = bruteForce();
    await testHandler()(event('Update', { OldResourceProperties: event('Create', {}, tuned).ResourceProperties }), context());

    expect(answers.map((a) => a.Status)).toEqual(['SUCCESS', 'SUCCESS']);
    expect(created).toContain('>= 33');
    expect(bruteForce()).toContain('>= 10');
  });

  test('Update to another stream installs there and removes the copy on the old stream', async () => {
    await testHandler()(event('Create'), context());

    await testHandler()(event('Update', { OldResourceProperties: event('Create').ResourceProperties }, { StreamName: 'new_events' }), context());

    expect([...fake.dashboards.values()].map((d) => d.body.title)).toEqual(['Cognito Security (new_events)']);
    expect([...fake.alerts.values()].every((a) => a.body.stream_name === 'new_events')).toBe(true);
  });

  test('answers FAILED with the reason when OpenObserve refuses the credentials, naming the Firehose key and no secret', async () => {
    sm.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: JSON.stringify({ username: 'sa@example.com', token: PASSCODE }) });

    await testHandler()(event('Create'), context());

    expect(answers).toEqual([expect.objectContaining({ Status: 'FAILED', Reason: expect.stringContaining('Firehose access key') })]);
    expectNoSecrets();
  });

  test('an Update sent while the stack rolls back answers SUCCESS without reading the secret or touching OpenObserve', async () => {
    // Prepare: credentials OpenObserve would refuse, and DescribeStacks (mocked) saying the stack rolls back.
    await testHandler()(event('Create'), context());
    answers.length = 0;
    sm.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: JSON.stringify({ username: 'sa@example.com', token: PASSCODE }) });
    sm.resetHistory();
    const cloudFormation = mockClient(CloudFormationClient);
    cloudFormation.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 's', StackStatus: 'UPDATE_ROLLBACK_IN_PROGRESS', CreationTime: new Date(0) }] });
    const writes = fake.writes().length;
    const rollback = { probe: describeStackRollback(new CloudFormationClient({ region: 'eu-west-1' })), outcome: packRollbackOutcome };

    // Act
    await testHandler({ rollback })(event('Update', { PhysicalResourceId: 'o2-cognito-security-pack:default:cognito_events', OldResourceProperties: event('Create').ResourceProperties }), context());

    // Assess
    expect(answers).toEqual([
      expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'o2-cognito-security-pack:default:cognito_events', Data: { Summary: 'not reinstalled during a rollback', DashboardId: '' } }),
    ]);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(0);
    expect(fake.writes()).toHaveLength(writes);
    expectNoSecrets();
    cloudFormation.restore();
  });

  test('answers FAILED when the secret cannot be read, with the AWS error name only', async () => {
    sm.on(GetSecretValueCommand).rejects(Object.assign(new Error(`denied ${TOKEN}`), { name: 'AccessDeniedException' }));

    await testHandler()(event('Create'), context());

    expect(answers).toEqual([expect.objectContaining({ Status: 'FAILED', Reason: expect.stringContaining('AccessDeniedException') })]);
    expect(fake.requests).toEqual([]);
    expectNoSecrets();
  });

  test('answers FAILED before the deadline when OpenObserve never answers, instead of hanging', async () => {
    fake.stalled = true;

    await testHandler({ safetyMarginMs: 1_000 })(event('Create'), context(1_500));

    expect(answers).toEqual([expect.objectContaining({ Status: 'FAILED', Reason: expect.stringContaining('deadline') })]);
    expect(fake.requests.map((r) => r.path)).toEqual(['/config']);
  });

  test('Delete removes the pack and answers SUCCESS', async () => {
    await testHandler()(event('Create'), context());

    await testHandler()(event('Delete'), context());

    expect(answers[1]).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'o2-cognito-security-pack:default:cognito_events' });
    expect(fake.dashboards.size).toBe(0);
    expect(fake.alerts.size).toBe(0);
  });

  test('Delete after a Create that failed half-way removes what that Create wrote', async () => {
    await testHandler()(event('Create'), context());
    const failedId = 'o2-cognito-security-pack-failed-req-Create';

    await testHandler()(event('Delete', { PhysicalResourceId: failedId }), context());

    expect(answers[1]).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: failedId });
    expect(fake.dashboards.size).toBe(0);
  });

  test('Delete answers SUCCESS even when OpenObserve refuses the credentials', async () => {
    sm.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: JSON.stringify({ username: 'sa@example.com', token: PASSCODE }) });

    await testHandler()(event('Delete'), context());

    expect(answers).toEqual([expect.objectContaining({ Status: 'SUCCESS' })]);
    expectNoSecrets();
  });
});

describe('pack-install index handler', () => {
  test('refuses bad properties with FAILED, naming each one, before any call', async () => {
    await handler(event('Create', {}, { OpenObserveUrl: 'http://o2.example.com', EnableAlerts: 'maybe' }), context());

    expect(answers).toEqual([expect.objectContaining({ Status: 'FAILED', Reason: expect.stringMatching(/OpenObserveUrl.*EnableAlerts/) })]);
    expect(sm.calls()).toHaveLength(0);
    expectNoSecrets();
  });

  test('refuses a bad Thresholds with FAILED, naming PackThresholds and the problem, before any call', async () => {
    await handler(event('Create', {}, { Thresholds: '{"cognito_brute_force_user": {"min_failures": 0}}' }), context());

    expect(answers).toEqual([expect.objectContaining({ Status: 'FAILED', Reason: expect.stringMatching(/^PackThresholds: .*min_failures/) })]);
    expect(sm.calls()).toHaveLength(0);
    expectNoSecrets();
  });

  test('Delete with unusable properties answers SUCCESS, says the cleanup was skipped, and reads no secret', async () => {
    await handler(event('Delete', { PhysicalResourceId: 'o2-cognito-security-pack-failed-req-Create' }, { CredentialsSecretArn: '' }), context());

    expect(answers).toEqual([
      expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'o2-cognito-security-pack-failed-req-Create', Reason: expect.stringContaining('CredentialsSecretArn') }),
    ]);
    expect(sm.calls()).toHaveLength(0);
  });
});
