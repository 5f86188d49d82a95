import type { Template } from '../../../cli/template/load-template';
import { contextFor, exists, type ParameterValues, resolveIfs } from './evaluate';
import { asArray, getAtt, policyStatements, propertiesOf, refName, resourcesOfType } from './walk';

/**
 * Organization checks: the central stack's organization bus and its policy, the member stack's rule and
 * its cross-account target, and the parity between the two templates. Each returns a list of problems.
 */

// biome-ignore lint/suspicious/noExplicitAny: template data is read by path; each check reports what is missing instead of typing CloudFormation
type Dict = Record<string, any>;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function isWildcardPrincipal(principal: unknown): boolean {
  return principal === '*' || same(principal, { AWS: '*' }) || same(principal, { AWS: ['*'] });
}

/** The policy statements that apply to `bus`: its own `Policy` and every AWS::Events::EventBusPolicy naming it. */
function busStatements(template: Template, bus: string) {
  return policyStatements(template).filter(
    (s) =>
      (s.holder === bus && s.where.startsWith('Policy')) ||
      (s.holderType === 'AWS::Events::EventBusPolicy' && refName(propertiesOf(template.Resources[s.holder]).EventBusName) === bus),
  );
}

/**
 * Every event bus admits `events:PutEvents` on itself only, and only from principals of the organization
 * the `OrganizationId` parameter names (`aws:PrincipalOrgID`). Nothing else is allowed: no other action,
 * no named account, no principal without the organization condition.
 */
export function checkBusPolicyAdmitsOnlyOrganization(template: Template): string[] {
  const buses = resourcesOfType(template, 'AWS::Events::EventBus');
  if (buses.length === 0) return ['The template has no event bus.'];
  const problems: string[] = [];
  for (const [, policy] of resourcesOfType(template, 'AWS::Events::EventBusPolicy')) {
    const p = propertiesOf(policy);
    if (p.Principal !== undefined || p.Action !== undefined || p.Condition !== undefined) {
      problems.push('An EventBusPolicy uses the legacy Principal/Action/Condition properties; give a Statement.');
    }
  }
  for (const [bus, resource] of buses) {
    const statements = busStatements(template, bus);
    const allows = statements.filter((s) => s.statement.Effect === 'Allow');
    if (allows.length === 0) problems.push(`${bus} has no policy statement: no member account could put events on it.`);
    for (const { holder, statement } of allows) {
      const where = `${holder} (${bus})`;
      if (!same(asArray(statement.Action), ['events:PutEvents'])) problems.push(`${where} allows ${JSON.stringify(statement.Action)}; allow events:PutEvents only.`);
      if (statement.NotAction !== undefined || statement.NotPrincipal !== undefined) problems.push(`${where} uses NotAction or NotPrincipal.`);
      const resources = asArray(statement.Resource);
      if (resources.length !== 1 || !same(getAtt(resources[0]), [bus, 'Arn'])) problems.push(`${where} is not limited to the ARN of ${bus}.`);
      if (!isWildcardPrincipal(statement.Principal)) {
        problems.push(`${where} admits ${JSON.stringify(statement.Principal)} by name; admit the organization with aws:PrincipalOrgID instead.`);
        continue;
      }
      const condition = (statement.Condition ?? {}) as Dict;
      if (!same(condition.StringEquals?.['aws:PrincipalOrgID'], { Ref: 'OrganizationId' })) {
        problems.push(`${where} admits any principal without StringEquals aws:PrincipalOrgID = !Ref OrganizationId.`);
      }
    }
    for (const id of [bus, ...new Set(statements.map((s) => s.holder))]) {
      if (template.Resources[id]?.Condition !== resource.Condition) problems.push(`${id} does not share the Condition of ${bus}.`);
    }
  }
  return problems;
}

/** A rule of a template, for given parameter values. */
export interface RuleSide {
  readonly template: Template;
  readonly rule: string;
  readonly given: ParameterValues;
}

