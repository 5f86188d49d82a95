import type { Template } from '../../../cli/template/load-template';
import { asArray, getAtt, propertiesOf, refName, resourcesOfType } from './walk';

/** Alarms, notifications, dashboard and outputs. Each check returns a list of problems. */

// biome-ignore lint/suspicious/noExplicitAny: template data is read by path; each check reports what is missing instead of typing CloudFormation
type Dict = Record<string, any>;

/** Metrics that must each have an alarm: [namespace, metric]. */
export const REQUIRED_ALARMS: readonly (readonly [string, string])[] = [
  ['AWS/Firehose', 'DeliveryToHttpEndpoint.Success'],
  ['AWS/Firehose', 'DeliveryToHttpEndpoint.DataFreshness'],
  // The S3 backup. Amazon Data Firehose Developer Guide, "Monitor ... with CloudWatch metrics", CloudWatch
  // metrics for data delivery: for destinations that back up failed data to S3 (OpenSearch, Splunk),
  // DeliveryToS3.Success is emitted whether backup is enabled for failed documents only or for all of them,
  // while BackupToS3.* appear only when all data is backed up (Splunk, Snowflake) or for S3/Redshift
  // destinations with transformation (Direct PUT section). The HTTP-endpoint section names no S3 metric.
  ['AWS/Firehose', 'DeliveryToS3.Success'],
  ['AWS/Firehose', 'ExecuteProcessing.Success'],
  ['AWS/Lambda', 'Errors'],
  ['AWS/Events', 'FailedInvocations'],
  ['AWS/SQS', 'ApproximateNumberOfMessagesVisible'],
];

/** `{ 'Fn::Select': [1, { 'Fn::Split': ['|', { Ref: X }] }] }` → X, else undefined. */
function ruleNameOfBusRule(value: unknown): string | undefined {
  const select = (value as Dict | null)?.['Fn::Select'];
  if (!Array.isArray(select) || Number(select[0]) !== 1) return undefined;
  const split = (select[1] as Dict | null)?.['Fn::Split'];
  return Array.isArray(split) && split[0] === '|' ? refName(split[1]) : undefined;
}

function eventBusOf(rule: string, template: Template): unknown {
  const bus = propertiesOf(template.Resources[rule]).EventBusName;
  return bus === undefined || bus === 'default' ? undefined : bus;
}

/**
 * A rule's metrics carry RuleName alone on the default bus, and EventBusName plus RuleName on a custom
 * bus. Ref of a rule on a custom bus is "bus|rule", so its RuleName must be the part after the bar.
 */
function ruleDimensionProblem(id: string, value: unknown, dimensions: Dict[], template: Template): string | undefined {
  const plain = refName(value);
  const onBus = ruleNameOfBusRule(value);
  const rule = plain ?? onBus;
  if (rule === undefined || template.Resources[rule]?.Type !== 'AWS::Events::Rule') return `${id}: RuleName must name a rule of this stack.`;
  const bus = eventBusOf(rule, template);
  if (bus === undefined) return plain !== undefined ? undefined : `${id}: ${rule} is on the default bus; its RuleName is !Ref ${rule}.`;
  if (plain !== undefined) return `${id}: !Ref ${rule} is "bus|rule" on a custom bus; use !Select [1, !Split ['|', !Ref ${rule}]].`;
  const busDimension = dimensions.find((dimension) => dimension.Name === 'EventBusName');
  return JSON.stringify(busDimension?.Value) === JSON.stringify(bus) ? undefined : `${id}: a rule on a custom bus needs the EventBusName dimension ${JSON.stringify(bus)}.`;
}

/** What each dimension must be bound to, per namespace, so the alarm watches this stack's resource. */
function dimensionProblem(id: string, namespace: string, dimension: Dict, dimensions: Dict[], template: Template): string | undefined {
  const { Name: name, Value: value } = dimension;
  if (namespace === 'AWS/SQS' && name === 'QueueName') {
    const target = getAtt(value);
    return target?.[1] === 'QueueName' ? undefined : `${id}: the SQS QueueName dimension must be !GetAtt <Queue>.QueueName (a Ref is the URL).`;
  }
  if (name === 'RuleName') return ruleDimensionProblem(id, value, dimensions, template);
  if (name === 'DeliveryStreamName' || name === 'FunctionName' || name === 'EventBusName') {
    const ref = refName(value);
    return ref !== undefined && template.Resources[ref] !== undefined ? undefined : `${id}: ${String(name)} must be !Ref of a resource of this stack.`;
  }
  return undefined;
}

