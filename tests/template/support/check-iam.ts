import type { Template } from '../../../cli/template/load-template';
import { asArray, getAtt, policyDocuments, policyStatements, refName } from './walk';

/** IAM least-privilege checks. Each returns a list of problems. */

// biome-ignore lint/suspicious/noExplicitAny: template data is read by path; each check reports what is missing instead of typing CloudFormation
type Dict = Record<string, any>;

/**
 * The only actions that may be granted on Resource "*", each because AWS offers nothing narrower:
 * cloudtrail:DescribeTrails has no resource-level permissions, and the trail the endpoint check reads
 * (possibly an organization trail of another account) is unknown until it runs; the `*LogDelivery`
 * actions of CloudWatch Logs are permission-only actions without a resource type (Service Authorization
 * Reference, CloudWatch Logs), which Cognito's user activity log export uses on the caller's behalf.
 */
export const STAR_RESOURCE_ACTIONS: ReadonlySet<string> = new Set([
  'cloudtrail:DescribeTrails',
  'cloudtrail:GetTrailStatus',
  'cloudtrail:GetEventSelectors',
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
]);

/** Secret ARNs may come only from these parameters (full ARNs, per their AllowedPattern). */
const SECRET_ARN_PARAMETERS = new Set(['OpenObserveAccessKeySecretArn', 'PackCredentialsSecretArn']);

export function checkPolicyVersions(template: Template): string[] {
  return policyDocuments(template)
    .filter(({ document }) => document.Version !== '2012-10-17')
    .map(({ holder, where }) => `${holder} ${where} has no Version '2012-10-17' (without it, policy variables break).`);
}

/** No Allow statement grants a wildcard action (`s3:*`, `*`, `logs:Put*`) or uses NotAction. */
export function checkNoWildcardActions(template: Template): string[] {
  const problems: string[] = [];
  for (const { holder, where, statement } of policyStatements(template)) {
    if (statement.Effect !== 'Allow') continue;
    if (statement.NotAction !== undefined) problems.push(`${holder} ${where} uses NotAction.`);
    for (const action of asArray(statement.Action)) {
      if (typeof action !== 'string' || action.includes('*')) problems.push(`${holder} ${where} allows ${JSON.stringify(action)}.`);
    }
  }
  return problems;
}

/**
 * The prefix and the list parameter of `!Split [',', !Join ['', [PREFIX, !Join [',PREFIX', !Ref LIST]]]]`:
 * one ARN per member of a CommaDelimitedList parameter (Fn::Join takes no intrinsic function as its delimiter,
 * so this is how a template writes an ARN per listed id).
 */
export function listedArns(value: unknown): { prefix: string; parameter: string } | undefined {
  const split = (value as Dict | null)?.['Fn::Split'];
  if (!Array.isArray(split) || split[0] !== ',') return undefined;
  const outer = (split[1] as Dict | null)?.['Fn::Join'];
  if (!Array.isArray(outer) || outer[0] !== '' || !Array.isArray(outer[1]) || outer[1].length !== 2) return undefined;
  const [prefix, rest] = outer[1] as [unknown, unknown];
  const inner = (rest as Dict | null)?.['Fn::Join'];
  if (typeof prefix !== 'string' || !Array.isArray(inner) || inner[0] !== `,${prefix}`) return undefined;
  const parameter = refName(inner[1]);
  return parameter === undefined ? undefined : { prefix, parameter };
}

/**
 * A list of ARNs, one per member of a list parameter, that names each resource exactly: an `arn:` prefix that
 * ends in its resource type and `/`, wildcards only in the partition, region and account segments, and a
 * CommaDelimitedList parameter whose AllowedPattern refuses IAM's wildcards (`*`, `?`) and a path (`/`).
 */
function isListedArns(value: unknown, template: Template): boolean {
  const listed = listedArns(value);
  if (listed === undefined) return false;
  const parameter = template.Parameters?.[listed.parameter];
  const pattern = parameter?.AllowedPattern;
  return (
    /^arn:[^:]*:[a-z0-9-]+:[^:]*:[^:]*:[a-z-]+\/$/.test(listed.prefix) &&
    parameter?.Type === 'CommaDelimitedList' &&
    typeof pattern === 'string' &&
    !['*', '?', 'eu-west-1_*', 'eu-west-1_Ab12?', 'eu-west-1_Ab12/x'].some((member) => new RegExp(pattern).test(member))
  );
}

/** An ARN-shaped IAM Resource: a GetAtt .Arn, a Sub starting `arn:` or `${X.Arn}`, a full-ARN parameter, or a listed-ARN list. */
function isArnValue(value: unknown, template: Template): boolean {
  if (typeof value === 'string') return value.startsWith('arn:');
  const target = getAtt(value);
  if (target) return target[1] === 'Arn';
  if (isListedArns(value, template)) return true;
  const subValue = (value as Dict | null)?.['Fn::Sub'];
  const sub = Array.isArray(subValue) ? subValue[0] : subValue;
  if (typeof sub === 'string') return sub.startsWith('arn:${AWS::Partition}:') || /^\$\{[A-Za-z0-9]+\.Arn\}/.test(sub);
  const ref = refName(value);
  if (ref === 'AWS::StackId') return true;
  if (ref !== undefined) {
    const pattern = template.Parameters?.[ref]?.AllowedPattern;
    return typeof pattern === 'string' && pattern.includes('arn:');
  }
  return false;
}

