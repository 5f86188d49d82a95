import type { Template } from '../../../cli/template/load-template';
import { asArray, dependsOn, getAtt, policyStatements, propertiesOf, refName, resourcesOfType } from './walk';

/** Storage, naming and logging hardening. Each check returns a list of problems. */

// biome-ignore lint/suspicious/noExplicitAny: template data is read by path; each check reports what is missing instead of typing CloudFormation
type Dict = Record<string, any>;

/** Properties that set a physical name; a literal there collides between two installs. */
export const NAME_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::S3::Bucket': ['BucketName'],
  'AWS::IAM::Role': ['RoleName'],
  'AWS::IAM::ManagedPolicy': ['ManagedPolicyName'],
  'AWS::SQS::Queue': ['QueueName'],
  'AWS::Lambda::Function': ['FunctionName'],
  'AWS::Serverless::Function': ['FunctionName'],
  'AWS::SNS::Topic': ['TopicName'],
  'AWS::KinesisFirehose::DeliveryStream': ['DeliveryStreamName'],
  'AWS::Logs::LogGroup': ['LogGroupName'],
  'AWS::Events::Rule': ['Name'],
  'AWS::Events::EventBus': ['Name'],
  'AWS::CloudWatch::Alarm': ['AlarmName'],
  'AWS::CloudWatch::Dashboard': ['DashboardName'],
  'AWS::CloudTrail::Trail': ['TrailName'],
};

/** Names derived from the stack name in code: the endpoint check answers the trail's (functions/endpoint-check/trail-name.ts). */
const DERIVED_NAME_ATTRIBUTES = new Set(['EndpointCheck.TrailName']);

/** The variables of a `Fn::Sub [text, { Var: … }]` whose value comes from the stack's id (a UUID part of it). */
function stackIdVariables(sub: unknown): string[] {
  if (!Array.isArray(sub) || typeof sub[1] !== 'object' || sub[1] === null) return [];
  return Object.entries(sub[1] as Dict)
    .filter(([, value]) => JSON.stringify(value).includes('{"Ref":"AWS::StackId"}'))
    .map(([name]) => name);
}

/** A name is fine when CloudFormation generates it or when it derives from the stack name or the stack id. */
export function checkNoHardcodedNames(template: Template): string[] {
  const problems: string[] = [];
  for (const [id, resource] of Object.entries(template.Resources)) {
    for (const property of NAME_PROPERTIES[resource.Type] ?? []) {
      const value = propertiesOf(resource)[property];
      if (value === undefined) continue;
      if (DERIVED_NAME_ATTRIBUTES.has(getAtt(value)?.join('.') ?? '')) continue;
      const sub = (value as Dict | null)?.['Fn::Sub'];
      const fromId = stackIdVariables(sub);
      const derived = (typeof sub === 'string' && sub.includes('${AWS::StackName}')) || (fromId.length > 0 && fromId.some((name) => String(sub[0]).includes(`\${${name}}`)));
      if (!derived) problems.push(`${id}.${property} is hard-coded (${JSON.stringify(value)}); leave it to CloudFormation or derive it from the stack name.`);
      // Unanchored service patterns reject characters such as ':' only at deploy time.
      const subText = typeof sub === 'string' ? sub : Array.isArray(sub) ? String(sub[0]) : undefined;
      const text = subText !== undefined ? subText.replace(/\$\{[^}]+\}/g, 'stack') : String(value);
      if (!/^[A-Za-z0-9._-]+$/.test(text)) problems.push(`${id}.${property} has characters some AWS names refuse: ${text}.`);
    }
  }
  return problems;
}

function statementsOnBucket(template: Template, bucket: string): Dict[] {
  return policyStatements(template)
    .filter((s) => s.holderType === 'AWS::S3::BucketPolicy' && refName(propertiesOf(template.Resources[s.holder]).Bucket) === bucket)
    .map((s) => s.statement);
}

function coversBucketAndObjects(resources: unknown[], bucket: string): boolean {
  const bucketArn = resources.some((r) => {
    const target = getAtt(r);
    return target?.[0] === bucket && target[1] === 'Arn';
  });
  const objectArn = resources.some((r) => (r as Dict | null)?.['Fn::Sub'] === `\${${bucket}.Arn}/*`);
  return bucketArn && objectArn;
}

function lifecycleDaysOk(value: unknown, template: Template): boolean {
  const name = refName(value);
  if (name !== undefined) return Number(template.Parameters?.[name]?.MinValue) >= 1;
  return Number(value) >= 1;
}