/** The rule's EventPattern and State as CloudFormation would deploy them for `side.given`. */
export function deployedRule(side: RuleSide): { exists: boolean; pattern: unknown; state: unknown } {
  const ctx = contextFor(side.template, side.given);
  const resource = side.template.Resources[side.rule];
  if (resource === undefined) return { exists: false, pattern: undefined, state: undefined };
  const p = propertiesOf(resource);
  return {
    exists: exists(resource as { Condition?: unknown }, ctx),
    pattern: resolveIfs(p.EventPattern, ctx),
    state: p.State === undefined ? 'ENABLED' : resolveIfs(p.State, ctx),
  };
}

/** Both rules exist and match the same events: equal EventPattern and equal State (read-only events in or out). */
export function checkSameRule(left: RuleSide, right: RuleSide): string[] {
  const a = deployedRule(left);
  const b = deployedRule(right);
  const label = `${left.rule} and ${right.rule} with ${JSON.stringify({ ...left.given, ...right.given })}`;
  const problems: string[] = [];
  if (!a.exists || !b.exists) problems.push(`${label}: ${!a.exists ? left.rule : right.rule} does not exist.`);
  if (!same(a.pattern, b.pattern)) problems.push(`${label}: the event patterns differ: ${JSON.stringify(a.pattern)} vs ${JSON.stringify(b.pattern)}.`);
  if (!same(a.state, b.state)) problems.push(`${label}: the states differ: ${JSON.stringify(a.state)} vs ${JSON.stringify(b.state)}.`);
  return problems;
}

/** A target ARN that is not a resource of this template: a parameter or a literal, so possibly another account or region. */
function isForeignTarget(arn: unknown, template: Template): boolean {
  const target = getAtt(arn);
  if (target !== undefined) return template.Resources[target[0]] === undefined;
  const ref = refName(arn);
  return ref === undefined || template.Resources[ref] === undefined;
}

function isEventBusArn(arn: unknown, template: Template): boolean {
  if (typeof arn === 'string') return arn.includes(':event-bus/');
  const ref = refName(arn);
  const pattern = ref === undefined ? undefined : template.Parameters?.[ref]?.AllowedPattern;
  return typeof pattern === 'string' && pattern.includes(':event-bus/');
}

/**
 * Every rule target has a role (trusted by EventBridge alone), a retry policy and a dead-letter queue of
 * this stack. A target in another account or region (a parameter or literal ARN) gets a role that may do
 * one thing: events:PutEvents on exactly that ARN (least privilege; EventBridge needs the role for a bus
 * in another account or region).
 */
export function checkRuleTargets(template: Template): string[] {
  const problems: string[] = [];
  const statements = policyStatements(template);
  for (const [rule, resource] of resourcesOfType(template, 'AWS::Events::Rule')) {
    const targets = asArray(propertiesOf(resource).Targets) as Dict[];
    if (targets.length === 0) problems.push(`${rule} has no target.`);
    for (const target of targets) {
      const where = `${rule} target ${String(target.Id)}`;
      const role = getAtt(target.RoleArn);
      const queue = getAtt(target.DeadLetterConfig?.Arn);
      if (role === undefined || role[1] !== 'Arn' || template.Resources[role[0]]?.Type !== 'AWS::IAM::Role') {
        problems.push(`${where} has no RoleArn of a role of this stack.`);
        continue;
      }
      if (queue === undefined || queue[1] !== 'Arn' || template.Resources[queue[0]]?.Type !== 'AWS::SQS::Queue') problems.push(`${where} has no dead-letter queue of this stack.`);
      if (target.RetryPolicy === undefined) problems.push(`${where} has no RetryPolicy.`);
      const own = statements.filter((s) => s.holder === role[0]);
      const trust = own.filter((s) => s.where.startsWith('AssumeRole'));
      if (trust.length === 0 || !trust.every((s) => same(s.statement.Principal, { Service: 'events.amazonaws.com' }))) {
        problems.push(`${role[0]} is not trusted by events.amazonaws.com alone.`);
      }
      if (!isForeignTarget(target.Arn, template)) continue;
      const grants = own.filter((s) => !s.where.startsWith('AssumeRole') && s.statement.Effect === 'Allow');
      const wanted = isEventBusArn(target.Arn, template) ? 'events:PutEvents' : undefined;
      if (wanted === undefined) problems.push(`${where} points outside the stack at something that is not an event bus.`);
      const exact = grants.length === 1 && same(asArray(grants[0]?.statement.Action), [wanted]) && same(asArray(grants[0]?.statement.Resource), [target.Arn]);
      if (!exact) problems.push(`${role[0]} must allow exactly ${wanted ?? '?'} on ${JSON.stringify(target.Arn)} and nothing else.`);
    }
  }
  return problems;
}

