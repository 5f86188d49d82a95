import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Template } from '../../cli/template/load-template';
import { describeWithTool } from '../helpers/external-tools';
import { failedRules, type ParameterValues } from './support/evaluate';
import {
  deployedWith,
  type GuardReport,
  guardBinary,
  parseGuardOutput,
  runGuard,
  staleSuppressions,
  suppressionsOf,
  unsuppressedFailures,
  weakReasons,
} from './support/cfn-guard';
import { CENTRAL_BUS_ARN } from './support/deployments';
import { expandedTemplate, memberTemplate, mutable, rawTemplate, ROOT } from './support/template-fixture';

/**
 * The AWS Control Tower proactive-control pack (cfn-guard 3.1.1, from @cdklabs/cdk-validator-cfnguard) on
 * the SAM-expanded template: every failure is suppressed on its resource, in template.yaml, with a reason;
 * every suppression is still needed. The translator keeps conditional resources, so the expansion holds the
 * optional trail, pack installer and e-mail subscription, too. cfn-guard cannot see inside a Fn::If (an
 * admin statement there passes), so the pack also runs on the template as deployed with conditions resolved.
 */

/** Rules the template satisfies today; listed so that a pack that evaluated nothing cannot look clean. */
const RULES_THAT_PASS = [
  'cloud_trail_log_file_validation_enabled_check',
  'cloudwatch_alarm_action_check',
  'iam_inline_policy_no_statements_with_full_access_check',
  's3_bucket_acl_prohibited_check',
  's3_bucket_level_public_access_prohibited_check',
  's3_bucket_versioning_enabled_check',
  's3_lifecycle_policy_check',
  's3_version_lifecycle_policy_check',
  'sqs_queue_encrypted_check',
];

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:o2-cognito-abcdef';

/** Deployable parameter sets: every optional resource and conditional statement on, and the defaults. */
const DEPLOYMENTS: { name: string; given: ParameterValues }[] = [
  {
    name: 'trail, security pack, alarm e-mail and secret ARN',
    given: {
      OpenObserveUrl: 'https://o2.example.com',
      OpenObserveAccessKeySecretArn: SECRET_ARN,
      CreateTrail: 'true',
      InstallSecurityPack: 'true',
      PackCredentialsSecretArn: SECRET_ARN,
      AlarmEmail: 'security@example.com',
      IncludeReadOnlyEvents: 'true',
      UserActivityLogPoolIds: 'eu-west-1_Ab12Cd34E,eu-west-1_Zy98Xw76V',
    },
  },
  { name: 'defaults with an access key', given: { OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: 'dXNlcjpwYXNz' } },
];

const OPTIONAL_RESOURCES = [
  'Trail', 'TrailBucket', 'TrailBucketPolicy', 'PackInstallFunction', 'PackInstallLogGroup', 'AlarmEmailSubscription', 'UserActivityLogsFunction',
  'UserActivityLogsLogGroup', 'UserActivityLogsGrantPolicy', 'UserActivityLogsRetainPolicy',
];

type Mutable = ReturnType<typeof mutable>;

const HOW_IT_WORKS = path.join(ROOT, 'docs', 'readme', '40-how-it-works.md');
const ORGANIZATIONS = path.join(ROOT, 'docs', 'organizations.md');

/** Rules member/template.yaml satisfies today. */
const MEMBER_RULES_THAT_PASS = [
  'cloud_trail_log_file_validation_enabled_check',
  'cloudwatch_alarm_action_check',
  'iam_inline_policy_no_statements_with_admin_access_check',
  'iam_inline_policy_no_statements_with_full_access_check',
  's3_bucket_level_public_access_prohibited_check',
  's3_bucket_versioning_enabled_check',
  'sqs_queue_encrypted_check',
];

/** Member deployments: every optional resource on, and the defaults. */
const MEMBER_DEPLOYMENTS: { name: string; given: ParameterValues }[] = [
  { name: 'trail and alarm e-mail', given: { CentralEventBusArn: CENTRAL_BUS_ARN, CreateTrail: 'true', AlarmEmail: 'security@example.com', IncludeReadOnlyEvents: 'true' } },
  { name: 'defaults', given: { CentralEventBusArn: CENTRAL_BUS_ARN } },
];

