import {
  CloudTrailClient,
  CreateTrailCommand,
  DeleteTrailCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
  StopLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
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
