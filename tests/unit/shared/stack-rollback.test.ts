import { CloudFormationClient, DescribeStacksCommand, StackStatus } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { describeStackRollback, ROLLBACK_STATUSES } from '../../../functions/shared/stack-rollback';

const STACK_ID = 'arn:aws:cloudformation:eu-west-1:111122223333:stack/o2-cognito/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e';
const cloudFormation = mockClient(CloudFormationClient);
beforeEach(() => cloudFormation.reset());

const answering = (status: string) =>
  cloudFormation.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'o2-cognito', StackId: STACK_ID, StackStatus: status as StackStatus, CreationTime: new Date(0) }] });

describe('describeStackRollback', () => {
  test('asks DescribeStacks about the request\'s own stack, by its ARN', async () => {
    answering('UPDATE_IN_PROGRESS');

    await describeStackRollback(new CloudFormationClient({ region: 'eu-west-1' }))(STACK_ID, new AbortController().signal);

    expect(cloudFormation).toHaveReceivedCommandWith(DescribeStacksCommand, { StackName: STACK_ID });
  });

  test.each(ROLLBACK_STATUSES)('reports %s as a rollback', async (status) => {
    answering(status);
    await expect(describeStackRollback(new CloudFormationClient({ region: 'eu-west-1' }))(STACK_ID, new AbortController().signal)).resolves.toEqual({ kind: 'rolling-back', status });
  });

  test.each(['UPDATE_IN_PROGRESS', 'CREATE_IN_PROGRESS', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'ROLLBACK_IN_PROGRESS'])('reports %s as no rollback of an Update', async (status) => {
    answering(status);
    await expect(describeStackRollback(new CloudFormationClient({ region: 'eu-west-1' }))(STACK_ID, new AbortController().signal)).resolves.toEqual({ kind: 'not-rolling-back', status });
  });

  test('only uses statuses CloudFormation has', () => {
    expect(ROLLBACK_STATUSES.filter((status) => !(Object.values(StackStatus) as string[]).includes(status))).toEqual([]);
  });

  test('reports an error by its class only', async () => {
    cloudFormation.on(DescribeStacksCommand).rejects(Object.assign(new Error('User: arn:aws:sts::111122223333:assumed-role/x is not authorized'), { name: 'AccessDenied' }));
    await expect(describeStackRollback(new CloudFormationClient({ region: 'eu-west-1' }))(STACK_ID, new AbortController().signal)).resolves.toEqual({ kind: 'unknown', errorName: 'AccessDenied' });
  });
});
