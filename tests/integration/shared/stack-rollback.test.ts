import { CloudFormationClient, CreateStackCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { customResourceHandler } from '../../../functions/shared/custom-resource';
import { createLogger } from '../../../functions/shared/logger';
import { describeStackRollback } from '../../../functions/shared/stack-rollback';
import { describeWithTool } from '../../helpers/external-tools';
import { customResourceEvent } from '../../helpers/factories';
import { type MotoServer, startMotoServer } from '../../helpers/moto-server';
import { type ResponseUrlServer, startResponseUrlServer } from '../../helpers/response-url';

/**
 * The rollback probe against moto_server's CloudFormation API: DescribeStacks by the request's StackId (an
 * ARN), as the function calls it. moto cannot put a stack into UPDATE_ROLLBACK_IN_PROGRESS, so the rollback
 * answer itself is tested with the SDK mocked (tests/unit/shared, tests/integration/endpoint-check, pack).
 */
const REGION = 'eu-west-1';
const TEMPLATE = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' } } });

describeWithTool('moto_server', 'stack rollback probe against moto_server (CloudFormation)', () => {
  let moto: MotoServer;
  let cloudFormation: CloudFormationClient;
  let responseUrl: ResponseUrlServer;
  let stackId: string;

  beforeAll(async () => {
    [moto, responseUrl] = await Promise.all([startMotoServer(REGION), startResponseUrlServer()]);
    cloudFormation = new CloudFormationClient(moto.clientConfig);
    stackId = (await cloudFormation.send(new CreateStackCommand({ StackName: 'o2-cognito', TemplateBody: TEMPLATE }))).StackId ?? '';
  }, 60_000);
  afterAll(async () => {
    cloudFormation?.destroy();
    await responseUrl?.stop();
    await moto?.stop();
  });

  test('reads the status of a stack by its StackId: no rollback after a create or an update', async () => {
    const probe = describeStackRollback(cloudFormation);
    expect(stackId).toMatch(/^arn:aws:cloudformation:eu-west-1:\d{12}:stack\/o2-cognito\//);

    await expect(probe(stackId, new AbortController().signal)).resolves.toEqual({ kind: 'not-rolling-back', status: 'CREATE_COMPLETE' });
    await cloudFormation.send(new UpdateStackCommand({ StackName: stackId, TemplateBody: JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 5 } } } }) }));
    await expect(probe(stackId, new AbortController().signal)).resolves.toEqual({ kind: 'not-rolling-back', status: 'UPDATE_COMPLETE' });
  });

  test('a stack that does not exist is unknown, by error class only', async () => {
    const missing = stackId.replace('/o2-cognito/', '/no-such-stack/');
    await expect(describeStackRollback(cloudFormation)(missing, new AbortController().signal)).resolves.toEqual({ kind: 'unknown', errorName: 'ValidationError' });
  });

  test('the runner runs an Update of a stack that is not rolling back, and answers once', async () => {
    // Prepare
    const work = jest.fn(async () => ({ status: 'SUCCESS' as const, physicalResourceId: 'ignored', data: { Checked: 'yes' } }));
    const handler = customResourceHandler({
      log: createLogger({ level: 'ERROR', write: () => undefined }),
      onCreateOrUpdate: work,
      rollback: { probe: describeStackRollback(cloudFormation) },
      response: { sleep: () => Promise.resolve() },
    });
    const update = customResourceEvent('Update', { ResponseURL: responseUrl.url, StackId: stackId, RequestId: 'req-moto', PhysicalResourceId: 'check-1' });

    // Act
    await handler(update, { getRemainingTimeInMillis: () => 30_000 });

    // Assess
    expect(work).toHaveBeenCalledTimes(1);
    expect(responseUrl.received.map((r) => r.body)).toEqual([expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'check-1', Data: { Checked: 'yes' } })]);
  });
});
