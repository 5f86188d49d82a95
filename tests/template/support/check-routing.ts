import type { Template } from '../../../cli/template/load-template';
import { sampleDeployments } from './deployments';
import { branches, contextFor, type EvaluationContext, exists, type ParameterValues, resolveIfs } from './evaluate';
import { asArray, getAtt, policyStatements, propertiesOf, resourcesOfType } from './walk';

/**
 * Routing checks: the EventBridge rule, its pattern, its target and its dead-letter queue. Each returns a
 * list of problems (empty = fine), so a test can also run it on a mutated template.
 */

// biome-ignore lint/suspicious/noExplicitAny: template data is read by path; each check reports what is missing instead of typing CloudFormation
type Dict = Record<string, any>;

function isGetAtt(value: unknown, id: string, attribute = 'Arn'): boolean {
  const target = getAtt(value);
  return target !== undefined && target[0] === id && target[1] === attribute;
}

const EVENT_PATTERN_KEYS = new Set(['source', 'detail-type', 'detail', 'account', 'region', 'resources', 'id', 'time', 'version', '$or']);

function leavesAreArrays(pattern: unknown, path: string, problems: string[]): void {
  for (const option of branches(pattern)) {
    if (typeof option !== 'object' || option === null || Array.isArray(option)) {
      problems.push(`Event pattern ${path} is not an object.`);
      continue;
    }
    for (const [key, value] of Object.entries(option)) {
      for (const branch of branches(value)) {
        if (Array.isArray(branch)) continue;
        if (typeof branch === 'object' && branch !== null) leavesAreArrays(branch, `${path}.${key}`, problems);
        else problems.push(`Event pattern ${path}.${key} is a scalar; EventBridge wants an array.`);
      }
    }
  }
}

