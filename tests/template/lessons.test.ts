import type { Template } from '../../cli/template/load-template';
import { describeWithTool } from '../helpers/external-tools';
import { checkBuckets, checkNoHardcodedNames, checkTrail } from './support/check-hardening';
import { checkNoWildcardActions, checkPolicyVersions, checkResourcesScoped } from './support/check-iam';
import { checkAlarms, checkDashboards, checkSubscriptions } from './support/check-monitoring';
import { checkFunctionBuilds, checkSarFields } from './support/check-packaging';
import { checkNumberBounds, checkSecretsNoEcho } from './support/check-parameters';
import {
  checkBackupPrefixes,
  checkCredentialExclusive,
  checkCustomResources,
  checkDeliveryBounds,
  checkEndpointUrl,
  checkStreamDependsOnCheck,
  credentialCombinations,
} from './support/check-pipeline';
import { checkDeadLetterQueue, checkEventPattern, checkRuleTarget } from './support/check-routing';
import { expandedTemplate, mutable, rawTemplate, ROOT, type MutableTemplate } from './support/template-fixture';

/**
 * docs/reference/template-checks.md#mistakes-only-our-template-tests-catch lists the plausible mistakes that
 * neither cfn-lint nor the SAM translator catches. Each row seeds one of them into a copy of the template and
 * shows that a template check reports it, while the real template passes the same check. A new lesson gets a
 * new row here.
 */

interface Lesson {
  readonly mistake: string;
  readonly seed: (t: MutableTemplate) => void;
  readonly check: (t: Template) => string[];
}

// biome-ignore lint/suspicious/noExplicitAny: template data is read by path; each check reports what is missing instead of typing CloudFormation
type Dict = Record<string, any>;
const props = (t: MutableTemplate, id: string): Dict => t.Resources[id]!.Properties;
const http = (t: MutableTemplate): Dict => props(t, 'DeliveryStream').HttpEndpointDestinationConfiguration;
const deliveryStatements = (t: MutableTemplate): Dict[] => props(t, 'DeliveryRole').Policies[0].PolicyDocument.Statement;
const sar = (t: MutableTemplate): Dict => t.Metadata['AWS::ServerlessRepo::Application'];
const rulesAccept = (row: number) => (t: Template): string[] =>
  credentialCombinations(t)[row]?.accepted ? [`credential combination ${row} is accepted`] : [];

/** Lessons visible in template.yaml itself (parameters, Rules, SAR metadata, SAM functions). */
const RAW_LESSONS: Lesson[] = [
  { mistake: 'the access key without NoEcho', seed: (t) => delete t.Parameters.OpenObserveAccessKey!.NoEcho, check: checkSecretsNoEcho },
  { mistake: 'Rules that accept neither credential', seed: (t) => delete t.Rules.CredentialGiven, check: rulesAccept(3) },
  { mistake: 'Rules that accept both credentials', seed: (t) => delete t.Rules.CredentialNotTwice, check: rulesAccept(2) },
  { mistake: 'an HTTP buffer parameter allowing 128 MB', seed: (t) => void (t.Parameters.HttpBufferSizeMB!.MaxValue = 128), check: (t) => checkNumberBounds(t, 'HttpBufferSizeMB', 1, 64) },
  { mistake: 'a Code folder that does not exist', seed: (t) => void (props(t, 'TransformFunction').Code = 'functions/transfrom/'), check: (t) => checkFunctionBuilds(t, ROOT) },
  { mistake: 'a bad SemanticVersion', seed: (t) => void (sar(t).SemanticVersion = 'v0.1'), check: checkSarFields },
  { mistake: 'a missing Author', seed: (t) => delete sar(t).Author, check: checkSarFields },
  { mistake: 'an upper-case Author', seed: (t) => void (sar(t).Author = 'O2Cognito'), check: checkSarFields },
  { mistake: 'SpdxLicenseId "Apache 2.0"', seed: (t) => void (sar(t).SpdxLicenseId = 'Apache 2.0'), check: checkSarFields },
  { mistake: 'eleven SAR labels', seed: (t) => void sar(t).Labels.push('one-too-many'), check: checkSarFields },
];

