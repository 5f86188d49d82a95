import { compileEventPattern } from '../../../cli/replay/event-pattern';
import type { Template } from '../../../cli/template/load-template';
import { contextFor, type ParameterValues, resolveIfs } from './evaluate';
import { propertiesOf } from './walk';

/**
 * What CognitoEventsRule delivers for given parameter values, modelled on EventBridge's documentation:
 * the event must match the pattern (the project's EventBridge pattern matcher), and a rule in state ENABLED
 * "matches events against the rule, except for read-only AWS management events delivered through
 * CloudTrail" (EventBridge User Guide, "Receiving read-only management events from AWS services"), which
 * here means any CloudTrail management record with `readOnly: true`, API call or service event alike.
 * ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS matches them too; DISABLED matches nothing.
 */
export interface DeployedRule {
  readonly state: string;
  readonly pattern: unknown;
  delivers(event: Record<string, unknown>): boolean;
}

const REQUIRED: ParameterValues = { OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: 'dXNlcjpwYXNz' };

function isReadOnlyManagementEvent(event: Record<string, unknown>): boolean {
  const detail = event.detail as Record<string, unknown> | undefined;
  return detail?.readOnly === true && detail.eventCategory !== 'Data' && detail.managementEvent !== false;
}

export function deployedRule(template: Template, given: ParameterValues = {}): DeployedRule {
  const ctx = contextFor(template, { ...REQUIRED, ...given });
  const properties = resolveIfs(propertiesOf(template.Resources.CognitoEventsRule), ctx) as { EventPattern?: unknown; State?: unknown };
  const state = String(properties.State ?? 'ENABLED');
  const compiled = compileEventPattern(properties.EventPattern);
  if (!compiled.ok) throw new Error(`CognitoEventsRule's pattern is invalid: ${compiled.reason}`);
  return {
    state,
    pattern: properties.EventPattern,
    delivers: (event) => {
      if (state === 'DISABLED' || !compiled.matches(event)) return false;
      return state === 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS' || !isReadOnlyManagementEvent(event);
    },
  };
}
