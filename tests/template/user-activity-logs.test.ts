/**
 * The user activity log export in template.yaml: the parameter and its rule, the conditional resources, the
 * two policies that let a pool leaving the list be given back, and the names the function's code shares with
 * the template (the SSM path, the stream tag).
 */
import { parameterName } from '../../functions/user-activity-logs/previous-export';
import { USER_POOL_ID } from '../../functions/user-activity-logs/properties';
import { listedArns } from './support/check-iam';
import { contextFor, evaluate, evaluateCondition, failedRules, resolveIfs } from './support/evaluate';
import { mutable, rawTemplate } from './support/template-fixture';

// Read through MutableTemplate's loose types: the tests walk known paths of the template data.
const template = mutable(rawTemplate());
const REQUIRED = { OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: 'dXNlcjpwYXNz' };
const RESOURCES = ['UserActivityLogsLogGroup', 'UserActivityLogsFunctionRole', 'UserActivityLogsGrantPolicy', 'UserActivityLogsRetainPolicy', 'UserActivityLogsFunction', 'UserActivityLogExport'];

type Statement = { Sid?: string; Action?: unknown; Resource?: unknown; Condition?: unknown };

const resource = (id: string) => template.Resources[id]!;
const statements = (id: string): Statement[] => resource(id).Properties.PolicyDocument.Statement;
const roleStatements = (): Statement[] => resource('UserActivityLogsFunctionRole').Properties.Policies[0].PolicyDocument.Statement;
const poolPattern = (): RegExp => new RegExp(String(template.Parameters?.UserActivityLogPoolIds?.AllowedPattern));

describe('UserActivityLogPoolIds', () => {
  test('is an optional list, empty by default, in the Cognito sources group', () => {
    expect(template.Parameters?.UserActivityLogPoolIds).toMatchObject({ Type: 'CommaDelimitedList', Default: '' });
    const groups: { Label: { default: string }; Parameters: string[] }[] = template.Metadata['AWS::CloudFormation::Interface'].ParameterGroups;
    expect(groups.find((group) => group.Parameters.includes('UserActivityLogPoolIds'))?.Label.default).toBe('Cognito sources and CloudTrail');
  });

  test.each(['', 'eu-west-1_Ab12Cd34E', 'us-gov-west-1_Ab12Cd34E', 'ap-southeast-5_x'])('its pattern, applied to each item, accepts %p', (item) => {
    expect(poolPattern().test(item)).toBe(true);
  });

  test.each([' eu-west-1_Ab12Cd34E', 'eu-west-1_*', 'Ab12Cd34E', 'eu-west-1_Ab12/x', 'eu-west-1-Ab12', 'EU-WEST-1_A'])('its pattern refuses %p', (item) => {
    expect(poolPattern().test(item)).toBe(false);
  });

  test('its pattern agrees with the function on every sample id', () => {
    for (const item of ['eu-west-1_Ab12Cd34E', 'cn-north-1_Ab', 'eu-west-1_*', 'Ab12', 'eu-west-1_Ab12/x']) expect(poolPattern().test(item)).toBe(USER_POOL_ID.test(item));
  });

  test.each([
    ['', []],
    ['eu-west-1_Ab12Cd34E', []],
    ['eu-west-1_Ab12Cd34E,eu-west-1_Zy98Xw76V', []],
    ['eu-west-1_Ab12Cd34E,,eu-west-1_Zy98Xw76V', ['UserActivityLogPoolIds has an empty item (two commas in a row, or a comma at either end); remove it.']],
    ['eu-west-1_Ab12Cd34E,', ['UserActivityLogPoolIds has an empty item (two commas in a row, or a comma at either end); remove it.']],
  ])('the rules accept %p only without an empty item', (value, failures) => {
    expect(failedRules(template, { ...REQUIRED, UserActivityLogPoolIds: value })).toEqual(failures);
  });
});

