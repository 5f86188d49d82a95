/**
 * The UserActivityLogExport custom resource's work, with the Cognito and SSM SDK clients mocked over a
 * state that behaves as the two APIs document (tests/helpers/cognito-log-delivery-mock.ts).
 */
import { CognitoIdentityProviderClient, DescribeUserPoolCommand, type LogConfigurationType, SetLogDeliveryConfigurationCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { CustomResourceContext } from '../../../functions/shared/custom-resource';
import type { CustomResourceRequest } from '../../../functions/shared/custom-resource-request';
import { userActivityLogExport } from '../../../functions/user-activity-logs/export-resource';
import { parameterName } from '../../../functions/user-activity-logs/previous-export';
import type { StackRollbackProbe } from '../../../functions/shared/stack-rollback';
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
import { type CustomResourceEventFields, customResourceRequest } from '../../helpers/factories';

const POOL = 'eu-west-1_Ab12Cd34E';
const OTHER_POOL = 'eu-west-1_Zy98Xw76V';
const NEW_STREAM_ARN = 'arn:aws:firehose:eu-west-1:111122223333:deliverystream/o2-cognito-DeliveryStream-NEW0000000';

let pools: Map<string, PoolState>;
let parameters: Map<string, string>;
let cognito: ReturnType<typeof mockCognito>;
let ssm: ReturnType<typeof mockSsm>;
const log = { info: jest.fn(), warn: jest.fn() };

function setup(state: Record<string, PoolState>): void {
  pools = new Map(Object.entries(state));
  parameters = new Map();
  cognito = mockCognito(pools);
  ssm = mockSsm(parameters);
}

afterEach(() => {
  cognito.restore();
  ssm.restore();
  log.info.mockReset();
  log.warn.mockReset();
});

function resource(probe?: StackRollbackProbe, sleep = jest.fn(async () => undefined)) {
  return userActivityLogExport({ cognito: new CognitoIdentityProviderClient({ region: 'eu-west-1' }), ssm: new SSMClient({ region: 'eu-west-1' }), log, sleep, ...(probe ? { probe } : {}) });
}

function request(type: 'Create' | 'Update' | 'Delete', pools: readonly string[], extra: CustomResourceEventFields = {}, streamArn = STREAM_ARN): CustomResourceRequest {
  return customResourceRequest(type, {
    StackId: STACK_ID,
    RequestId: 'r-1',
    LogicalResourceId: 'UserActivityLogExport',
    PhysicalResourceId: 'o2-cognito-user-activity-logs:0b1c2d3e-4f50-11f0-9a8b-0a1b2c3d4e5f',
    ResourceProperties: { UserPoolIds: [...pools], StreamArn: streamArn },
    ...extra,
  });
}

const ctx = (): CustomResourceContext => ({ signal: new AbortController().signal, deadlineMs: Date.now() + 60_000 });

async function create(ids: readonly string[], probe?: StackRollbackProbe) {
  return resource(probe).onCreateOrUpdate(request('Create', ids), ctx());
}

async function remove(ids: readonly string[]) {
  return resource().onDelete(request('Delete', ids), ctx());
}

describe('UserActivityLogExport: the five cases', () => {
  test('a pool with no log configuration exports to the stream, and exports nothing again after Delete', async () => {
    // Prepare
    setup({ [POOL]: plusPool() });

    // Act
    const created = await create([POOL]);

    // Assess
    expect(created).toMatchObject({ status: 'SUCCESS', physicalResourceId: 'o2-cognito-user-activity-logs:0b1c2d3e-4f50-11f0-9a8b-0a1b2c3d4e5f' });
    expect(pools.get(POOL)?.configurations).toEqual([streamEntryOf()]);
    expect(parameters.size).toBe(0);
    expect(await remove([POOL])).toMatchObject({ status: 'SUCCESS' });
    expect(pools.get(POOL)?.configurations).toEqual([]);
  });

  test('a pool with a userNotification entry keeps it, on Create and on Delete', async () => {
    setup({ [POOL]: plusPool(NOTIFICATION_ENTRY) });

    await create([POOL]);
    const exporting = structuredClone(pools.get(POOL)?.configurations);
    await remove([POOL]);

    expect(exporting).toEqual([NOTIFICATION_ENTRY, streamEntryOf()]);
    expect(pools.get(POOL)?.configurations).toEqual([NOTIFICATION_ENTRY]);
    expect(cognito.commandCalls(SetLogDeliveryConfigurationCommand).every((call) => call.args[0].input.LogConfigurations?.[0]?.EventSource === 'userNotification')).toBe(true);
  });

  test('a pool already exporting elsewhere is taken over, its former destination kept, and given back on Delete', async () => {
    setup({ [POOL]: plusPool(NOTIFICATION_ENTRY, S3_ENTRY) });

    const created = await create([POOL]);

    expect(created).toMatchObject({ status: 'SUCCESS', data: { Summary: `${POOL} exports to the stream instead of S3 bucket arn:aws:s3:::security-archive-111122223333` } });
    expect(pools.get(POOL)?.configurations).toEqual([NOTIFICATION_ENTRY, streamEntryOf()]);
    expect(JSON.parse(parameters.get(parameterName(STACK_ID, POOL)) ?? 'null')).toEqual(S3_ENTRY);

    expect(await remove([POOL])).toMatchObject({ status: 'SUCCESS' });
    expect(pools.get(POOL)?.configurations).toEqual([NOTIFICATION_ENTRY, S3_ENTRY]);
    expect(parameters.size).toBe(0);
  });

  test.each([
    ['on the Essentials plan', { tier: 'ESSENTIALS', mode: 'OFF' }, /User pool eu-west-1_Ab12Cd34E is on the ESSENTIALS feature plan, and only Plus pools export user activity logs/],
    ['on Plus with threat protection off', { tier: 'PLUS', mode: 'OFF' }, /User pool eu-west-1_Ab12Cd34E has threat protection off/],
  ] as const)('a pool %s fails the resource with the reason and the fix, unchanged', async (_name, plan, reason) => {
    setup({ [POOL]: { ...plan, configurations: [NOTIFICATION_ENTRY] } });

    const outcome = await create([POOL]);

    expect(outcome).toEqual({ status: 'FAILED', reason: expect.stringMatching(reason) });
    expect(outcome.status === 'FAILED' && outcome.reason).toContain('Feature plan, then Threat protection');
    expect(outcome.status === 'FAILED' && outcome.reason).toContain('remove it from UserActivityLogPoolIds');
    expect(pools.get(POOL)?.configurations).toEqual([NOTIFICATION_ENTRY]);
    expect(cognito.commandCalls(SetLogDeliveryConfigurationCommand)).toHaveLength(0);
  });

  test("a pool Cognito refuses for its plan fails with AWS's reason and the fix", async () => {
    // DescribeUserPool names no plan (as for a pool of before the feature plans); Set says why.
    setup({ [POOL]: { tier: undefined, mode: 'AUDIT', configurations: [] } });
    pools.get(POOL)!.tier = undefined;
    cognito.on(SetLogDeliveryConfigurationCommand).rejects(Object.assign(new Error('Threat protection log export requires the Plus feature plan.'), { name: 'FeatureUnavailableInTierException' }));

    const outcome = await create([POOL]);

    expect(outcome).toEqual({
      status: 'FAILED',
      reason: expect.stringContaining(`User pool ${POOL} cannot export user activity logs (FeatureUnavailableInTierException: Threat protection log export requires the Plus feature plan.)`),
    });
    expect(outcome.status === 'FAILED' && outcome.reason).toContain('put it on the Plus feature plan with threat protection in audit-only or full-function mode');
  });

  test('Delete when the pool no longer exists succeeds, and forgets what was kept for it', async () => {
    setup({ [POOL]: plusPool(S3_ENTRY) });
    await create([POOL]);
    pools.delete(POOL);

    expect(await remove([POOL])).toEqual({ status: 'SUCCESS', physicalResourceId: 'o2-cognito-user-activity-logs:0b1c2d3e-4f50-11f0-9a8b-0a1b2c3d4e5f' });
    expect(parameters.size).toBe(0);
  });
});

describe('UserActivityLogExport: updates, retries and what is not ours', () => {
  test('names every pool that fails, and still points the others at the stream', async () => {
    setup({ [POOL]: plusPool(), [OTHER_POOL]: { tier: 'ESSENTIALS', configurations: [] } });

    const outcome = await create([OTHER_POOL, POOL, 'eu-west-1_Missing1']);

    expect(outcome.status === 'FAILED' && outcome.reason).toMatch(/eu-west-1_Zy98Xw76V is on the ESSENTIALS feature plan.*User pool eu-west-1_Missing1 was not found \(ResourceNotFoundException: User pool eu-west-1_Missing1 does not exist\.\); check the id/s);
    expect(pools.get(POOL)?.configurations).toEqual([streamEntryOf()]);
  });

  test('an Update gives back the pools that left the list and takes the new ones', async () => {
    setup({ [POOL]: plusPool(S3_ENTRY), [OTHER_POOL]: plusPool() });
    await create([POOL]);

    const outcome = await resource().onCreateOrUpdate(request('Update', [OTHER_POOL], { OldResourceProperties: request('Create', [POOL]).ResourceProperties }), ctx());

    expect(outcome.status).toBe('SUCCESS');
    expect(pools.get(POOL)?.configurations).toEqual([S3_ENTRY]);
    expect(pools.get(OTHER_POOL)?.configurations).toEqual([streamEntryOf()]);
    expect(parameters.size).toBe(0);
  });

  test('a replaced stream: pools are pointed at the new one, and the old one is never taken for a former destination', async () => {
    setup({ [POOL]: plusPool(S3_ENTRY) });
    await create([POOL]);

    const updated = request('Update', [POOL], { OldResourceProperties: request('Create', [POOL]).ResourceProperties }, NEW_STREAM_ARN);
    await resource().onCreateOrUpdate(updated, ctx());

    expect(pools.get(POOL)?.configurations).toEqual([streamEntryOf(NEW_STREAM_ARN)]);
    expect(JSON.parse(parameters.get(parameterName(STACK_ID, POOL)) ?? 'null')).toEqual(S3_ENTRY);
    await resource().onDelete(request('Delete', [POOL], {}, NEW_STREAM_ARN), ctx());
    expect(pools.get(POOL)?.configurations).toEqual([S3_ENTRY]);
  });

  test('a Create retried after it took a pool over keeps the first former destination', async () => {
    setup({ [POOL]: plusPool(S3_ENTRY) });
    await create([POOL]);

    expect(await create([POOL])).toMatchObject({ status: 'SUCCESS', data: { Summary: `${POOL} already exports to the stream` } });
    expect(JSON.parse(parameters.get(parameterName(STACK_ID, POOL)) ?? 'null')).toEqual(S3_ENTRY);
  });

  test('Delete leaves a pool alone that someone pointed elsewhere since, and forgets what was kept', async () => {
    setup({ [POOL]: plusPool(S3_ENTRY) });
    await create([POOL]);
    const theirs: LogConfigurationType = { EventSource: 'userAuthEvents', LogLevel: 'INFO', CloudWatchLogsConfiguration: { LogGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:theirs' } };
    pools.get(POOL)!.configurations = [theirs];

    expect(await remove([POOL])).toMatchObject({ status: 'SUCCESS' });
    expect(pools.get(POOL)?.configurations).toEqual([theirs]);
    expect(parameters.size).toBe(0);
  });

  test('a former destination that cannot be set again: the stream stops receiving, and the reason holds the command that restores it', async () => {
    setup({ [POOL]: plusPool(NOTIFICATION_ENTRY, S3_ENTRY) });
    await create([POOL]);
    cognito
      .on(SetLogDeliveryConfigurationCommand, { UserPoolId: POOL, LogConfigurations: [NOTIFICATION_ENTRY, S3_ENTRY] })
      .rejects(Object.assign(new Error('Not authorized to perform s3:GetBucketPolicy'), { name: 'AccessDeniedException' }));

    const outcome = await remove([POOL]);

    expect(pools.get(POOL)?.configurations).toEqual([NOTIFICATION_ENTRY]);
    expect(outcome.status === 'FAILED' && outcome.reason).toContain(`it is kept in ${parameterName(STACK_ID, POOL)}`);
    expect(outcome.status === 'FAILED' && outcome.reason).toContain(
      `aws cognito-idp set-log-delivery-configuration --user-pool-id ${POOL} --log-configurations '${JSON.stringify([NOTIFICATION_ENTRY, S3_ENTRY])}'`,
    );
    expect(parameters.has(parameterName(STACK_ID, POOL))).toBe(true);
  });

  test('waits for a refused first call to be allowed (a policy not yet in force)', async () => {
    setup({ [POOL]: plusPool() });
    const denied = Object.assign(new Error('not authorized to perform: cognito-idp:DescribeUserPool'), { name: 'AccessDeniedException' });
    cognito.on(DescribeUserPoolCommand).rejectsOnce(denied).rejectsOnce(denied).callsFake(() => ({ UserPool: { UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } } }));
    const sleep = jest.fn(async () => undefined);

    const outcome = await resource(undefined, sleep).onCreateOrUpdate(request('Create', [POOL]), ctx());

    expect(outcome.status).toBe('SUCCESS');
    expect(sleep.mock.calls).toEqual([[2000], [4000]]);
  });

  test('during a rollback, what cannot be put back is named in a SUCCESS, so that the rollback completes', async () => {
    setup({ [POOL]: plusPool(), [OTHER_POOL]: { tier: 'ESSENTIALS', configurations: [] } });
    const rollingBack: StackRollbackProbe = async () => ({ kind: 'rolling-back', status: 'UPDATE_ROLLBACK_IN_PROGRESS' });
    const event = request('Update', [POOL, OTHER_POOL], { OldResourceProperties: request('Create', [POOL]).ResourceProperties });

    const outcome = await resource(rollingBack).onCreateOrUpdate(event, ctx());

    expect(outcome).toMatchObject({ status: 'SUCCESS', reason: expect.stringContaining('The rollback could not put everything back: User pool eu-west-1_Zy98Xw76V is on the ESSENTIALS') });
    expect(pools.get(POOL)?.configurations).toEqual([streamEntryOf()]);
  });

  test('properties it cannot use fail a Create, and a Delete of them changes nothing', async () => {
    setup({ [POOL]: plusPool(S3_ENTRY) });

    const created = await resource().onCreateOrUpdate(request('Create', ['us-east-1_Ab12Cd34E', 'not a pool']), ctx());
    const removed = await resource().onDelete(request('Delete', ['not a pool']), ctx());

    expect(created).toEqual({
      status: 'FAILED',
      reason: expect.stringContaining("UserActivityLogPoolIds holds a value that is not a user pool id such as eu-west-1_Ab12Cd34E; UserActivityLogPoolIds names us-east-1_Ab12Cd34E, outside eu-west-1"),
    });
    expect(removed.status).toBe('SUCCESS');
    expect(pools.get(POOL)?.configurations).toEqual([S3_ENTRY]);
  });
});
