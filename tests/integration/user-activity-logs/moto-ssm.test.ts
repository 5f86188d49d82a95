/**
 * Where a pool exported before the stack took it over, kept in SSM Parameter Store: against moto_server's
 * real SSM API (PutParameter without Overwrite refusing an existing name, GetParameter and DeleteParameter
 * on a missing one), which the unit tests' mock is written to match. moto's Cognito has no log delivery
 * calls (GetLogDeliveryConfiguration, SetLogDeliveryConfiguration), so those stay mocked.
 */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { parameterName, previousExports } from '../../../functions/user-activity-logs/previous-export';
import { describeWithTool } from '../../helpers/external-tools';
import { S3_ENTRY, STACK_ID } from '../../helpers/cognito-log-delivery-mock';
import { type MotoServer, startMotoServer } from '../../helpers/moto-server';

const signal = new AbortController().signal;

describeWithTool('moto_server', 'former destinations in SSM Parameter Store (moto_server)', () => {
  let moto: MotoServer;
  let ssm: SSMClient;

  beforeAll(async () => {
    moto = await startMotoServer('eu-west-1');
    ssm = new SSMClient(moto.clientConfig);
  }, 60_000);
  afterAll(async () => {
    ssm?.destroy();
    await moto?.stop();
  });

  test('saves a standard String parameter under the stack path, once, reads it back, and forgets it', async () => {
    const store = previousExports(ssm, STACK_ID, 'o2-cognito');

    await store.save('eu-west-1_Ab12Cd34E', S3_ENTRY, signal);
    await store.save('eu-west-1_Ab12Cd34E', { EventSource: 'userAuthEvents', LogLevel: 'INFO' }, signal);

    const stored = await ssm.send(new GetParameterCommand({ Name: parameterName(STACK_ID, 'eu-west-1_Ab12Cd34E') }));
    expect(stored.Parameter).toMatchObject({ Type: 'String', Value: JSON.stringify(S3_ENTRY) });
    expect(await store.read('eu-west-1_Ab12Cd34E', signal)).toEqual(S3_ENTRY);
    await store.forget('eu-west-1_Ab12Cd34E', signal);
    expect(await store.read('eu-west-1_Ab12Cd34E', signal)).toBeUndefined();
  });

  test('forgetting or reading a pool never saved is no error', async () => {
    const store = previousExports(ssm, STACK_ID, 'o2-cognito');

    await expect(store.forget('eu-west-1_Never000', signal)).resolves.toBeUndefined();
    await expect(store.read('eu-west-1_Never000', signal)).resolves.toBeUndefined();
  });
});
