import { SSMClient } from '@aws-sdk/client-ssm';
import { parameterName, previousExports, stackUuid } from '../../../functions/user-activity-logs/previous-export';
import { S3_ENTRY, STACK_ID, mockSsm } from '../../helpers/cognito-log-delivery-mock';

const signal = new AbortController().signal;

describe('previousExports', () => {
  let parameters: Map<string, string>;
  let ssm: ReturnType<typeof mockSsm>;
  beforeEach(() => {
    parameters = new Map();
    ssm = mockSsm(parameters);
  });
  afterEach(() => ssm.restore());

  test('names one parameter per pool under the stack UUID', () => {
    expect(stackUuid(STACK_ID)).toBe('0b1c2d3e-4f50-11f0-9a8b-0a1b2c3d4e5f');
    expect(parameterName(STACK_ID, 'eu-west-1_A')).toBe('/o2-cognito/0b1c2d3e-4f50-11f0-9a8b-0a1b2c3d4e5f/user-activity-logs/eu-west-1_A');
  });

  test('saves once, never overwrites, reads it back and forgets it', async () => {
    const store = previousExports(new SSMClient({ region: 'eu-west-1' }), STACK_ID, 'o2-cognito');

    await store.save('eu-west-1_A', S3_ENTRY, signal);
    await store.save('eu-west-1_A', { EventSource: 'userAuthEvents', LogLevel: 'INFO' }, signal);

    expect(await store.read('eu-west-1_A', signal)).toEqual(S3_ENTRY);
    await store.forget('eu-west-1_A', signal);
    await store.forget('eu-west-1_A', signal);
    expect(await store.read('eu-west-1_A', signal)).toBeUndefined();
  });

  test('a parameter that holds no log configuration reads as none', async () => {
    const store = previousExports(new SSMClient({ region: 'eu-west-1' }), STACK_ID, 'o2-cognito');
    parameters.set(parameterName(STACK_ID, 'eu-west-1_A'), 'not json');
    parameters.set(parameterName(STACK_ID, 'eu-west-1_B'), '["x"]');

    expect(await store.read('eu-west-1_A', signal)).toBeUndefined();
    expect(await store.read('eu-west-1_B', signal)).toBeUndefined();
  });
});