/** The member template's switches are the central template's: same type, default and allowed values. */
export function checkSwitchParity(central: Template, member: Template, names: readonly string[]): string[] {
  const problems: string[] = [];
  for (const name of names) {
    const a = central.Parameters?.[name];
    const b = member.Parameters?.[name];
    if (a === undefined || b === undefined) {
      problems.push(`${name} is missing from the ${a === undefined ? 'central' : 'member'} template.`);
      continue;
    }
    for (const key of ['Type', 'Default', 'AllowedValues', 'MinValue', 'MaxValue', 'AllowedPattern']) {
      if (!same(a[key], b[key])) problems.push(`${name}.${key} differs: ${JSON.stringify(a[key])} centrally, ${JSON.stringify(b[key])} in the member template.`);
    }
  }
  return problems;
}

/**
 * The member template's resources `ids` (and the conditions they use) are the central template's, key for
 * key, once `normalise` has mapped each side's deliberate differences to one form.
 */
export function checkResourcesMirrored(
  central: Template,
  member: Template,
  ids: readonly string[],
  normalise: (value: unknown) => unknown = (value) => value,
): string[] {
  const problems: string[] = [];
  for (const id of ids) {
    if (!same(normalise(central.Resources[id]), normalise(member.Resources[id]))) problems.push(`${id} differs between template.yaml and member/template.yaml; copy the central one.`);
    const condition = central.Resources[id]?.Condition;
    if (typeof condition === 'string' && !same(central.Conditions?.[condition], member.Conditions?.[condition])) {
      problems.push(`Condition ${condition} of ${id} differs between the templates.`);
    }
  }
  return problems;
}

/** What stands for the trail's name once {@link sameTrailName} has replaced each template's way of making it. */
export const TRAIL_NAME = '<trail name>';

/**
 * Replaces the trail's name by {@link TRAIL_NAME}: the central stack takes it from its endpoint check
 * (`!GetAtt EndpointCheck.TrailName`, `${EndpointCheck.TrailName}`), the member stack, which has no
 * function, from its stack id (`!Sub ['…o2-cognito-${StackUuid}', { StackUuid: … }]`). Everything else is
 * left as it is, so the two trails can be compared key for key.
 */
export function sameTrailName(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sameTrailName);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Dict;
  if (same(record, { 'Fn::GetAtt': ['EndpointCheck', 'TrailName'] })) return TRAIL_NAME;
  const sub = record['Fn::Sub'];
  if (typeof sub === 'string' && sub.includes('${EndpointCheck.TrailName}')) return { 'Fn::Sub': sub.split('${EndpointCheck.TrailName}').join(TRAIL_NAME) };
  if (Array.isArray(sub) && typeof sub[0] === 'string' && sub[0].includes('o2-cognito-${StackUuid}')) {
    const text = sub[0].split('o2-cognito-${StackUuid}').join(TRAIL_NAME);
    return text === TRAIL_NAME ? TRAIL_NAME : { 'Fn::Sub': text };
  }
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, sameTrailName(item)]));
}