/** An exemption table (rule → logical ids), read from the section under `heading`. */
function documentedExemptions(markdown: string, heading = '### Security checks'): Map<string, string[]> {
  const section = markdown.split(new RegExp(`^${heading}$`, 'm'))[1]?.split(/^#{1,3} /m)[0] ?? '';
  const table = new Map<string, string[]>();
  for (const [, rule, resources] of section.matchAll(/^\| `([a-z0-9_]+)` \| ([^|]*) \|/gm)) {
    table.set(rule!, [...resources!.matchAll(/`([A-Za-z0-9]+)`/g)].map((match) => match[1]!));
  }
  return table;
}

function withoutSuppression(template: Mutable, resource: string, rule: string): Mutable {
  const entries = template.Resources[resource]!.Metadata.guard.SuppressedRules as { Rule: string }[];
  template.Resources[resource]!.Metadata.guard.SuppressedRules = entries.filter((entry) => entry.Rule !== rule);
  return template;
}

describe('cfn-guard runner', () => {
  test('names the platform when no bundled binary matches it', () => {
    expect(() => guardBinary('win32', 'x64')).toThrow('no cfn-guard binary for win32/x64');
  });

  test('refuses output that is not cfn-guard structured JSON', () => {
    expect(() => parseGuardOutput('Error occurred')).toThrow(/not JSON/);
    expect(() => parseGuardOutput('[{"name": "x"}]')).toThrow(/no not_compliant list/);
  });
});

describe('docs/how-it-works.md exemption table', () => {
  test('lists exactly the suppressions of template.yaml, rule by rule and resource by resource', () => {
    // Prepare
    const expected = new Map<string, string[]>();
    for (const { rule, resource } of suppressionsOf(rawTemplate())) expected.set(rule, [...(expected.get(rule) ?? []), resource]);

    // Act
    const documented = documentedExemptions(readFileSync(HOW_IT_WORKS, 'utf8'));

    // Assess
    const sorted = (table: Map<string, string[]>) => Object.fromEntries([...table].map(([rule, ids]) => [rule, [...ids].sort()]).sort());
    expect(sorted(documented)).toEqual(sorted(expected));
  });
});

describe('docs/organizations.md exemption table', () => {
  test('lists exactly the suppressions of member/template.yaml, rule by rule and resource by resource', () => {
    // Prepare
    const expected = new Map<string, string[]>();
    for (const { rule, resource } of suppressionsOf(memberTemplate())) expected.set(rule, [...(expected.get(rule) ?? []), resource]);

    // Act
    const documented = documentedExemptions(readFileSync(ORGANIZATIONS, 'utf8'), '## Security checks of the member template');

    // Assess
    const sorted = (table: Map<string, string[]>) => Object.fromEntries([...table].map(([rule, ids]) => [rule, [...ids].sort()]).sort());
    expect(sorted(documented)).toEqual(sorted(expected));
  });
});

describe('cfn-guard Control Tower pack on member/template.yaml', () => {
  let template: Template;
  let report: GuardReport;
  beforeAll(() => {
    template = memberTemplate();
    report = runGuard(template);
  });

  test('the rules the template is built to satisfy pass', () => {
    expect(report.passed).toEqual(expect.arrayContaining(MEMBER_RULES_THAT_PASS));
  });

  test('every failure is suppressed on its own resource, and every suppression is needed and explained', () => {
    expect(unsuppressedFailures(report.failures, suppressionsOf(template))).toEqual([]);
    expect(staleSuppressions(report.failures, suppressionsOf(template))).toEqual([]);
    expect(weakReasons(suppressionsOf(template))).toEqual([]);
  });

  test.each(MEMBER_DEPLOYMENTS)('with conditions resolved ($name), every failure is suppressed', ({ given }) => {
    // Prepare
    expect(failedRules(template, given)).toEqual([]);
    const deployed = deployedWith(template, given);

    // Act
    const failures = runGuard(deployed).failures;

    // Assess
    expect(unsuppressedFailures(failures, suppressionsOf(deployed))).toEqual([]);
  });

  test('the check bites: an unencrypted dead-letter queue is reported', () => {
    // Prepare
    const broken = mutable(template);
    delete broken.Resources.RuleDeadLetterQueue!.Properties.SqsManagedSseEnabled;

    // Act / Assess
    expect(unsuppressedFailures(runGuard(broken).failures, suppressionsOf(broken))).toEqual([expect.stringMatching(/^RuleDeadLetterQueue fails sqs_queue_encrypted_check;/)]);
  });
});

describeWithTool('sam-translator', 'cfn-guard Control Tower pack on the SAM-expanded template', () => {
  let template: Template;
  let report: GuardReport;
  beforeAll(() => {
    template = expandedTemplate();
    report = runGuard(template);
  });

  test('evaluates the optional resources too: the expansion keeps every conditional resource', () => {
    expect(Object.keys(template.Resources)).toEqual(expect.arrayContaining(OPTIONAL_RESOURCES));
  });

  test('the rules the template is built to satisfy pass', () => {
    expect(report.passed).toEqual(expect.arrayContaining(RULES_THAT_PASS));
  });

  test('every failure is suppressed on its own resource', () => {
    expect(unsuppressedFailures(report.failures, suppressionsOf(template))).toEqual([]);
  });

  test('every suppression is still needed', () => {
    expect(staleSuppressions(report.failures, suppressionsOf(template))).toEqual([]);
  });

  test('every suppression gives a reason of at least 20 characters', () => {
    expect(weakReasons(suppressionsOf(template))).toEqual([]);
  });

  test('the suppressions are those of template.yaml: SAM copies function Metadata onto the expanded function', () => {
    expect(suppressionsOf(template)).toEqual(expect.arrayContaining(suppressionsOf(rawTemplate())));
    expect(suppressionsOf(template)).toHaveLength(suppressionsOf(rawTemplate()).length);
  });

  test.each(DEPLOYMENTS)('with conditions resolved ($name), every failure is suppressed', ({ given }) => {
    // Prepare
    expect(failedRules(template, given)).toEqual([]);
    const deployed = deployedWith(template, given);
    expect(JSON.stringify(deployed.Resources)).not.toContain('Fn::If');

    // Act
    const failures = runGuard(deployed).failures;

    // Assess
    expect(unsuppressedFailures(failures, suppressionsOf(deployed))).toEqual([]);
  });

  describe('the check bites', () => {
    test('a failure whose suppression is removed is reported', () => {
      // Prepare
      const broken = withoutSuppression(mutable(template), 'BackupBucket', 's3_bucket_logging_enabled_check');

      // Act
      const problems = unsuppressedFailures(runGuard(broken).failures, suppressionsOf(broken));

      // Assess
      expect(problems).toEqual([expect.stringMatching(/^BackupBucket fails s3_bucket_logging_enabled_check; fix it/)]);
    });

    test('breaking a rule that passes today is reported: an unencrypted queue, an unversioned bucket', () => {
      // Prepare
      const broken = mutable(template);
      delete broken.Resources.RuleDeadLetterQueue!.Properties.SqsManagedSseEnabled;
      delete broken.Resources.BackupBucket!.Properties.VersioningConfiguration;

      // Act
      const problems = unsuppressedFailures(runGuard(broken).failures, suppressionsOf(broken));

      // Assess
      expect(problems).toEqual([
        expect.stringMatching(/^BackupBucket fails s3_bucket_versioning_enabled_check;/),
        expect.stringMatching(/^RuleDeadLetterQueue fails sqs_queue_encrypted_check;/),
      ]);
    });

    test('an admin statement behind a condition is reported once the conditions are resolved', () => {
      // Prepare: widen the statement that exists only with OpenObserveAccessKeySecretArn.
      const broken = mutable(template);
      // biome-ignore lint/suspicious/noExplicitAny: a deliberately broken policy, written through the mutable template
      const statements = broken.Resources.EndpointCheckFunctionRole!.Properties.Policies[0].PolicyDocument.Statement as any[];
      const secretRead = statements.find((statement) => statement['Fn::If']?.[0] === 'UseSecretArn')['Fn::If'][1];
      Object.assign(secretRead, { Action: '*', Resource: '*' });

      // Act
      const problems = unsuppressedFailures(runGuard(deployedWith(broken, DEPLOYMENTS[0]!.given)).failures, suppressionsOf(broken));

      // Assess
      expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^EndpointCheckFunctionRole fails iam_inline_policy_no_statements_with_admin_access_check;/)]));
    });

    test('a suppression of a rule that passes is reported as stale', () => {
      // Prepare
      const broken = mutable(template);
      broken.Resources.RuleDeadLetterQueue!.Metadata.guard.SuppressedRules.push({
        Rule: 'sqs_queue_encrypted_check',
        Reason: 'A reason long enough to pass the length check.',
      });

      // Act
      const problems = staleSuppressions(report.failures, suppressionsOf(broken));

      // Assess
      expect(problems).toEqual([
        'RuleDeadLetterQueue suppresses sqs_queue_encrypted_check, which does not fail there; remove the stale suppression from template.yaml.',
      ]);
    });

    test('a suppression without a real reason is reported', () => {
      // Prepare
      const broken = mutable(template);
      broken.Resources.RuleDeadLetterQueue!.Metadata.guard.SuppressedRules[0].Reason = 'n/a';

      // Act / Assess
      expect(weakReasons(suppressionsOf(broken))).toEqual([
        "RuleDeadLetterQueue's suppression of sqs_dlq_check needs a Reason of at least 20 characters saying why.",
      ]);
    });
  });
});