export function checkEventPattern(template: Template): string[] {
  const rule = propertiesOf(template.Resources.CognitoEventsRule) as Dict;
  const pattern = rule.EventPattern as Dict | undefined;
  if (pattern === undefined) return ['CognitoEventsRule has no EventPattern.'];
  const problems: string[] = [];
  for (const key of Object.keys(pattern)) {
    if (!EVENT_PATTERN_KEYS.has(key)) problems.push(`Event pattern key '${key}' is not an EventBridge field (misspelt?).`);
  }
  leavesAreArrays(pattern, 'EventPattern', problems);
  const sources = branches(pattern.source).map((s) => asArray(s).map(String));
  if (!sources.every((s) => s.includes('aws.cognito-idp'))) problems.push('Some branch of source lacks aws.cognito-idp.');
  if (!sources.some((s) => s.includes('aws.cognito-identity'))) problems.push('No branch of source includes aws.cognito-identity.');
  const detailTypes = asArray(pattern['detail-type']).map(String);
  for (const wanted of ['AWS API Call via CloudTrail', 'AWS Service Event via CloudTrail']) {
    if (!detailTypes.includes(wanted)) problems.push(`detail-type lacks '${wanted}'.`);
  }
  // ENABLED would drop hosted-UI page views (read-only management events); the pattern filters instead.
  const states = branches(rule.State).map(String).sort();
  if (states.join() !== 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS') problems.push(`Rule State is ${states.join('|')}.`);
  if (rule.EventBusName !== undefined && rule.EventBusName !== 'default') problems.push('The rule is not on the default bus.');
  return problems;
}

export function checkRuleTarget(template: Template): string[] {
  const rule = propertiesOf(template.Resources.CognitoEventsRule) as Dict;
  const problems: string[] = [];
  if (rule.RoleArn !== undefined) problems.push('The rule has a RoleArn; EventBridge uses the role on the target for Firehose.');
  const targets = asArray(rule.Targets) as Dict[];
  const target = targets.find((t) => isGetAtt(t.Arn, 'DeliveryStream'));
  if (target === undefined) return [...problems, 'No rule target is the delivery stream.'];
  const role = getAtt(target.RoleArn)?.[0];
  if (role === undefined) return [...problems, 'The stream target has no RoleArn.'];
  const statements = policyStatements(template).filter((s) => s.holder === role);
  const trusts = statements.some((s) => s.where.startsWith('AssumeRole') && JSON.stringify(s.statement.Principal).includes('events.amazonaws.com'));
  if (!trusts) problems.push(`${role} is not trusted by events.amazonaws.com.`);
  const grants = statements.filter((s) => !s.where.startsWith('AssumeRole') && s.statement.Effect === 'Allow');
  for (const action of ['firehose:PutRecord', 'firehose:PutRecordBatch']) {
    const ok = grants.some((s) => asArray(s.statement.Action).includes(action) && asArray(s.statement.Resource).every((r) => isGetAtt(r, 'DeliveryStream')));
    if (!ok) problems.push(`${role} does not allow ${action} on the delivery stream only.`);
  }
  const retry = target.RetryPolicy as Dict | undefined;
  if (!retry) problems.push('The stream target has no RetryPolicy.');
  else {
    const age = Number(retry.MaximumEventAgeInSeconds);
    const attempts = Number(retry.MaximumRetryAttempts);
    if (!(age >= 60 && age <= 86400 && attempts >= 0 && attempts <= 185)) problems.push('RetryPolicy is out of bounds.');
  }
  if (!isGetAtt(target.DeadLetterConfig?.Arn, 'RuleDeadLetterQueue')) problems.push('The target has no DeadLetterConfig to RuleDeadLetterQueue.');
  return problems;
}

/**
 * The rules' dead-letter queue: a standard, encrypted queue whose policy lets EventBridge send only on
 * behalf of the rules that use it. Checked for each deployment in `deployments` (parameter values), since
 * which rules exist, and so which may send, depends on the parameters.
 */
export function checkDeadLetterQueue(template: Template, deployments: readonly ParameterValues[] = sampleDeployments(template)): string[] {
  const queue = template.Resources.RuleDeadLetterQueue;
  const properties = propertiesOf(queue) as Dict;
  const problems: string[] = [];
  if (queue?.Type !== 'AWS::SQS::Queue') return ['RuleDeadLetterQueue is missing.'];
  if (properties.FifoQueue === true || properties.FifoQueue === 'true') problems.push('The dead-letter queue is FIFO; EventBridge needs a standard queue.');
  if (properties.SqsManagedSseEnabled !== true && properties.KmsMasterKeyId === undefined) problems.push('The dead-letter queue is not encrypted.');
  const allow = policyStatements(template).find(
    (s) => s.holderType === 'AWS::SQS::QueuePolicy' && s.statement.Effect === 'Allow' && asArray(s.statement.Action).includes('sqs:SendMessage'),
  );
  if (!allow) return [...problems, 'No queue policy lets EventBridge send to the dead-letter queue.'];
  if (JSON.stringify(allow.statement.Principal) !== JSON.stringify({ Service: 'events.amazonaws.com' })) problems.push('The queue policy principal is not events.amazonaws.com.');
  for (const given of deployments) {
    const ctx = contextFor(template, given);
    const users = rulesDeadLetteringTo('RuleDeadLetterQueue', template, ctx);
    const condition = resolveIfs(allow.statement.Condition, ctx) as Dict | undefined;
    const sources = asArray(condition?.ArnEquals?.['aws:SourceArn']).map((arn) => {
      const target = getAtt(arn);
      return target?.[1] === 'Arn' ? target[0] : JSON.stringify(arn);
    });
    const label = describe(given);
    if (users.length === 0) problems.push(`${label}: no rule uses RuleDeadLetterQueue.`);
    if (JSON.stringify([...sources].sort()) !== JSON.stringify([...users].sort())) {
      problems.push(`${label}: the queue policy admits aws:SourceArn [${sources.join(', ')}], but the rules that dead-letter to it are [${users.join(', ')}].`);
    }
  }
  return problems;
}

/** The rules (existing for `ctx`) that have a target whose DeadLetterConfig is `queue`. */
export function rulesDeadLetteringTo(queue: string, template: Template, ctx: EvaluationContext): string[] {
  return resourcesOfType(template, 'AWS::Events::Rule')
    .filter(([, rule]) => exists(rule as { Condition?: unknown }, ctx))
    .filter(([, rule]) => (asArray(propertiesOf(rule).Targets) as Dict[]).some((target) => isGetAtt(target.DeadLetterConfig?.Arn, queue)))
    .map(([id]) => id);
}

function describe(given: ParameterValues): string {
  const shown = Object.entries(given).filter(([name]) => !/Url|AccessKey|Arn$/.test(name));
  return shown.length === 0 ? 'With the defaults' : `With ${shown.map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(' ')}`;
}
