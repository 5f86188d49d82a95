/**
 * The UserActivityLogExport custom resource end to end: the Lambda handler as index.ts builds it (the shared
 * runner, the rollback probe), Cognito, SSM and CloudFormation mocked with aws-sdk-client-mock, and the
 * CloudFormation answer captured by a loopback server standing in for the pre-signed ResponseURL.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { MAX_CFN_RESPONSE_BYTES } from '../../../functions/shared/cfn-response';
import { handler } from '../../../functions/user-activity-logs/index';
import { MAX_POOLS } from '../../../functions/user-activity-logs/constants';
import {
  NOTIFICATION_ENTRY,
  S3_ENTRY,
  STACK_ID,
  STREAM_ARN,
  mockCognito,
  mockSsm,
  plusPool,
  streamEntryOf,
  type PoolState,
} from '../../helpers/cognito-log-delivery-mock';
import { type ResponseUrlServer, startResponseUrlServer } from '../../helpers/response-url';
import { type CustomResourceEventFields, customResourceEvent } from '../../helpers/factories';

const POOL = 'eu-west-1_Ab12Cd34E';
const PHYSICAL_ID = 'o2-cognito-user-activity-logs:0b1c2d3e-4f50-11f0-9a8b-0a1b2c3d4e5f';

let responseUrl: ResponseUrlServer;
let pools: Map<string, PoolState>;
let parameters: Map<string, string>;
let cognito: ReturnType<typeof mockCognito>;
let ssm: ReturnType<typeof mockSsm>;
const cloudFormation = mockClient(CloudFormationClient);
let logs: string[];

beforeAll(async () => {
  responseUrl = await startResponseUrlServer();
});
afterAll(async () => {
  await responseUrl.stop();
});

beforeEach(() => {
  pools = new Map();
  parameters = new Map();
  cognito = mockCognito(pools);
  ssm = mockSsm(parameters);
  cloudFormation.reset();
  cloudFormation.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'o2-cognito', StackStatus: 'UPDATE_IN_PROGRESS', CreationTime: new Date() }] });
  responseUrl.received.length = 0;
  logs = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logs.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  cognito.restore();
  ssm.restore();
});

function event(type: 'Create' | 'Update' | 'Delete', poolIds: readonly string[], extra: CustomResourceEventFields = {}): CloudFormationCustomResourceEvent {
  return customResourceEvent(type, {
    ResponseURL: responseUrl.url,
    StackId: STACK_ID,
    RequestId: `req-${type}`,
    LogicalResourceId: 'UserActivityLogExport',
    PhysicalResourceId: PHYSICAL_ID,
    ResourceProperties: { ServiceTimeout: '240', UserPoolIds: [...poolIds], StreamArn: STREAM_ARN },
    ...extra,
  });
}

const context = { getRemainingTimeInMillis: () => 170_000 };

async function answer(request: CloudFormationCustomResourceEvent): Promise<Record<string, unknown>> {
  await handler(request, context);
  const last = responseUrl.received.at(-1);
  if (last === undefined) throw new Error('no answer was PUT to the ResponseURL');
  expect(last.raw.length).toBeLessThanOrEqual(MAX_CFN_RESPONSE_BYTES);
  return last.body;
}

describe('UserActivityLogExport custom resource', () => {
  test('Create points the pool at the stream and answers SUCCESS with its stable id; Delete gives it back', async () => {
    pools.set(POOL, plusPool(NOTIFICATION_ENTRY, S3_ENTRY));

    expect(await answer(event('Create', [POOL]))).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: PHYSICAL_ID,
      Data: { Pools: POOL, Summary: `${POOL} exports to the stream instead of S3 bucket arn:aws:s3:::security-archive-111122223333` },
    });
    expect(pools.get(POOL)?.configurations).toEqual([NOTIFICATION_ENTRY, streamEntryOf()]);

    expect(await answer(event('Delete', [POOL]))).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: PHYSICAL_ID });
    expect(pools.get(POOL)?.configurations).toEqual([NOTIFICATION_ENTRY, S3_ENTRY]);
  });

  test('a pool without the Plus plan answers FAILED with the reason; the Delete after the failed Create answers SUCCESS', async () => {
    pools.set(POOL, { tier: 'ESSENTIALS', configurations: [] });

    const failed = await answer(event('Create', [POOL]));
    const deleted = await answer(event('Delete', [POOL], { PhysicalResourceId: String(failed.PhysicalResourceId) }));

    expect(failed).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining(`User pool ${POOL} is on the ESSENTIALS feature plan`) });
    expect(deleted).toMatchObject({ Status: 'SUCCESS' });
    expect(pools.get(POOL)?.configurations).toEqual([]);
  });

  test(`every one of ${MAX_POOLS} failing pools is named, and the answer still fits CloudFormation's 4,096 bytes`, async () => {
    const ids = Array.from({ length: MAX_POOLS }, (_, i) => `eu-west-1_NotPlus${String(i).padStart(2, '0')}`);
    for (const id of ids) pools.set(id, { tier: 'ESSENTIALS', configurations: [] });

    const failed = await answer(event('Create', ids));

    expect(failed.Status).toBe('FAILED');
    expect(String(failed.Reason)).toContain('eu-west-1_NotPlus00 is on the ESSENTIALS feature plan');
  });

  test("an Update in a stack's rollback is run, and answers SUCCESS even where it cannot put a pool back", async () => {
    cloudFormation.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'o2-cognito', StackStatus: 'UPDATE_ROLLBACK_IN_PROGRESS', CreationTime: new Date() }] });
    pools.set(POOL, plusPool());
    const old = event('Create', []).ResourceProperties;

    const body = await answer(event('Update', [POOL, 'eu-west-1_Gone0001'], { OldResourceProperties: { ...old, UserPoolIds: [] } }));

    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: PHYSICAL_ID, Reason: expect.stringContaining('The rollback could not put everything back') });
    expect(pools.get(POOL)?.configurations).toEqual([streamEntryOf()]);
  });

  test('logs the request ids and what it did, never an event', async () => {
    pools.set(POOL, plusPool());

    await answer(event('Create', [POOL]));

    const lines = logs.join('');
    expect(lines).toContain('"message":"user activity log export"');
    expect(lines).not.toContain(responseUrl.url);
  });
});
