import type { Template } from '../../cli/template/load-template';
import { describeWithTool } from '../helpers/external-tools';
import { checkBuckets, checkLogging } from './support/check-hardening';
import { checkNoWildcardActions } from './support/check-iam';
import { expandedTemplate, mutable } from './support/template-fixture';
import { propertiesOf, resourcesOfType } from './support/walk';

/**
 * A concise security rule pack over the deployed (expanded) template, in the spirit of cfn-guard's AWS
 * rules, since no guard engine is installed. SNS: the alarm topic is deliberately not KMS-encrypted
 * (CloudWatch alarms cannot publish to a topic under the AWS managed key aws/sns; alarm messages carry
 * no event data), so topic encryption is reported as a note, not a failure.
 */

// biome-ignore lint/suspicious/noExplicitAny: template data is read by path; each check reports what is missing instead of typing CloudFormation
type Dict = Record<string, any>;

const SECRET_NAME = /(SECRET|PASSWORD|TOKEN|API_?KEY|ACCESS_?KEY|CREDENTIAL)/i;

function sqsEncryption(template: Template): string[] {
  return resourcesOfType(template, 'AWS::SQS::Queue')
    .filter(([, queue]) => propertiesOf(queue).SqsManagedSseEnabled !== true && propertiesOf(queue).KmsMasterKeyId === undefined)
    .map(([id]) => `${id} is not encrypted at rest.`);
}

function lambdaNotPublic(template: Template): string[] {
  const problems: string[] = [];
  for (const [id, permission] of resourcesOfType(template, 'AWS::Lambda::Permission')) {
    const p = propertiesOf(permission) as Dict;
    if (p.Principal === '*' || (p.SourceArn === undefined && p.SourceAccount === undefined)) problems.push(`${id} lets anyone invoke a function.`);
  }
  for (const [id] of resourcesOfType(template, 'AWS::Lambda::Url')) problems.push(`${id} exposes a function URL.`);
  return problems;
}

/** No environment variable carries a credential, neither by name nor by reference to a NoEcho parameter. */
function noSecretsInEnvironment(template: Template): string[] {
  const problems: string[] = [];
  const noEcho = new Set(Object.entries(template.Parameters ?? {}).filter(([, spec]) => spec.NoEcho === true).map(([name]) => name));
  for (const [id, fn] of resourcesOfType(template, 'AWS::Lambda::Function')) {
    const variables = ((propertiesOf(fn) as Dict).Environment?.Variables ?? {}) as Dict;
    for (const [name, value] of Object.entries(variables)) {
      if (SECRET_NAME.test(name)) problems.push(`${id} has an environment variable named like a secret: ${name}.`);
      const text = JSON.stringify(value);
      for (const parameter of noEcho) if (text.includes(`"${parameter}"`) || text.includes(`\${${parameter}}`)) problems.push(`${id} ${name} holds NoEcho ${parameter}.`);
    }
  }
  return problems;
}

function deliveryStreamEncrypted(template: Template): string[] {
  return resourcesOfType(template, 'AWS::KinesisFirehose::DeliveryStream')
    .filter(([, stream]) => (propertiesOf(stream) as Dict).DeliveryStreamEncryptionConfigurationInput?.KeyType === undefined)
    .map(([id]) => `${id} does not encrypt records at rest.`);
}

function topicNotes(template: Template): string[] {
  return resourcesOfType(template, 'AWS::SNS::Topic')
    .filter(([, topic]) => propertiesOf(topic).KmsMasterKeyId === undefined)
    .map(([id]) => `${id} is not KMS-encrypted (deliberate: CloudWatch alarms cannot publish to an aws/sns-encrypted topic).`);
}

describeWithTool('sam-translator', 'security rules (SAM-expanded template)', () => {
  let template: Template;
  beforeAll(() => {
    template = expandedTemplate();
  });

  test('S3: encryption, public access blocked, TLS only', () => {
    expect(checkBuckets(template)).toEqual([]);
  });

  test('SQS: server-side encryption', () => {
    expect(sqsEncryption(template)).toEqual([]);
  });

  test('Firehose: records encrypted at rest', () => {
    expect(deliveryStreamEncrypted(template)).toEqual([]);
  });

  test('SNS: topic encryption is optional and noted', () => {
    const notes = topicNotes(template);
    if (notes.length > 0) process.stderr.write(`security-rules NOTE: ${notes.join(' ')}\n`);
    expect(notes).toEqual(['AlarmTopic is not KMS-encrypted (deliberate: CloudWatch alarms cannot publish to an aws/sns-encrypted topic).']);
  });

  test('Lambda: no public invoke permission or function URL', () => {
    expect(lambdaNotPublic(template)).toEqual([]);
  });

  test('IAM: no wildcard actions', () => {
    expect(checkNoWildcardActions(template)).toEqual([]);
  });

  test('Logs: every log group has a retention', () => {
    expect(checkLogging(template)).toEqual([]);
  });

  test('Lambda: no secrets in environment variables', () => {
    expect(noSecretsInEnvironment(template)).toEqual([]);
  });

  describe('the rules bite', () => {
    test('an unencrypted queue, a public permission and a key in the environment are reported', () => {
      // Prepare
      const broken = mutable(template);
      delete broken.Resources.RuleDeadLetterQueue!.Properties.SqsManagedSseEnabled;
      broken.Resources.OpenInvoke = { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: 'x', Principal: '*' } };
      broken.Resources.TransformFunction!.Properties.Environment.Variables.OPENOBSERVE_KEY = { Ref: 'OpenObserveAccessKey' };

      // Act / Assess
      expect(sqsEncryption(broken)).toHaveLength(1);
      expect(lambdaNotPublic(broken)).toHaveLength(1);
      expect(noSecretsInEnvironment(broken)).toEqual(['TransformFunction OPENOBSERVE_KEY holds NoEcho OpenObserveAccessKey.']);
    });
  });
});