export function checkAlarms(template: Template, requiredAlarms: readonly (readonly [string, string])[] = REQUIRED_ALARMS): string[] {
  const problems: string[] = [];
  const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm');
  for (const [id, resource] of alarms) {
    const p = propertiesOf(resource) as Dict;
    const period = Number(p.Period);
    if (p.Metrics === undefined && !(period === 10 || period === 30 || (period >= 60 && period % 60 === 0))) {
      problems.push(`${id} has no valid Period (10, 30 or a multiple of 60 seconds).`);
    }
    if (p.EvaluationPeriods === undefined || p.Threshold === undefined || p.ComparisonOperator === undefined) problems.push(`${id} is incomplete.`);
    if (!asArray(p.AlarmActions).some((action) => refName(action) === 'AlarmTopic')) problems.push(`${id} does not notify AlarmTopic.`);
    if (p.TreatMissingData !== 'notBreaching') problems.push(`${id} would alarm when the pipeline is idle (TreatMissingData).`);
    const dimensions = [
      ...(asArray(p.Dimensions) as Dict[]).map((dimension) => ({ namespace: String(p.Namespace), dimension, all: asArray(p.Dimensions) as Dict[] })),
      // A metric-math alarm: the dimensions of each metric it reads.
      ...(asArray(p.Metrics) as Dict[])
        .map((query) => query.MetricStat?.Metric as Dict | undefined)
        .filter((metric): metric is Dict => metric !== undefined)
        .flatMap((metric) => (asArray(metric.Dimensions) as Dict[]).map((dimension) => ({ namespace: String(metric.Namespace), dimension, all: asArray(metric.Dimensions) as Dict[] }))),
    ];
    for (const { namespace, dimension, all } of dimensions) {
      const problem = dimensionProblem(id, namespace, dimension, all, template);
      if (problem) problems.push(problem);
    }
  }
  for (const [namespace, metric] of requiredAlarms) {
    const found = alarms.some(([, r]) => propertiesOf(r).Namespace === namespace && propertiesOf(r).MetricName === metric);
    if (!found) problems.push(`No alarm on ${namespace} ${metric}.`);
  }
  return problems;
}

export function checkSubscriptions(template: Template): string[] {
  const allowed = new Set(['http', 'https', 'email', 'email-json', 'sms', 'sqs', 'application', 'lambda', 'firehose']);
  return resourcesOfType(template, 'AWS::SNS::Subscription')
    .filter(([, resource]) => !allowed.has(String(propertiesOf(resource).Protocol)))
    .map(([id, resource]) => `${id} Protocol ${String(propertiesOf(resource).Protocol)} is not a lowercase SNS protocol.`);
}

const PSEUDO = new Set(['AWS::Region', 'AWS::AccountId', 'AWS::Partition', 'AWS::StackName', 'AWS::URLSuffix', 'AWS::StackId']);

/** Replaces each `${X}` / `${X.Attr}` of a Fn::Sub string with a plain placeholder, checking that X exists. */
export function substitute(text: string, template: Template, problems: string[]): string {
  return text.replace(/\$\{([^}!]+)\}/g, (_, name: string) => {
    const [id] = name.split('.');
    if (!PSEUDO.has(name) && template.Resources[id as string] === undefined && template.Parameters?.[id as string] === undefined) {
      problems.push(`\${${name}} names nothing in the template.`);
    }
    return `placeholder-${name.replace(/[^A-Za-z0-9]/g, '-')}`;
  });
}

