import { describeWithTool } from '../helpers/external-tools';
import {
  checkConfusedDeputy,
  checkNoWildcardActions,
  checkPolicyVersions,
  checkResourcesScoped,
  checkSecretReads,
  checkStackReads,
  checkTrustPolicies,
} from './support/check-iam';
import { policyStatements } from './support/walk';
import { expandedTemplate, mutable } from './support/template-fixture';

describeWithTool('sam-translator', 'template IAM least privilege (SAM-expanded)', () => {
  let template: ReturnType<typeof expandedTemplate>;
  beforeAll(() => {
    template = expandedTemplate();
  });

  test('no Allow statement grants a wildcard action', () => {
    expect(checkNoWildcardActions(template)).toEqual([]);
  });

  test('resources are ARNs of this stack or of the given secrets; "*" only for the allow-listed CloudTrail reads', () => {
    expect(checkResourcesScoped(template)).toEqual([]);
  });

  test('every policy document has Version 2012-10-17', () => {
    expect(checkPolicyVersions(template)).toEqual([]);
  });

  test('secrets are read only from the configured secret ARNs', () => {
    expect(checkSecretReads(template)).toEqual([]);
  });

  test('the custom resources may DescribeStacks on their own stack (the stack ARN) and nothing else, to recognise a rollback', () => {
    expect(checkStackReads(template)).toEqual([]);
  });

  test('every service principal is held to the conditions its service documents (confused deputy)', () => {
    expect(checkConfusedDeputy(template)).toEqual([]);
  });

  test('each role trusts exactly one AWS service', () => {
    expect(checkTrustPolicies(template)).toEqual([]);
  });

  test('SAM added no managed policies (they grant on "*")', () => {
    const roles = Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::IAM::Role');
    expect(roles.length).toBeGreaterThanOrEqual(5);
    for (const role of roles) expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
  });

  test('the statements checked include every role and resource policy', () => {
    const holders = new Set(policyStatements(template).map((statement) => statement.holder));
    expect([...holders].sort()).toEqual(
      [
        'BackupBucketPolicy', 'DeliveryRole', 'EndpointCheckFunctionRole', 'OrganizationEventBusPolicy', 'PackInstallFunctionRole', 'RuleDeadLetterQueuePolicy',
        'RuleTargetRole', 'TrailBucketPolicy', 'TransformFunctionRole', 'UserActivityLogsFunctionRole', 'UserActivityLogsGrantPolicy',
        'UserActivityLogsRetainPolicy',
      ].sort(),
    );
  });

  describe('the checks bite', () => {
    test('s3:* on the Firehose role is reported', () => {
      const broken = mutable(template);
      broken.Resources.DeliveryRole!.Properties.Policies[0].PolicyDocument.Statement[0].Action = 's3:*';
      expect(checkNoWildcardActions(broken)).toHaveLength(1);
    });

    test('a Resource that is a name, not an ARN, and a wide "*" grant are reported', () => {
      const broken = mutable(template);
      const statements = broken.Resources.DeliveryRole!.Properties.Policies[0].PolicyDocument.Statement;
      statements[1].Resource = { Ref: 'TransformFunction' };
      statements[0].Resource = '*';
      expect(checkResourcesScoped(broken)).toHaveLength(2);
    });

    test('DescribeStacks on "*" and a custom resource role without it are reported', () => {
      const broken = mutable(template);
      const statements = broken.Resources.EndpointCheckFunctionRole!.Properties.Policies[0].PolicyDocument.Statement as Record<string, unknown>[];
      statements.find((s) => JSON.stringify(s.Action).includes('cloudformation:'))!.Resource = '*';
      delete broken.Resources.PackInstallFunctionRole;
      broken.Resources.PackInstallFunctionRole = { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } };
      expect(checkStackReads(broken)).toEqual([
        expect.stringContaining('may describe stacks other than its own'),
        'PackInstallFunctionRole may not call cloudformation:DescribeStacks on its stack, so it cannot recognise a rollback.',
      ]);
    });

    test('a Firehose trust without sts:ExternalId and an EventBridge trust without aws:SourceArn are reported', () => {
      const broken = mutable(template);
      delete broken.Resources.DeliveryRole!.Properties.AssumeRolePolicyDocument.Statement[0].Condition;
      const events = broken.Resources.RuleTargetRole!.Properties.AssumeRolePolicyDocument.Statement[0];
      events.Condition = { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } };
      expect(checkConfusedDeputy(broken)).toEqual([
        'DeliveryRole AssumeRolePolicyDocument/Statement/0 lets firehose.amazonaws.com in without sts:ExternalId.',
        'RuleTargetRole AssumeRolePolicyDocument/Statement/0 lets events.amazonaws.com in without aws:SourceArn.',
      ]);
    });

    test('a policy without Version is reported', () => {
      const broken = mutable(template);
      delete broken.Resources.RuleTargetRole!.Properties.Policies[0].PolicyDocument.Version;
      expect(checkPolicyVersions(broken)).toHaveLength(1);
    });
  });
});
