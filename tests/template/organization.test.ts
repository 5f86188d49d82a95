import type { Template } from '../../cli/template/load-template';
import { describeWithTool } from '../helpers/external-tools';
import { checkAlarms, checkDashboardShowsAlarms } from './support/check-monitoring';
import { checkBusPolicyAdmitsOnlyOrganization, checkRuleTargets, checkSameRule } from './support/check-organization';
import { existingResources } from './support/check-pipeline';
import { checkDeadLetterQueue } from './support/check-routing';
import { ORGANIZATION_ID, sampleDeployments, switchCombinations, EVENT_SWITCHES } from './support/deployments';
import { contextFor, exists, resolveIfs, type ParameterValues } from './support/evaluate';
import { expandedTemplate, mutable, rawTemplate } from './support/template-fixture';
import { walk } from './support/walk';

/**
 * Central mode of template.yaml (OrganizationId given): the organization bus, its policy, its rule and
 * their alarms; and the proof that an empty OrganizationId deploys exactly the single-account stack.
 */

/** What central mode adds, and nothing else. */
const ORGANIZATION_RESOURCES = [
  'DeliveryQuotaHeadroomAlarm',
  'DeliveryThrottledAlarm',
  'OrganizationEventBus',
  'OrganizationEventBusPolicy',
  'OrganizationEventsRule',
  'OrganizationRuleFailedInvocationsAlarm',
];
const ORGANIZATION_OUTPUTS = ['MemberStackSetParameters', 'OrganizationEventBusArn', 'OrganizationEventsRuleArn'];

const BASE: ParameterValues = { OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: 'a2V5' };

/** Resources and outputs as CloudFormation would deploy them for these parameters (conditions resolved). */
function deployed(template: Template, given: ParameterValues): { resources: Record<string, unknown>; outputs: Record<string, unknown> } {
  const ctx = contextFor(template, given);
  const pick = (entries: Record<string, { Condition?: unknown }>) =>
    Object.fromEntries(Object.entries(entries).filter(([, entry]) => exists(entry, ctx)).map(([id, entry]) => [id, resolveIfs(entry, ctx)]));
  return { resources: pick(template.Resources as Record<string, { Condition?: unknown }>), outputs: pick((template.Outputs ?? {}) as Record<string, { Condition?: unknown }>) };
}

