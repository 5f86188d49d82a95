import { readFileSync } from 'node:fs';
import type { Template } from '../../cli/template/load-template';
import { checkBuckets, checkNoHardcodedNames, checkTrail } from './support/check-hardening';
import { checkConfusedDeputy, checkNoWildcardActions, checkPolicyVersions, checkResourcesScoped, checkTrustPolicies } from './support/check-iam';
import { checkAlarms, checkOutputs, checkSubscriptions } from './support/check-monitoring';
import { checkResourcesMirrored, checkRuleTargets, checkSameRule, checkSwitchParity, sameTrailName, TRAIL_NAME } from './support/check-organization';
import { checkParametersDescribedAndConstrained, checkParametersGrouped, checkRequiredParameters, checkSecretsNoEcho } from './support/check-parameters';
import { existingResources } from './support/check-pipeline';
import { checkDeadLetterQueue, checkEventPattern } from './support/check-routing';
import { CENTRAL_BUS_ARN, EVENT_SWITCHES, ORGANIZATION_ID, sampleDeployments, switchCombinations } from './support/deployments';
import { MEMBER_TEMPLATE_PATH, memberTemplate, mutable, rawTemplate } from './support/template-fixture';

/**
 * member/template.yaml, the StackSet every member account and region runs: the same template-as-data checks
 * as template.yaml where they apply (it has no transform, so the file is what CloudFormation deploys), and
 * its parity with the central stack.
 */

const member = memberTemplate();
const central = rawTemplate();

/** The only resource types a member stack may hold: no function, no key, no bus of its own. */
const MEMBER_RESOURCE_TYPES = new Set([
  'AWS::Events::Rule',
  'AWS::IAM::Role',
  'AWS::SQS::Queue',
  'AWS::SQS::QueuePolicy',
  'AWS::CloudWatch::Alarm',
  'AWS::SNS::Topic',
  'AWS::SNS::Subscription',
  // Only with CreateTrail 'true':
  'AWS::CloudTrail::Trail',
  'AWS::S3::Bucket',
  'AWS::S3::BucketPolicy',
]);

/** The optional trail, resource for resource the central one. */
const TRAIL_RESOURCES = ['Trail', 'TrailBucket', 'TrailBucketPolicy'];

/** Resources whose type a member stack should not hold. */
function unexpectedResources(template: Template): string[] {
  return Object.entries(template.Resources)
    .filter(([, resource]) => !MEMBER_RESOURCE_TYPES.has(resource.Type))
    .map(([id, resource]) => `${id} (${resource.Type})`);
}

const CENTRAL_BASE = { OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: 'a2V5', OrganizationId: ORGANIZATION_ID };

