import {
  type AdvancedEventSelector,
  CloudTrailClient,
  CreateTrailCommand,
  DeleteTrailCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
  StopLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { IDENTITY_POOL_DATA_SELECTOR } from '../../../functions/endpoint-check/event-selectors';
import { runChecks } from '../../../functions/endpoint-check/run-checks';
import type { CheckDeps, CheckInput, CheckResult } from '../../../functions/endpoint-check/types';
import { describeWithTool } from '../../helpers/external-tools';
import { accessKeyFor, type FakeOpenObserve, startFakeOpenObserve } from '../../helpers/fake-openobserve';
import { type MotoServer, startMotoServer } from '../../helpers/moto-server';
import { createTestTls, type TestTls } from '../../helpers/tls';

/**
 * The trail check (CloudTrail) and the secret-held key (Secrets Manager) against moto_server's real APIs,
 * with the endpoint checks against a loopback HTTPS OpenObserve.
 */
const SECRET = 'Mm3-MOTO-DISTINCTIVE-SECRET';
const USER = { user: 'ingest@example.com', secret: SECRET };
const KEY = accessKeyFor(USER);
const REGION = 'eu-west-1';
/** moto's default account id, which owns every trail created here. */
const ACCOUNT = '123456789012';

describeWithTool('moto_server', 'endpoint check against moto_server (CloudTrail, Secrets Manager)', () => {
  let moto: MotoServer;
  let pki: TestTls;
  let openobserve: FakeOpenObserve;
  let cloudTrail: CloudTrailClient;
  let secretsManager: SecretsManagerClient;

  beforeAll(async () => {
    [moto, pki] = await Promise.all([startMotoServer(REGION), createTestTls()]);
    openobserve = await startFakeOpenObserve({ tls: { key: pki.key, cert: pki.cert }, users: [USER] });
    cloudTrail = new CloudTrailClient(moto.clientConfig);
    secretsManager = new SecretsManagerClient(moto.clientConfig);
    const s3 = new S3Client(moto.clientConfig);
    await s3.send(new CreateBucketCommand({ Bucket: 'trail-logs', CreateBucketConfiguration: { LocationConstraint: REGION } }));
    s3.destroy();
  }, 60_000);
  afterAll(async () => {
    cloudTrail?.destroy();
    secretsManager?.destroy();
    await openobserve?.stop();
    await pki?.cleanup();
    await moto?.stop();
  });

  const input = (over: Partial<CheckInput> = {}): CheckInput => ({
    url: openobserve.url,
    organization: 'default',
    stream: 'cognito_events',
    accessKey: { source: 'value', value: KEY },
    gzip: true,
    requireTrail: true,
    identityPoolDataEvents: false,
    allowLocal: true,
    ...over,
  });
  const deps = (): CheckDeps => ({ lookup: async () => ['127.0.0.1'], ca: pki.ca, cloudTrail, secretsManager, region: REGION, now: Date.now, randomUUID: () => 'probe' });
  const check = async (id: string, over: Partial<CheckInput> = {}): Promise<CheckResult | undefined> =>
    (await runChecks(input(over), deps())).checks.find((c) => c.id === id);

  describe('the trail check', () => {
    afterEach(async () => {
      await cloudTrail.send(new DeleteTrailCommand({ Name: 'main' })).catch(() => undefined);
    });
    const createTrail = () => cloudTrail.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'trail-logs', IsMultiRegionTrail: true }));

    test('fails when the account has no trail, saying to deploy with CreateTrail=true', async () => {
      expect(await check('trail')).toMatchObject({ status: 'failed', message: expect.stringContaining('CreateTrail=true') });
    });

    test('fails a trail that exists but is not logging', async () => {
      await createTrail();

      expect(await check('trail')).toMatchObject({ status: 'failed', message: expect.stringContaining("Trail 'main' covers eu-west-1 but is not logging") });
    });

    test('passes once the trail logs management events, and fails again when logging stops', async () => {
      await createTrail();
      await cloudTrail.send(new StartLoggingCommand({ Name: 'main' }));

      const logging = await check('trail');
      await cloudTrail.send(new StopLoggingCommand({ Name: 'main' }));
      const stopped = await check('trail');

      expect(logging).toMatchObject({ status: 'passed', message: expect.stringContaining("Trail 'main' is logging management events in eu-west-1") });
      expect(stopped?.status).toBe('failed');
    });

    test('fails a logging trail whose event selectors leave out management write events', async () => {
      await createTrail();
      await cloudTrail.send(new StartLoggingCommand({ Name: 'main' }));
      await cloudTrail.send(new PutEventSelectorsCommand({ TrailName: 'main', EventSelectors: [{ ReadWriteType: 'ReadOnly', IncludeManagementEvents: true }] }));

      expect(await check('trail')).toMatchObject({ status: 'failed', message: expect.stringContaining('does not record Cognito management write events') });
    });

    test('passes a logging trail with advanced selectors for management events', async () => {
      await createTrail();
      await cloudTrail.send(new StartLoggingCommand({ Name: 'main' }));
      await cloudTrail.send(
        new PutEventSelectorsCommand({ TrailName: 'main', AdvancedEventSelectors: [{ Name: 'mgmt', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }] }),
      );

      expect((await check('trail'))?.status).toBe('passed');
    });
  });

  describe('identity-pool data events on an existing trail (GetEventSelectors)', () => {
    afterEach(async () => {
      await cloudTrail.send(new DeleteTrailCommand({ Name: 'main' })).catch(() => undefined);
    });
    const loggingTrail = async () => {
      await cloudTrail.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'trail-logs', IsMultiRegionTrail: true }));
      await cloudTrail.send(new StartLoggingCommand({ Name: 'main' }));
    };
    const fixSelectors = (message: string): AdvancedEventSelector[] =>
      JSON.parse(/--advanced-event-selectors '([^']+)'/.exec(message)?.[1] ?? '[]') as AdvancedEventSelector[];

    test('warns about a trail with basic selectors, and its exact fix makes the check pass while the trail check still passes', async () => {
      // Prepare: a trail as most accounts have it (basic selector, all management events).
      await loggingTrail();
      await cloudTrail.send(new PutEventSelectorsCommand({ TrailName: 'main', EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] }));

      // Act
      const before = await check('data-events', { identityPoolDataEvents: true });
      await cloudTrail.send(new PutEventSelectorsCommand({ TrailName: 'main', AdvancedEventSelectors: fixSelectors(before?.message ?? '') }));
      const after = await runChecks(input({ identityPoolDataEvents: true }), deps());

      // Assess
      expect(before).toMatchObject({ status: 'warned', message: expect.stringContaining("aws cloudtrail put-event-selectors --region eu-west-1 --trail-name 'main'") });
      expect(Object.fromEntries(after.checks.map((c) => [c.id, c.status]))).toMatchObject({ trail: 'passed', 'data-events': 'passed' });
    });

    test('passes a trail whose advanced selectors already select AWS::Cognito::IdentityPool', async () => {
      await loggingTrail();
      await cloudTrail.send(new PutEventSelectorsCommand({ TrailName: 'main', AdvancedEventSelectors: [{ Name: 'mgmt', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }, IDENTITY_POOL_DATA_SELECTOR] }));

      expect(await check('data-events', { identityPoolDataEvents: true })).toMatchObject({ status: 'passed', message: expect.stringContaining("Trail 'main'") });
    });

    test('is skipped when identity-pool events are not forwarded', async () => {
      expect(await check('data-events', { identityPoolDataEvents: false })).toMatchObject({ status: 'skipped' });
    });
  });

  describe('room for the trail the stack creates (CreateTrail true)', () => {
    const names = ['trail-one', 'trail-two', 'trail-three', 'trail-four', 'trail-five'];
    afterEach(async () => {
      for (const name of [...names, 'o2-cognito-cognito']) await cloudTrail.send(new DeleteTrailCommand({ Name: name })).catch(() => undefined);
    });
    const create = (over: Partial<CheckInput> = {}) => check('trail-quota', { requireTrail: false, createTrail: { name: 'o2-cognito-cognito', account: ACCOUNT, createdBefore: false }, ...over });

    test('passes with 4 trails in the region and fails in seconds with 5 (moto does not enforce the quota; CloudTrail does)', async () => {
      for (const name of names.slice(0, 4)) await cloudTrail.send(new CreateTrailCommand({ Name: name, S3BucketName: 'trail-logs' }));
      const four = await create();
      await cloudTrail.send(new CreateTrailCommand({ Name: names[4], S3BucketName: 'trail-logs', IsMultiRegionTrail: true }));
      const five = await create();

      expect(four).toMatchObject({ status: 'passed', message: expect.stringContaining('4 of 5') });
      expect(five).toMatchObject({ status: 'failed', message: expect.stringContaining('already has 5 trails') });
    });

    test('fails when a trail already has the name, unless the stack created it', async () => {
      await cloudTrail.send(new CreateTrailCommand({ Name: 'o2-cognito-cognito', S3BucketName: 'trail-logs' }));

      expect((await create())?.status).toBe('failed');
      expect((await create({ createTrail: { name: 'o2-cognito-cognito', account: ACCOUNT, createdBefore: true } }))?.status).toBe('passed');
    });
  });

  describe('the key from Secrets Manager', () => {
    const createSecret = async (name: string, value: string): Promise<string> =>
      (await secretsManager.send(new CreateSecretCommand({ Name: name, SecretString: value }))).ARN ?? '';

    test('reads api_key from the secret and passes the endpoint checks with it, never showing it', async () => {
      const arn = await createSecret('o2-key-good', JSON.stringify({ api_key: KEY }));

      const report = await runChecks(input({ accessKey: { source: 'secret', arn }, requireTrail: false }), deps());

      expect(Object.fromEntries(report.checks.map((c) => [c.id, c.status]))).toMatchObject({ 'access-key': 'passed', organization: 'passed', firehose: 'passed' });
      expect(openobserve.requests.at(-1)?.headers['x-amz-firehose-access-key']).toBe(KEY);
      expect(JSON.stringify(report)).not.toContain(SECRET);
      expect(JSON.stringify(report)).not.toContain(KEY);
    });

    test('fails a secret without api_key, naming the expected JSON but not the content', async () => {
      const arn = await createSecret('o2-key-plain', KEY);

      const result = await check('access-key', { accessKey: { source: 'secret', arn }, requireTrail: false });

      expect(result).toMatchObject({ status: 'failed', message: expect.stringContaining('is not JSON with a string "api_key" field') });
      expect(result?.message).not.toContain(KEY);
    });

    test('fails a secret that does not exist', async () => {
      const arn = `arn:aws:secretsmanager:${REGION}:123456789012:secret:missing-AbCdEf`;

      expect(await check('access-key', { accessKey: { source: 'secret', arn }, requireTrail: false })).toMatchObject({
        status: 'failed',
        message: expect.stringContaining('does not exist'),
      });
    });
  });
});