/** Every dashboard body is valid JSON once !Sub has substituted its variables. */
export function checkDashboards(template: Template): string[] {
  const problems: string[] = [];
  for (const [id, resource] of resourcesOfType(template, 'AWS::CloudWatch::Dashboard')) {
    const body = propertiesOf(resource).DashboardBody as Dict | string;
    const text = typeof body === 'string' ? body : body?.['Fn::Sub'];
    if (typeof text !== 'string') {
      problems.push(`${id} DashboardBody is not a string or a Fn::Sub of one.`);
      continue;
    }
    try {
      const parsed = JSON.parse(substitute(text, template, problems)) as Dict;
      if (!Array.isArray(parsed.widgets) || parsed.widgets.length === 0) problems.push(`${id} has no widgets.`);
    } catch (error) {
      problems.push(`${id} DashboardBody is not valid JSON after substitution: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** [namespace, metric] of every row of every metric widget; CloudWatch's "." repeats the row above. */
export function dashboardMetrics(template: Template): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const [, resource] of resourcesOfType(template, 'AWS::CloudWatch::Dashboard')) {
    const body = propertiesOf(resource).DashboardBody as Dict | string;
    const text = typeof body === 'string' ? body : body?.['Fn::Sub'];
    if (typeof text !== 'string') continue;
    const parsed = JSON.parse(substitute(text, template, [])) as Dict;
    for (const widget of asArray(parsed.widgets) as Dict[]) {
      let previous: unknown[] = [];
      for (const row of asArray(widget.properties?.metrics) as unknown[][]) {
        const namespace = row[0] === '.' ? previous[0] : row[0];
        const metric = row[1] === '.' ? previous[1] : row[1];
        found.push([String(namespace), String(metric)]);
        previous = [namespace, metric];
      }
    }
  }
  return found;
}

/** The metrics an alarm reads: its own, or each metric of its metric-math `Metrics`. */
function alarmMetrics(resource: Parameters<typeof propertiesOf>[0]): string[] {
  const p = propertiesOf(resource) as Dict;
  if (p.Metrics === undefined) return [`${String(p.Namespace)} ${String(p.MetricName)}`];
  return (asArray(p.Metrics) as Dict[])
    .map((query) => query.MetricStat?.Metric as Dict | undefined)
    .filter((metric): metric is Dict => metric !== undefined)
    .map((metric) => `${String(metric.Namespace)} ${String(metric.MetricName)}`);
}

/** Every alarm's metric is drawn on the dashboard, so the graph behind an alarm is one click away. */
export function checkDashboardShowsAlarms(template: Template): string[] {
  const shown = new Set(dashboardMetrics(template).map(([namespace, metric]) => `${namespace} ${metric}`));
  return resourcesOfType(template, 'AWS::CloudWatch::Alarm')
    .flatMap(([id, resource]) => alarmMetrics(resource).map((metric) => [id, metric] as const))
    .filter(([, metric]) => !shown.has(metric))
    .map(([id, metric]) => `${id}'s metric ${metric} is not on the dashboard.`);
}

/** Outputs every stack user needs, each described, none exposing the access key. */
export const REQUIRED_OUTPUTS = [
  'DeliveryStreamName',
  'DeliveryStreamArn',
  'BackupBucketName',
  'EventsRuleName',
  'DeadLetterQueueUrl',
  'DashboardUrl',
  'OpenObserveStreamUrl',
] as const;

export function checkOutputs(template: Template, required: readonly string[] = REQUIRED_OUTPUTS): string[] {
  const outputs = (template.Outputs ?? {}) as Record<string, Dict>;
  const problems: string[] = [];
  for (const name of required) if (outputs[name] === undefined) problems.push(`Output ${name} is missing.`);
  for (const [name, output] of Object.entries(outputs)) {
    if (typeof output.Description !== 'string' || output.Description.length < 10) problems.push(`Output ${name} has no Description.`);
    if (/[<>]/.test(String(output.Description))) problems.push(`Output ${name}'s Description has '<' or '>', which the output table of docs/parameters.md would swallow.`);
    if (/OpenObserveAccessKey(?!SecretArn)/.test(JSON.stringify(output.Value))) problems.push(`Output ${name} exposes the access key.`);
  }
  return problems;
}
