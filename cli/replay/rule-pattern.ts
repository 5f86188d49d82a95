/**
 * The stack's EventBridge rule, read from template.yaml for the chosen parameter values: its
 * `EventPattern` and its `State`, which decides whether read-only CloudTrail management events reach it
 * (`ENABLED` drops them, `ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS` keeps them:
 * docs/reference/aws-contracts.md#eventbridge-and-cloudtrail).
 * Intrinsics (`Fn::If`, Conditions, `Ref`, `AWS::NoValue`) are resolved with the same resolver as `invoke`.
 */
import type { Template } from '../template/load-template';
import { intrinsicResolver } from '../template/resolve-intrinsics';
import { buildSymbolTable, DEFAULT_REGION } from '../template/symbol-table';
import { RulePatternError } from './errors';
import { compileEventPattern } from './event-pattern';

/** The rule's logical id in template.yaml. */
export const RULE_LOGICAL_ID = 'CognitoEventsRule';

/** Rule states (AWS::Events::Rule `State`). */
export const RULE_STATES = ['ENABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS', 'DISABLED'] as const;
export type RuleState = (typeof RULE_STATES)[number];

const API_CALL_DETAIL_TYPE = 'AWS API Call via CloudTrail';

export interface RuleMatcher {
  readonly pattern: unknown;
  readonly state: RuleState;
  /** True when the deployed rule would deliver `event`. */
  matches(event: Record<string, unknown>): boolean;
}

/** A read-only CloudTrail API call: the only kind `ENABLED` leaves out. */
export function isReadOnlyApiCall(event: Record<string, unknown>): boolean {
  const detail = event.detail;
  return (
    event['detail-type'] === API_CALL_DETAIL_TYPE &&
    typeof detail === 'object' &&
    detail !== null &&
    'readOnly' in detail &&
    detail.readOnly === true
  );
}

/**
 * The rule `logicalId` of `template` with `overrides` applied (parameters not overridden take their
 * Default).
 * @throws RulePatternError when the rule is missing, its pattern cannot be resolved or is not a valid pattern.
 */
export function ruleMatcher(
  template: Template,
  overrides: ReadonlyMap<string, string>,
  logicalId: string = RULE_LOGICAL_ID,
): RuleMatcher {
  const rule = template.Resources[logicalId];
  if (rule === undefined || rule.Type !== 'AWS::Events::Rule') {
    throw new RulePatternError(`The template has no AWS::Events::Rule named ${logicalId}; point --template at the project template.yaml.`);
  }
  const resolver = intrinsicResolver({ template, symbols: buildSymbolTable(template, overrides, DEFAULT_REGION) });
  let pattern: unknown;
  let stateValue: unknown;
  try {
    pattern = resolver.resolve(rule.Properties?.EventPattern);
    stateValue = rule.Properties?.State === undefined ? 'ENABLED' : resolver.resolve(rule.Properties.State);
  } catch (error) {
    throw new RulePatternError(`${logicalId} cannot be resolved (${(error as Error).message}); check --parameter-overrides.`, { cause: error });
  }
  const state = RULE_STATES.find((known) => known === stateValue);
  if (state === undefined) {
    throw new RulePatternError(`${logicalId} has State ${JSON.stringify(stateValue)}; the template should give one of ${RULE_STATES.join(', ')}.`);
  }
  const compiled = compileEventPattern(pattern);
  if (!compiled.ok) throw new RulePatternError(`The EventPattern of ${logicalId} is invalid: ${compiled.reason}.`);
  const keepReadOnly = state === 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
  return {
    pattern,
    state,
    // A DISABLED rule delivers nothing, and neither does a replay of it.
    matches: (event) => state !== 'DISABLED' && compiled.matches(event) && (keepReadOnly || !isReadOnlyApiCall(event)),
  };
}
