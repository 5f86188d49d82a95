import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_POOLS } from '../../../functions/user-activity-logs/constants';
import { parseExportProperties } from '../../../functions/user-activity-logs/properties';

const STREAM = 'arn:aws:firehose:eu-west-1:111122223333:deliverystream/o2-cognito-DeliveryStream-Q1w2E3r4T5y6';

describe('parseExportProperties', () => {
  test('reads the list CloudFormation passes, or comma text, without duplicates or empty items', () => {
    expect(parseExportProperties({ UserPoolIds: ['eu-west-1_Ab12Cd34E', ' eu-west-1_Zy98Xw76V', '', 'eu-west-1_Ab12Cd34E'], StreamArn: STREAM })).toEqual({
      ok: true,
      props: { poolIds: ['eu-west-1_Ab12Cd34E', 'eu-west-1_Zy98Xw76V'], streamArn: STREAM, region: 'eu-west-1' },
    });
    expect(parseExportProperties({ UserPoolIds: 'eu-west-1_Ab12Cd34E,eu-west-1_Zy98Xw76V', StreamArn: STREAM })).toMatchObject({ ok: true, props: { poolIds: ['eu-west-1_Ab12Cd34E', 'eu-west-1_Zy98Xw76V'] } });
  });

  test('accepts other partitions', () => {
    expect(parseExportProperties({ UserPoolIds: ['cn-north-1_Ab12'], StreamArn: 'arn:aws-cn:firehose:cn-north-1:111122223333:deliverystream/s' })).toMatchObject({ ok: true, props: { region: 'cn-north-1' } });
  });

  test('names every problem at once, each with the parameter to fix', () => {
    const result = parseExportProperties({ UserPoolIds: ['eu-west-1_*', 'us-east-1_Ab12Cd34E', 'us-west-2_Zz'], StreamArn: STREAM });

    expect(result).toEqual({
      ok: false,
      reason:
        'UserActivityLogPoolIds holds a value that is not a user pool id such as eu-west-1_Ab12Cd34E; UserActivityLogPoolIds names us-east-1_Ab12Cd34E, us-west-2_Zz, outside eu-west-1: Cognito exports only to a stream of the pool\'s own region, so deploy a stack in that region for them.',
    });
  });

  test.each([
    [{ UserPoolIds: ['eu-west-1_A'], StreamArn: 'arn:aws:s3:::bucket' }, 'StreamArn must be the ARN of a Firehose stream.'],
    [{ UserPoolIds: 42, StreamArn: STREAM }, 'UserPoolIds must be a list of user pool ids.'],
    [{ UserPoolIds: [`eu-west-1_${'A'.repeat(50)}`], StreamArn: STREAM }, 'UserActivityLogPoolIds holds a value that is not a user pool id such as eu-west-1_Ab12Cd34E.'],
  ])('refuses %j', (raw, reason) => {
    expect(parseExportProperties(raw)).toEqual({ ok: false, reason });
  });

  test(`refuses more than ${MAX_POOLS} pools`, () => {
    const ids = Array.from({ length: MAX_POOLS + 1 }, (_, i) => `eu-west-1_Pool${i}`);

    expect(parseExportProperties({ UserPoolIds: ids, StreamArn: STREAM })).toEqual({ ok: false, reason: `UserActivityLogPoolIds names ${MAX_POOLS + 1} pools; one stack exports at most ${MAX_POOLS}.` });
    expect(parseExportProperties({ UserPoolIds: ids.slice(1), StreamArn: STREAM }).ok).toBe(true);
  });
});

describe('the sample requests in events/user-activity-logs', () => {
  test.each(['create', 'update', 'delete'])('%s.json holds properties the function accepts', (name) => {
    const file = path.resolve(__dirname, '../../../events/user-activity-logs', `${name}.json`);
    const event = JSON.parse(readFileSync(file, 'utf8')) as { RequestType: string; ResourceProperties: Record<string, unknown>; OldResourceProperties?: Record<string, unknown> };

    expect(parseExportProperties(event.ResourceProperties).ok).toBe(true);
    if (event.RequestType === 'Update') expect(parseExportProperties(event.OldResourceProperties ?? {}).ok).toBe(true);
  });
});