describe('member/template.yaml', () => {
  describe('is made for a StackSet', () => {
    test('is plain CloudFormation: no transform, no SAM resource, no custom resource, no macro', () => {
      // Act: the template's text without its comments
      const text = readFileSync(MEMBER_TEMPLATE_PATH, 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('#'))
        .join('\n');

      // Assess
      expect(member.Transform).toBeUndefined();
      expect(text).not.toMatch(/^Transform:|AWS::Include|AWS::Serverless|Custom::|AWS::CloudFormation::CustomResource/m);
      expect(unexpectedResources(member)).toEqual([]);
    });

    test('holds nothing but the rule, its role, its dead-letter queue, alarms and the optional trail', () => {
      // Act
      const plain = existingResources(member, { CentralEventBusArn: CENTRAL_BUS_ARN });

      // Assess
      expect(plain.sort()).toEqual(
        ['AlarmTopic', 'CognitoEventsRule', 'DeadLetterQueueAlarm', 'RuleDeadLetterQueue', 'RuleDeadLetterQueuePolicy', 'RuleFailedInvocationsAlarm', 'RuleTargetRole'].sort(),
      );
    });

    test('fixes no physical name, so one stack per account and region never collides', () => {
      expect(checkNoHardcodedNames(member)).toEqual([]);
    });
  });

  describe('parameters', () => {
    test('puts every parameter in exactly one labelled group', () => {
      expect(checkParametersGrouped(member)).toEqual([]);
    });

    test('describes and constrains every parameter', () => {
      expect(checkParametersDescribedAndConstrained(member)).toEqual([]);
      expect(checkSecretsNoEcho(member)).toEqual([]);
    });

    test('needs only the central bus ARN filled in', () => {
      expect(checkRequiredParameters(member, ['CentralEventBusArn'])).toEqual([]);
    });

    test.each([
      [CENTRAL_BUS_ARN, true],
      ['arn:aws-us-gov:events:us-gov-west-1:111122223333:event-bus/o2-cognito-cognito-events', true],
      ['arn:aws:events:eu-west-1:111122223333:rule/o2-cognito-cognito-events', false],
      ['arn:aws:events:eu-west-1:111122223333:event-bus/*', false],
      ['o2-cognito-cognito-events', false],
    ])('the CentralEventBusArn pattern accepts %j: %s', (value, accepted) => {
      expect(new RegExp(String(member.Parameters?.CentralEventBusArn?.AllowedPattern)).test(value)).toBe(accepted);
    });

    test('has the identity-pool, read-only and trail switches of the central stack: same type, default and values', () => {
      expect(checkSwitchParity(central, member, [...EVENT_SWITCHES, 'CreateTrail', 'TrailLogRetentionDays', 'AlarmEmail'])).toEqual([]);
    });
  });

  describe('the forwarding rule', () => {
    test('matches user-pool, hosted-UI and (optionally) identity-pool events on the default bus, every value an array', () => {
      expect(checkEventPattern(member)).toEqual([]);
    });

    test.each(switchCombinations(member, EVENT_SWITCHES))('with %j has the pattern and state of both central rules', (switches) => {
      // Prepare
      const memberSide = { template: member, rule: 'CognitoEventsRule', given: { CentralEventBusArn: CENTRAL_BUS_ARN, ...switches } };
      const given = { ...CENTRAL_BASE, ...switches };

      // Act
      const problems = [
        ...checkSameRule(memberSide, { template: central, rule: 'CognitoEventsRule', given }),
        ...checkSameRule(memberSide, { template: central, rule: 'OrganizationEventsRule', given }),
      ];

      // Assess
      expect(problems).toEqual([]);
    });

    test('targets the central bus through a role that may only put events on it, with retries and a dead-letter queue', () => {
      // Act
      // biome-ignore lint/suspicious/noExplicitAny: template data read by path in a test; the assertion judges the shape
      const target = (member.Resources.CognitoEventsRule!.Properties as any).Targets[0];

      // Assess
      expect(checkRuleTargets(member)).toEqual([]);
      expect(target.Arn).toEqual({ Ref: 'CentralEventBusArn' });
      expect(target.RetryPolicy).toEqual({ MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 });
    });

    test('its dead-letter queue is a standard, encrypted queue only the rule may send to', () => {
      expect(checkDeadLetterQueue(member)).toEqual([]);
    });
  });

  describe('IAM', () => {
    test('no wildcard action, resources are ARNs, policies are versioned, EventBridge alone is trusted and held to its confused-deputy conditions', () => {
      expect([
        ...checkNoWildcardActions(member),
        ...checkResourcesScoped(member),
        ...checkPolicyVersions(member),
        ...checkTrustPolicies(member),
        ...checkConfusedDeputy(member),
      ]).toEqual([]);
    });
  });

  describe('the optional trail', () => {
    test('is the central stack\'s trail, bucket and bucket policy, key for key, but for how the trail is named', () => {
      expect(checkResourcesMirrored(central, member, TRAIL_RESOURCES, sameTrailName)).toEqual([]);
    });

    test('names the trail from the stack id, the same name in the trail and in its bucket policy', () => {
      // Act
      // biome-ignore lint/suspicious/noExplicitAny: template data read by path in a test; the assertion judges the shape
      const name = JSON.stringify((member.Resources.Trail!.Properties as any).TrailName);
      // biome-ignore lint/suspicious/noExplicitAny: template data read by path in a test; the assertion judges the shape
      const arns = (member.Resources.TrailBucketPolicy!.Properties as any).PolicyDocument.Statement.flatMap((s: any) => s.Condition?.StringEquals?.['aws:SourceArn'] ?? []);

      // Assess
      expect(name).toContain('{"Ref":"AWS::StackId"}');
      expect(arns).toHaveLength(2);
      expect(arns.map(sameTrailName)).toEqual([0, 1].map(() => ({ 'Fn::Sub': `arn:\${AWS::Partition}:cloudtrail:\${AWS::Region}:\${AWS::AccountId}:trail/${TRAIL_NAME}` })));
      expect(JSON.stringify(arns[0]['Fn::Sub'][1])).toBe(JSON.stringify(JSON.parse(name)['Fn::Sub'][1]));
    });

    test('exists only with CreateTrail, waits for its bucket policy, and its bucket is hardened', () => {
      // Act
      const withTrail = sampleDeployments(member).filter((given) => existingResources(member, given).includes('Trail'));

      // Assess
      expect(withTrail.every((given) => given.CreateTrail === 'true')).toBe(true);
      expect(withTrail.length).toBeGreaterThan(0);
      expect([...checkTrail(member), ...checkBuckets(member)]).toEqual([]);
    });
  });

  describe('monitoring', () => {
    test('alarms on failed forwarding and on dead letters, notifying the stack\'s topic', () => {
      expect(checkAlarms(member, [['AWS/Events', 'FailedInvocations'], ['AWS/SQS', 'ApproximateNumberOfMessagesVisible']])).toEqual([]);
      expect(checkSubscriptions(member)).toEqual([]);
    });

    test('describes every output', () => {
      expect(checkOutputs(member, ['EventsRuleArn', 'DeadLetterQueueUrl', 'AlarmTopicArn'])).toEqual([]);
    });
  });

  describe('the checks bite', () => {
    test('a member pattern that drifts from the central one is reported for the combination it breaks', () => {
      // Prepare
      const broken = mutable(member);
      broken.Resources.CognitoEventsRule!.Properties.State = 'ENABLED';
      const given = { ...CENTRAL_BASE, IncludeReadOnlyEvents: 'true' };

      // Act
      const problems = checkSameRule(
        { template: broken as Template, rule: 'CognitoEventsRule', given: { CentralEventBusArn: CENTRAL_BUS_ARN, IncludeReadOnlyEvents: 'true' } },
        { template: central, rule: 'CognitoEventsRule', given },
      );

      // Assess
      expect(problems).toEqual([expect.stringMatching(/the states differ: "ENABLED" vs "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"/)]);
    });

    test('a target without a role, a target without a dead-letter queue and a role wider than PutEvents on the bus are reported', () => {
      // Prepare
      const noRole = mutable(member);
      delete noRole.Resources.CognitoEventsRule!.Properties.Targets[0].RoleArn;
      const noQueue = mutable(member);
      delete noQueue.Resources.CognitoEventsRule!.Properties.Targets[0].DeadLetterConfig;
      const wide = mutable(member);
      wide.Resources.RuleTargetRole!.Properties.Policies[0].PolicyDocument.Statement[0].Resource = 'arn:aws:events:*:*:event-bus/*';

      // Act / Assess
      expect(checkRuleTargets(noRole)).toEqual(['CognitoEventsRule target organization-bus has no RoleArn of a role of this stack.']);
      expect(checkRuleTargets(noQueue)).toEqual(['CognitoEventsRule target organization-bus has no dead-letter queue of this stack.']);
      expect(checkRuleTargets(wide)).toEqual([expect.stringMatching(/^RuleTargetRole must allow exactly events:PutEvents on/)]);
    });

    test('a switch whose default differs from the central one, and a trail that drifts, are reported', () => {
      // Prepare
      const broken = mutable(member);
      broken.Parameters.IncludeReadOnlyEvents!.Default = 'true';
      broken.Resources.Trail!.Properties.IsMultiRegionTrail = true;

      // Act / Assess
      expect(checkSwitchParity(central, broken, EVENT_SWITCHES)).toEqual([expect.stringMatching(/^IncludeReadOnlyEvents.Default differs/)]);
      expect(checkResourcesMirrored(central, broken, TRAIL_RESOURCES, sameTrailName)).toEqual([expect.stringMatching(/^Trail differs/)]);
    });

    test('a Lambda function or a KMS key in the member template is reported', () => {
      // Prepare
      const broken = mutable(member);
      broken.Resources.Key = { Type: 'AWS::KMS::Key', Properties: {} };
      broken.Resources.Forwarder = { Type: 'AWS::Lambda::Function', Properties: {} };

      // Act / Assess
      expect(unexpectedResources(broken)).toEqual(['Key (AWS::KMS::Key)', 'Forwarder (AWS::Lambda::Function)']);
    });
  });
});