describeWithTool('sam-translator', 'central mode of template.yaml (SAM-expanded)', () => {
  let template: Template;
  beforeAll(() => {
    template = expandedTemplate();
  });

  describe('with OrganizationId empty, the single-account stack is unchanged', () => {
    test.each(switchCombinations(rawTemplate(), ['IncludeIdentityPoolEvents', 'IncludeReadOnlyEvents', 'CreateTrail']))(
      'with %j: the resources are those with an organization id, minus exactly what central mode adds',
      (switches) => {
        // Act
        const single = existingResources(template, { ...BASE, ...switches });
        const central = existingResources(template, { ...BASE, ...switches, OrganizationId: ORGANIZATION_ID });

        // Assess
        expect(central.filter((id) => !single.includes(id)).sort()).toEqual(ORGANIZATION_RESOURCES);
        expect(single.filter((id) => !central.includes(id))).toEqual([]);
      },
    );

    test('every resource both modes share is deployed identically, except the dead-letter queue policy, which admits one more rule', () => {
      // Act
      const single = deployed(template, BASE);
      const central = deployed(template, { ...BASE, OrganizationId: ORGANIZATION_ID });
      const changed = Object.keys(single.resources).filter((id) => JSON.stringify(single.resources[id]) !== JSON.stringify(central.resources[id]));

      // Assess
      expect(changed).toEqual(['RuleDeadLetterQueuePolicy']);
      // biome-ignore lint/suspicious/noExplicitAny: template data read by path in a test; the assertion judges the shape
      const [alone, both] = [single, central].map((mode) => (mode.resources.RuleDeadLetterQueuePolicy as any).Properties.PolicyDocument.Statement[0]);
      expect(alone.Condition.ArnEquals).toEqual({ 'aws:SourceArn': { 'Fn::GetAtt': ['CognitoEventsRule', 'Arn'] } });
      expect({ ...alone, Condition: { ...alone.Condition, ArnEquals: undefined } }).toEqual({ ...both, Condition: { ...both.Condition, ArnEquals: undefined } });
    });

    test('nothing of central mode reaches the deployed single-account template: no resource, output or reference', () => {
      // Act
      const single = deployed(template, BASE);
      const mentions: string[] = [];
      const central = new RegExp(`\\b(${['OrganizationId', 'HasOrganization', ...ORGANIZATION_RESOURCES, ...ORGANIZATION_OUTPUTS].join('|')})\\b`);
      walk(single, (value, where) => {
        if ((typeof value === 'string' && central.test(value)) || central.test(where)) mentions.push(`${where}: ${JSON.stringify(value)}`);
      });

      // Assess
      expect(mentions).toEqual([]);
      expect(Object.keys(single.outputs)).toEqual(expect.not.arrayContaining(ORGANIZATION_OUTPUTS));
    });
  });

  describe('with OrganizationId set', () => {
    test('the bus policy admits events:PutEvents on the bus only from principals of the organization', () => {
      expect(checkBusPolicyAdmitsOnlyOrganization(template)).toEqual([]);
    });

    test('the organization rule has the pattern and state of the default-bus rule, for every switch combination', () => {
      // Act
      const problems = switchCombinations(template, EVENT_SWITCHES).flatMap((switches) => {
        const given = { ...BASE, ...switches, OrganizationId: ORGANIZATION_ID };
        return checkSameRule({ template, rule: 'CognitoEventsRule', given }, { template, rule: 'OrganizationEventsRule', given });
      });

      // Assess
      expect(problems).toEqual([]);
    });

    test('the organization rule targets the delivery stream with the same role, retry policy and dead-letter queue', () => {
      // Act
      // biome-ignore lint/suspicious/noExplicitAny: template data read by path in a test; the assertion judges the shape
      const targets = ['CognitoEventsRule', 'OrganizationEventsRule'].map((id) => (template.Resources[id]!.Properties as any).Targets);

      // Assess
      expect(targets[1]).toEqual(targets[0]);
      expect(checkRuleTargets(template)).toEqual([]);
    });

    test('the dead-letter queue admits both rules (aws:SourceArn) in central mode, and only the default-bus rule otherwise', () => {
      expect(checkDeadLetterQueue(template, sampleDeployments(template))).toEqual([]);
    });

    test('the organization bus has alarms for failed invocations, throttled records and the Direct PUT headroom', () => {
      // Act
      const alarms = ORGANIZATION_RESOURCES.filter((id) => template.Resources[id]!.Type === 'AWS::CloudWatch::Alarm');

      // Assess
      expect(alarms.every((id) => template.Resources[id]!.Condition === 'HasOrganization')).toBe(true);
      expect(checkAlarms(template, [['AWS/Events', 'FailedInvocations'], ['AWS/Firehose', 'ThrottledRecords']])).toEqual([]);
      expect(JSON.stringify(template.Resources.DeliveryQuotaHeadroomAlarm)).toMatch(/BytesPerSecondLimit.*PutRequestsPerSecondLimit/);
    });

    test('the outputs give members the bus ARN and the matching StackSet parameters', () => {
      // Act
      const single = deployed(template, BASE).outputs;
      // biome-ignore lint/suspicious/noExplicitAny: template data read by path in a test; the assertion judges the shape
      const central = deployed(template, { ...BASE, OrganizationId: ORGANIZATION_ID }).outputs as Record<string, any>;
      const parameters = String(central.MemberStackSetParameters.Value['Fn::Sub']);

      // Assess
      expect(Object.keys(central).filter((name) => !(name in single)).sort()).toEqual(ORGANIZATION_OUTPUTS);
      expect(central.OrganizationEventBusArn.Value).toEqual({ 'Fn::GetAtt': ['OrganizationEventBus', 'Arn'] });
      expect(parameters.split(' ')).toEqual([
        'ParameterKey=CentralEventBusArn,ParameterValue=${OrganizationEventBus.Arn}',
        'ParameterKey=IncludeIdentityPoolEvents,ParameterValue=${IncludeIdentityPoolEvents}',
        'ParameterKey=IncludeReadOnlyEvents,ParameterValue=${IncludeReadOnlyEvents}',
      ]);
    });
  });

  describe('the checks bite', () => {
    test('a bus policy without the organization condition, with a named account, or for more actions is reported', () => {
      // Prepare
      const open = mutable(template);
      delete open.Resources.OrganizationEventBusPolicy!.Properties.Statement.Condition;
      const named = mutable(template);
      named.Resources.OrganizationEventBusPolicy!.Properties.Statement.Principal = { AWS: 'arn:aws:iam::444455556666:root' };
      const wide = mutable(template);
      wide.Resources.OrganizationEventBusPolicy!.Properties.Statement.Action = 'events:*';
      const like = mutable(template);
      like.Resources.OrganizationEventBusPolicy!.Properties.Statement.Condition = { StringLike: { 'aws:PrincipalOrgID': 'o-*' } };

      // Act / Assess
      expect(checkBusPolicyAdmitsOnlyOrganization(open)).toEqual([expect.stringMatching(/admits any principal without StringEquals aws:PrincipalOrgID/)]);
      expect(checkBusPolicyAdmitsOnlyOrganization(named)).toEqual([expect.stringMatching(/admits .*444455556666.* by name/)]);
      expect(checkBusPolicyAdmitsOnlyOrganization(wide)).toEqual([expect.stringMatching(/allows "events:\*"/)]);
      expect(checkBusPolicyAdmitsOnlyOrganization(like)).toHaveLength(1);
    });

    test('an organization rule whose pattern drifts from the default-bus rule is reported', () => {
      // Prepare
      const broken = mutable(template);
      broken.Resources.OrganizationEventsRule!.Properties.EventPattern.source = ['aws.cognito-idp', 'aws.cognito-identity'];
      const given = { ...BASE, IncludeIdentityPoolEvents: 'false', OrganizationId: ORGANIZATION_ID };

      // Act
      const problems = checkSameRule({ template: broken, rule: 'CognitoEventsRule', given }, { template: broken, rule: 'OrganizationEventsRule', given });

      // Assess
      expect(problems).toEqual([expect.stringMatching(/the event patterns differ/)]);
    });

    test('a dead-letter queue policy that admits only the default-bus rule is reported in central mode', () => {
      // Prepare
      const broken = mutable(template);
      broken.Resources.RuleDeadLetterQueuePolicy!.Properties.PolicyDocument.Statement[0].Condition = {
        ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': ['CognitoEventsRule', 'Arn'] } },
      };

      // Act
      const problems = checkDeadLetterQueue(broken, [{ ...BASE, OrganizationId: ORGANIZATION_ID }]);

      // Assess
      expect(problems).toEqual([expect.stringMatching(/admits aws:SourceArn \[CognitoEventsRule\], but the rules that dead-letter to it are \[CognitoEventsRule, OrganizationEventsRule\]/)]);
    });

    test('an alarm on the organization rule given Ref of the rule ("bus|rule") or no EventBusName is reported', () => {
      // Prepare
      const plainRef = mutable(template);
      plainRef.Resources.OrganizationRuleFailedInvocationsAlarm!.Properties.Dimensions[1].Value = { Ref: 'OrganizationEventsRule' };
      const noBus = mutable(template);
      noBus.Resources.OrganizationRuleFailedInvocationsAlarm!.Properties.Dimensions.shift();

      // Act / Assess
      expect(checkAlarms(plainRef)).toEqual([expect.stringMatching(/"bus\|rule" on a custom bus/)]);
      expect(checkAlarms(noBus)).toEqual([expect.stringMatching(/needs the EventBusName dimension/)]);
    });

    test('a metric-math alarm whose metrics the dashboard does not draw is reported', () => {
      // Prepare
      const broken = mutable(template);
      broken.Resources.DeliveryQuotaHeadroomAlarm!.Properties.Metrics[1].MetricStat.Metric.MetricName = 'RecordsPerSecondLimit';

      // Act / Assess
      expect(checkDashboardShowsAlarms(template)).toEqual([]);
      expect(checkDashboardShowsAlarms(broken)).toEqual(["DeliveryQuotaHeadroomAlarm's metric AWS/Firehose RecordsPerSecondLimit is not on the dashboard."]);
    });

    test('a resource that central mode adds without its condition shows up in the single-account stack', () => {
      // Prepare
      const broken = mutable(template);
      delete broken.Resources.DeliveryThrottledAlarm!.Condition;

      // Act
      const single = existingResources(broken, BASE);

      // Assess
      expect(single).toContain('DeliveryThrottledAlarm');
    });
  });
});