/** Encryption, public access, ownership, TLS-only (bucket and /* ARNs), retention and lifecycle. */
export function checkBuckets(template: Template): string[] {
  const problems: string[] = [];
  for (const [id, resource] of resourcesOfType(template, 'AWS::S3::Bucket')) {
    const p = propertiesOf(resource) as Dict;
    const sse = asArray(p.BucketEncryption?.ServerSideEncryptionConfiguration) as Dict[];
    if (!sse.some((rule) => ['AES256', 'aws:kms', 'aws:kms:dsse'].includes(rule.ServerSideEncryptionByDefault?.SSEAlgorithm))) {
      problems.push(`${id} has no default encryption.`);
    }
    const block = p.PublicAccessBlockConfiguration ?? {};
    for (const flag of ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets']) {
      if (block[flag] !== true) problems.push(`${id} does not set ${flag}.`);
    }
    const ownership = (asArray(p.OwnershipControls?.Rules) as Dict[]).map((rule) => rule.ObjectOwnership);
    if (!ownership.includes('BucketOwnerEnforced')) problems.push(`${id} does not enforce BucketOwnerEnforced.`);
    // Kept when the stack is deleted or the bucket replaced, but removed when the stack operation that created
    // it rolls back: a failed first deploy (the endpoint check fails those by design) leaves no empty buckets.
    if (resource.DeletionPolicy !== 'RetainExceptOnCreate' || resource.UpdateReplacePolicy !== 'Retain') {
      problems.push(`${id} is not DeletionPolicy RetainExceptOnCreate with UpdateReplacePolicy Retain.`);
    }
    const rules = (asArray(p.LifecycleConfiguration?.Rules) as Dict[]).filter((rule) => rule.Status === 'Enabled');
    if (!rules.some((rule) => rule.ExpirationInDays !== undefined)) problems.push(`${id} has no expiry rule.`);
    if (!rules.some((rule) => rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation !== undefined)) {
      problems.push(`${id} does not clean up incomplete uploads.`);
    }
    for (const rule of rules) {
      if (rule.ExpirationInDays !== undefined && !lifecycleDaysOk(rule.ExpirationInDays, template)) problems.push(`${id} expires objects after 0 days.`);
      const abortDays = rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation;
      if (abortDays !== undefined && !lifecycleDaysOk(abortDays, template)) problems.push(`${id} aborts uploads after 0 days.`);
    }
    const tlsDeny = statementsOnBucket(template, id).find(
      (s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false' && s.Principal === '*',
    );
    if (!tlsDeny) problems.push(`${id} has no TLS-only (aws:SecureTransport) deny statement.`);
    else if (!coversBucketAndObjects(asArray(tlsDeny.Resource), id)) problems.push(`${id}'s TLS-only deny does not cover both the bucket ARN and its /* object ARN.`);
  }
  return problems;
}

/** The trail waits for its bucket policy, and the policy is CloudTrail's own, scoped to this trail. */
export function checkTrail(template: Template): string[] {
  const trail = template.Resources.Trail;
  if (trail === undefined) return ['The Trail resource is missing.'];
  const problems: string[] = [];
  if (!dependsOn(trail).includes('TrailBucketPolicy')) problems.push('Trail does not DependsOn TrailBucketPolicy; CloudTrail would find no write permission.');
  if (!dependsOn(trail).includes('CognitoEventsRule')) {
    problems.push('Trail does not DependsOn CognitoEventsRule; a first deploy failing at the check or the stream could leave log files in the trail bucket, which then cannot be deleted.');
  }
  const bucket = refName(propertiesOf(trail).S3BucketName);
  if (bucket !== 'TrailBucket') problems.push('Trail does not write to TrailBucket.');
  for (const id of ['TrailBucket', 'TrailBucketPolicy']) {
    if (template.Resources[id]?.Condition !== trail.Condition) problems.push(`${id} does not share the trail's Condition.`);
  }
  if (propertiesOf(trail).IsLogging !== true) problems.push('Trail is not logging.');
  const statements = statementsOnBucket(template, 'TrailBucket').filter((s) => JSON.stringify(s.Principal).includes('cloudtrail.amazonaws.com'));
  for (const action of ['s3:GetBucketAcl', 's3:PutObject']) {
    const statement = statements.find((s) => asArray(s.Action).includes(action));
    if (!statement) problems.push(`The trail bucket policy does not grant CloudTrail ${action}.`);
    else if (statement.Condition?.StringEquals?.['aws:SourceArn'] === undefined) problems.push(`CloudTrail's ${action} is not scoped by aws:SourceArn.`);
  }
  const put = statements.find((s) => asArray(s.Action).includes('s3:PutObject'));
  if (put && put.Condition?.StringEquals?.['s3:x-amz-acl'] !== 'bucket-owner-full-control') problems.push('CloudTrail PutObject lacks s3:x-amz-acl.');
  if (put && !String(put.Resource?.['Fn::Sub'] ?? '').includes('/AWSLogs/${AWS::AccountId}/*')) problems.push('CloudTrail PutObject is not limited to AWSLogs/<account>/.');
  return problems;
}

/** Every log group keeps logs for a bounded time; every function logs JSON into its own log group. */
export function checkLogging(template: Template): string[] {
  const problems: string[] = [];
  const groups = new Set(resourcesOfType(template, 'AWS::Logs::LogGroup').map(([id]) => id));
  for (const id of groups) {
    if (propertiesOf(template.Resources[id]).RetentionInDays === undefined) problems.push(`${id} keeps logs forever (no RetentionInDays).`);
  }
  const functions = [...resourcesOfType(template, 'AWS::Lambda::Function'), ...resourcesOfType(template, 'AWS::Serverless::Function')];
  for (const [id, resource] of functions) {
    const logging = propertiesOf(resource).LoggingConfig as Dict | undefined;
    if (logging?.LogFormat !== 'JSON') problems.push(`${id} does not log JSON.`);
    const group = refName(logging?.LogGroup);
    if (group === undefined || !groups.has(group)) problems.push(`${id}'s LoggingConfig.LogGroup is not !Ref of a log group in the template.`);
    else if (template.Resources[group]?.Condition !== resource.Condition) problems.push(`${id} and ${group} have different Conditions.`);
  }
  return problems;
}
