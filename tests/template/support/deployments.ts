import type { Template } from '../../../cli/template/load-template';
import { failedRules, type ParameterValues } from './evaluate';

/**
 * Parameter values for the deployments a template test should cover: every combination of the switches a
 * template has (the organization id, the identity-pool and read-only switches, the optional trail), on top
 * of values for the parameters a person must fill in. Combinations that the template's Rules refuse are
 * left out.
 */

/** A made-up organization id, in the form AWS Organizations gives them. */
export const ORGANIZATION_ID = 'o-a1b2c3d4e5';

/** The central stack's organization bus, as a member stack is given it (another account and region). */
export const CENTRAL_BUS_ARN = 'arn:aws:events:eu-west-1:111122223333:event-bus/o2-cognito-cognito-events';

/** Values for the parameters that have no default (plus one credential, which the main template's Rules want). */
const FILLED_IN: ParameterValues = {
  OpenObserveUrl: 'https://o2.example.com',
  OpenObserveAccessKey: 'a2V5',
  CentralEventBusArn: CENTRAL_BUS_ARN,
};

/** The switches and the values each takes, the default first. */
export const SWITCHES: Readonly<Record<string, readonly string[]>> = {
  OrganizationId: ['', ORGANIZATION_ID],
  IncludeIdentityPoolEvents: ['true', 'false'],
  IncludeReadOnlyEvents: ['false', 'true'],
  CreateTrail: ['false', 'true'],
};

/** The identity-pool and read-only switches: the ones a member stack must mirror. */
export const EVENT_SWITCHES = ['IncludeIdentityPoolEvents', 'IncludeReadOnlyEvents'] as const;

/** Every combination of `names` (those the template declares), each as parameter values. */
export function switchCombinations(template: Template, names: readonly string[] = Object.keys(SWITCHES)): ParameterValues[] {
  const declared = names.filter((name) => template.Parameters?.[name] !== undefined);
  let rows: Record<string, string>[] = [{}];
  for (const name of declared) rows = rows.flatMap((row) => (SWITCHES[name] ?? []).map((value) => ({ ...row, [name]: value })));
  return rows;
}

/** The filled-in parameters the template declares, with every switch combination; only those its Rules accept. */
export function sampleDeployments(template: Template, names?: readonly string[]): ParameterValues[] {
  const filled = Object.fromEntries(Object.entries(FILLED_IN).filter(([name]) => template.Parameters?.[name] !== undefined));
  return switchCombinations(template, names)
    .map((row) => ({ ...filled, ...row }))
    .filter((given) => failedRules(template, given).length === 0);
}