describe('the export resources', () => {
  test('exist only when UserActivityLogPoolIds names a pool', () => {
    for (const id of RESOURCES) expect({ id, condition: resource(id).Condition }).toEqual({ id, condition: 'ExportUserActivityLogs' });
    const set = (value: string) => evaluateCondition({ Condition: 'ExportUserActivityLogs' }, contextFor(template, { ...REQUIRED, UserActivityLogPoolIds: value }));
    expect([set(''), set('eu-west-1_Ab12Cd34E'), set('eu-west-1_Ab12Cd34E,eu-west-1_Zy98Xw76V')]).toEqual([false, true, true]);
  });

  test('the custom resource gets the list and the stream, and gives up after its function would have', () => {
    const properties = resource('UserActivityLogExport').Properties;

    expect(properties).toMatchObject({
      ServiceToken: { 'Fn::GetAtt': ['UserActivityLogsFunction', 'Arn'] },
      UserPoolIds: { Ref: 'UserActivityLogPoolIds' },
      StreamArn: { 'Fn::GetAtt': ['DeliveryStream', 'Arn'] },
    });
    expect(Number(properties.ServiceTimeout)).toBeGreaterThan(Number(resource('UserActivityLogsFunction').Properties.Timeout));
  });

  test('the pools and the stream are granted before the custom resource runs and kept until after it, in two identical policies', () => {
    expect(resource('UserActivityLogExport').DependsOn).toBe('UserActivityLogsGrantPolicy');
    expect(resource('UserActivityLogsRetainPolicy').DependsOn).toBe('UserActivityLogExport');
    expect(resource('UserActivityLogsGrantPolicy').Properties.Roles).toEqual([{ Ref: 'UserActivityLogsFunctionRole' }]);
    expect(resource('UserActivityLogsRetainPolicy').Properties.Roles).toEqual([{ Ref: 'UserActivityLogsFunctionRole' }]);
    expect(statements('UserActivityLogsRetainPolicy')).toEqual(statements('UserActivityLogsGrantPolicy'));
  });

  test('each listed pool, and nothing else, is named in the pool statement', () => {
    const [pools] = statements('UserActivityLogsGrantPolicy') as [Statement];
    const listed = listedArns(pools.Resource);
    const ctx = contextFor(template, { ...REQUIRED, UserActivityLogPoolIds: 'eu-west-1_Ab12Cd34E,eu-west-1_Zy98Xw76V' });

    expect(pools.Action).toEqual(['cognito-idp:DescribeUserPool', 'cognito-idp:GetLogDeliveryConfiguration', 'cognito-idp:SetLogDeliveryConfiguration']);
    expect(listed).toEqual({ prefix: 'arn:*:cognito-idp:*:*:userpool/', parameter: 'UserActivityLogPoolIds' });
    const joined = evaluate((pools.Resource as { 'Fn::Split': [string, unknown] })['Fn::Split'][1], ctx);
    expect(String(joined).split(',')).toEqual(['arn:*:cognito-idp:*:*:userpool/eu-west-1_Ab12Cd34E', 'arn:*:cognito-idp:*:*:userpool/eu-west-1_Zy98Xw76V']);
  });

  test('the former destinations are kept under the path the function writes', () => {
    const keep = roleStatements().find((s) => s.Sid === 'KeepFormerDestinations')!;
    const [text, variables] = (keep.Resource as { 'Fn::Sub': [string, Record<string, unknown>] })['Fn::Sub'];
    const stackId = 'arn:aws:cloudformation:eu-west-1:123456789012:stack/o2-cognito/0b1c2d3e-4f50-11f0-9a8b-0a1b2c3d4e5f';

    expect(variables.StackUuid).toEqual({ 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] });
    const arn = text.replace('${AWS::Partition}', 'aws').replace('${AWS::Region}', 'eu-west-1').replace('${AWS::AccountId}', '123456789012').replace('${StackUuid}', stackId.split('/')[2]!);
    expect(arn).toBe(`arn:aws:ssm:eu-west-1:123456789012:parameter${parameterName(stackId, '')}*`);
    expect(keep.Action).toEqual(['ssm:GetParameter', 'ssm:PutParameter', 'ssm:DeleteParameter']);
  });

  test('may create the log-delivery service-linked role and no other', () => {
    const slr = roleStatements().find((s) => s.Action === 'iam:CreateServiceLinkedRole');

    expect(slr?.Resource).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/delivery.logs.amazonaws.com/AWSServiceRoleForLogDelivery' });
    expect(slr?.Condition).toEqual({ StringEquals: { 'iam:AWSServiceName': 'delivery.logs.amazonaws.com' } });
  });

  test('the stream carries LogDeliveryEnabled=true exactly while pools are exported', () => {
    const tags = (value: string) => resolveIfs(resource('DeliveryStream').Properties.Tags, contextFor(template, { ...REQUIRED, UserActivityLogPoolIds: value }));

    expect(tags('eu-west-1_Ab12Cd34E')).toEqual([{ Key: 'LogDeliveryEnabled', Value: 'true' }]);
    expect(tags('')).toBeUndefined();
  });

  describe('the checks bite', () => {
    test('a rule that lets an empty item through is reported', () => {
      const broken = mutable(template);
      delete broken.Rules.UserActivityLogPoolIdsHaveNoGap;
      expect(failedRules(broken, { ...REQUIRED, UserActivityLogPoolIds: 'eu-west-1_A,,eu-west-1_B' })).toEqual([]);
    });

    test('a pool statement that names every pool is no listed-ARN list', () => {
      expect(listedArns({ 'Fn::Sub': 'arn:aws:cognito-idp:eu-west-1:1:userpool/*' })).toBeUndefined();
    });
  });
});