/** Lessons about the deployed resources, checked on the SAM expansion. */
const EXPANDED_LESSONS: Lesson[] = [
  { mistake: 'a hard-coded BucketName', seed: (t) => void (props(t, 'BackupBucket').BucketName = 'cognito-backup'), check: checkNoHardcodedNames },
  { mistake: 'a hard-coded RoleName', seed: (t) => void (props(t, 'DeliveryRole').RoleName = 'cognito-delivery'), check: checkNoHardcodedNames },
  { mistake: 'a hard-coded QueueName', seed: (t) => void (props(t, 'RuleDeadLetterQueue').QueueName = 'cognito-dlq'), check: checkNoHardcodedNames },
  { mistake: 'a hard-coded FunctionName', seed: (t) => void (props(t, 'TransformFunction').FunctionName = 'cognito-transform'), check: checkNoHardcodedNames },
  { mistake: 'a hard-coded DeliveryStreamName', seed: (t) => void (props(t, 'DeliveryStream').DeliveryStreamName = 'cognito'), check: checkNoHardcodedNames },
  { mistake: 'a hard-coded LogGroupName', seed: (t) => void (props(t, 'TransformLogGroup').LogGroupName = '/aws/lambda/cognito'), check: checkNoHardcodedNames },
  { mistake: 'a hard-coded TopicName', seed: (t) => void (props(t, 'AlarmTopic').TopicName = 'cognito-alarms'), check: checkNoHardcodedNames },
  { mistake: 'a rule name breaking an unanchored pattern', seed: (t) => void (props(t, 'CognitoEventsRule').Name = { 'Fn::Sub': '${AWS::StackName}-cognito:openobserve' }), check: checkNoHardcodedNames },
  {
    mistake: 'AccessKey and SecretsManagerConfiguration both set',
    seed: (t) => {
      http(t).EndpointConfiguration.AccessKey = { Ref: 'OpenObserveAccessKey' };
      http(t).SecretsManagerConfiguration = { Enabled: true, SecretARN: { Ref: 'OpenObserveAccessKeySecretArn' } };
    },
    check: checkCredentialExclusive,
  },
  { mistake: 'the /api/ endpoint path', seed: (t) => void (http(t).EndpointConfiguration.Url['Fn::Sub'] = http(t).EndpointConfiguration.Url['Fn::Sub'].replace('/aws/', '/api/')), check: checkEndpointUrl },
  { mistake: 'an event pattern with a scalar source', seed: (t) => void (props(t, 'CognitoEventsRule').EventPattern.source = 'aws.cognito-idp'), check: checkEventPattern },
  {
    mistake: 'a misspelt detail-type key (detailType)',
    seed: (t) => {
      const pattern = props(t, 'CognitoEventsRule').EventPattern;
      pattern.detailType = pattern['detail-type'];
      delete pattern['detail-type'];
    },
    check: checkEventPattern,
  },
  {
    mistake: 'the Events role on the rule instead of the target',
    seed: (t) => {
      const rule = props(t, 'CognitoEventsRule');
      rule.RoleArn = rule.Targets[0].RoleArn;
      delete rule.Targets[0].RoleArn;
    },
    check: checkRuleTarget,
  },
  { mistake: 'a FIFO dead-letter queue', seed: (t) => void (props(t, 'RuleDeadLetterQueue').FifoQueue = true), check: checkDeadLetterQueue },
  { mistake: 'a queue policy not scoped to the rule', seed: (t) => delete props(t, 'RuleDeadLetterQueuePolicy').PolicyDocument.Statement[0].Condition, check: checkDeadLetterQueue },
  { mistake: 'an HTTP buffer SizeInMBs of 128', seed: (t) => void (http(t).BufferingHints.SizeInMBs = 128), check: checkDeliveryBounds },
  { mistake: 'ErrorOutputPrefix without !{firehose:error-output-type}', seed: (t) => void (http(t).S3Configuration.ErrorOutputPrefix = 'failed/!{timestamp:yyyy}/'), check: checkBackupPrefixes },
  { mistake: 'a Prefix with !{…} but no ErrorOutputPrefix', seed: (t) => delete http(t).S3Configuration.ErrorOutputPrefix, check: checkBackupPrefixes },
  { mistake: 'ServiceTimeout 0', seed: (t) => void (props(t, 'EndpointCheck').ServiceTimeout = 0), check: checkCustomResources },
  { mistake: 'ServiceTimeout over 3600', seed: (t) => void (props(t, 'EndpointCheck').ServiceTimeout = 7200), check: checkCustomResources },
  { mistake: 'a Custom::X resource type (not in SAR)', seed: (t) => void (t.Resources.EndpointCheck!.Type = 'Custom::EndpointCheck'), check: checkCustomResources },
  { mistake: 'the stream not waiting for the endpoint check', seed: (t) => delete t.Resources.DeliveryStream!.DependsOn, check: checkStreamDependsOnCheck },
  { mistake: 'lifecycle ExpirationInDays: 0', seed: (t) => void (props(t, 'BackupBucket').LifecycleConfiguration.Rules[0].ExpirationInDays = 0), check: checkBuckets },
  { mistake: 'the trail without DependsOn its bucket policy', seed: (t) => delete t.Resources.Trail!.DependsOn, check: checkTrail },
  { mistake: 's3:* on the Firehose role', seed: (t) => void (deliveryStatements(t)[0]!.Action = ['s3:*']), check: checkNoWildcardActions },
  { mistake: 'a TLS-deny statement missing the /* object ARN', seed: (t) => void props(t, 'BackupBucketPolicy').PolicyDocument.Statement[0].Resource.pop(), check: checkBuckets },
  { mistake: 'an IAM Resource that is a name, not an ARN', seed: (t) => void (deliveryStatements(t)[1]!.Resource = { Ref: 'TransformFunction' }), check: checkResourcesScoped },
  { mistake: 'a policy without Version', seed: (t) => delete props(t, 'RuleTargetRole').Policies[0].PolicyDocument.Version, check: checkPolicyVersions },
  {
    mistake: 'invalid dashboard JSON',
    seed: (t) => void (props(t, 'PipelineDashboard').DashboardBody['Fn::Sub'] = props(t, 'PipelineDashboard').DashboardBody['Fn::Sub'].replace(/\}\s*$/, '')),
    check: checkDashboards,
  },
  { mistake: 'an alarm without Period', seed: (t) => delete props(t, 'DeliveryFailingAlarm').Period, check: (t) => checkAlarms(t) },
  { mistake: 'an SQS alarm dimension given the queue URL', seed: (t) => void (props(t, 'DeadLetterQueueAlarm').Dimensions[0].Value = { Ref: 'RuleDeadLetterQueue' }), check: (t) => checkAlarms(t) },
  { mistake: 'SNS Protocol: Email', seed: (t) => void (props(t, 'AlarmEmailSubscription').Protocol = 'Email'), check: checkSubscriptions },
];

function runLessons(lessons: Lesson[], load: () => Template): void {
  let template: Template;
  beforeAll(() => {
    template = load();
  });

  test.each(lessons.map((lesson) => [lesson.mistake, lesson] as const))('reports %s', (_, lesson) => {
    // Prepare
    const seeded = mutable(template);
    lesson.seed(seeded);

    // Act
    const before = lesson.check(template);
    const after = lesson.check(seeded);

    // Assess
    expect(before).toEqual([]);
    expect(after.length).toBeGreaterThan(0);
  });
}

describe('template checks: mistakes in template.yaml that only our tests catch', () => {
  runLessons(RAW_LESSONS, rawTemplate);
});

describeWithTool('sam-translator', 'template checks: mistakes in the deployed resources that only our tests catch', () => {
  runLessons(EXPANDED_LESSONS, expandedTemplate);
});