/** Identity policies: Resource "*" only for STAR_RESOURCE_ACTIONS; every other Resource an ARN. */
export function checkResourcesScoped(template: Template): string[] {
  const problems: string[] = [];
  for (const { holder, where, statement } of policyStatements(template)) {
    if (where.startsWith('AssumeRole') || statement.Effect !== 'Allow') continue;
    if (statement.NotResource !== undefined) problems.push(`${holder} ${where} uses NotResource.`);
    for (const resource of asArray(statement.Resource)) {
      if (resource === '*') {
        const wide = asArray(statement.Action).filter((action) => !STAR_RESOURCE_ACTIONS.has(String(action)));
        if (wide.length > 0) problems.push(`${holder} ${where} grants ${wide.join(', ')} on Resource "*".`);
      } else if (!isArnValue(resource, template)) {
        problems.push(`${holder} ${where} has a Resource that is not an ARN: ${JSON.stringify(resource)}.`);
      } else if (typeof resource === 'string' && resource.includes('*')) {
        problems.push(`${holder} ${where} has a wildcard Resource ${resource}.`);
      }
    }
  }
  return problems;
}

/** Secrets Manager reads name one of the secret parameters, nothing wider. */
export function checkSecretReads(template: Template): string[] {
  const problems: string[] = [];
  for (const { holder, where, statement } of policyStatements(template)) {
    if (!asArray(statement.Action).some((action) => String(action).startsWith('secretsmanager:'))) continue;
    if (asArray(statement.Action).some((action) => action !== 'secretsmanager:GetSecretValue')) {
      problems.push(`${holder} ${where} grants more than secretsmanager:GetSecretValue.`);
    }
    for (const resource of asArray(statement.Resource)) {
      if (!SECRET_ARN_PARAMETERS.has(refName(resource) ?? '')) problems.push(`${holder} ${where} reads a secret other than the configured one.`);
    }
  }
  return problems;
}

/** Roles of the custom resources' functions, which must recognise a rollback (cloudformation:DescribeStacks). */
export const ROLLBACK_AWARE_ROLES = ['EndpointCheckFunctionRole', 'PackInstallFunctionRole', 'UserActivityLogsFunctionRole'] as const;

/** DescribeStacks only on the stack itself (Ref AWS::StackId, the stack ARN), and by every custom resource's role. */
export function checkStackReads(template: Template): string[] {
  const problems: string[] = [];
  const holders = new Set<string>();
  for (const { holder, where, statement } of policyStatements(template)) {
    if (where.startsWith('AssumeRole') || statement.Effect !== 'Allow') continue;
    const actions = asArray(statement.Action).map(String);
    if (!actions.some((action) => action.startsWith('cloudformation:'))) continue;
    if (actions.some((action) => action !== 'cloudformation:DescribeStacks')) problems.push(`${holder} ${where} grants more CloudFormation than DescribeStacks.`);
    if (!asArray(statement.Resource).every((resource) => refName(resource) === 'AWS::StackId')) problems.push(`${holder} ${where} may describe stacks other than its own.`);
    holders.add(holder);
  }
  for (const role of ROLLBACK_AWARE_ROLES) {
    if (template.Resources[role] !== undefined && !holders.has(role)) problems.push(`${role} may not call cloudformation:DescribeStacks on its stack, so it cannot recognise a rollback.`);
  }
  return problems;
}

/**
 * The conditions each service documents against the confused deputy when it assumes a role or acts on a
 * resource policy. Firehose documents sts:ExternalId = the account ("Allow Firehose to assume an IAM role");
 * EventBridge sets aws:SourceArn (the rule) and aws:SourceAccount ("Using IAM policy conditions in Amazon
 * EventBridge"); CloudTrail documents aws:SourceArn on its bucket policy. Lambda execution roles have none:
 * Lambda assumes a role only for a function of this account that names it, which iam:PassRole guards.
 */
export const CONFUSED_DEPUTY_KEYS: Readonly<Record<string, readonly string[]>> = {
  'firehose.amazonaws.com': ['sts:ExternalId'],
  'events.amazonaws.com': ['aws:SourceArn', 'aws:SourceAccount'],
  'cloudtrail.amazonaws.com': ['aws:SourceArn'],
  'lambda.amazonaws.com': [],
};

/** Every Allow to a service principal (trust policies and resource policies) carries that service's conditions. */
export function checkConfusedDeputy(template: Template): string[] {
  const problems: string[] = [];
  for (const { holder, where, statement } of policyStatements(template)) {
    if (statement.Effect !== 'Allow') continue;
    for (const service of asArray((statement.Principal as Dict | undefined)?.Service).map(String)) {
      const wanted = CONFUSED_DEPUTY_KEYS[service];
      if (wanted === undefined) {
        problems.push(`${holder} ${where} trusts ${service}, whose confused-deputy conditions are not known here; add them to CONFUSED_DEPUTY_KEYS with their source.`);
        continue;
      }
      const present = new Set(Object.values((statement.Condition ?? {}) as Dict).flatMap((operator) => Object.keys((operator ?? {}) as Dict)));
      for (const key of wanted) if (!present.has(key)) problems.push(`${holder} ${where} lets ${service} in without ${key}.`);
    }
  }
  return problems;
}

/** Every role trusts exactly one AWS service, and only to assume it. */
export function checkTrustPolicies(template: Template): string[] {
  const problems: string[] = [];
  for (const { holder, where, statement } of policyStatements(template)) {
    if (!where.startsWith('AssumeRole')) continue;
    const services = asArray((statement.Principal as Dict | undefined)?.Service);
    if (services.length !== 1 || !String(services[0]).endsWith('.amazonaws.com')) problems.push(`${holder} trusts ${JSON.stringify(statement.Principal)}.`);
    if (JSON.stringify(asArray(statement.Action)) !== JSON.stringify(['sts:AssumeRole'])) problems.push(`${holder} trust grants ${JSON.stringify(statement.Action)}.`);
  }
  return problems;
}
