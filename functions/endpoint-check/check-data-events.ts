import { GetEventSelectorsCommand, GetTrailStatusCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import { type Coverage, identityPoolCoverage, selectorsWithIdentityPoolEvents } from './event-selectors';
import { errorName, signalFor, type TrailApi, trailsCovering } from './trail-api';
import type { CheckResult } from './types';

/**
 * With an existing trail and IncludeIdentityPoolEvents 'true': does a logging trail of this region select the
 * identity-pool data events (GetId, GetCredentialsForIdentity…)? EventBridge receives data events only from
 * a trail that logs them. Never a failure — the user-pool events flow either way — but a warning that names
 * the exact command to turn them on.
 */

interface TrailSelection {
  readonly trail: Trail;
  readonly logging: boolean;
  readonly coverage: Coverage;
  readonly fix: string;
}

const MESSAGE_EVENTS = 'GetId, GetCredentialsForIdentity, GetOpenIdToken…';

/** A shell-safe single-quoted word. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The put-event-selectors command that adds the identity-pool selector and keeps what the trail logs now. */
function fixCommand(trail: Trail, selectors: Parameters<typeof selectorsWithIdentityPoolEvents>): string {
  const json = JSON.stringify(selectorsWithIdentityPoolEvents(...selectors));
  const region = trail.HomeRegion ? ` --region ${trail.HomeRegion}` : '';
  return `aws cloudtrail put-event-selectors${region} --trail-name ${shellQuote(trail.Name ?? trail.TrailARN ?? '')} --advanced-event-selectors ${shellQuote(json)}`;
}

async function selectionOf(api: TrailApi, trail: Trail): Promise<TrailSelection> {
  const id = trail.TrailARN ?? trail.Name;
  const options = { abortSignal: signalFor(api) };
  const status = await api.cloudTrail.send(new GetTrailStatusCommand({ Name: id }), options);
  const selectors = await api.cloudTrail.send(new GetEventSelectorsCommand({ TrailName: id }), options);
  const basic = selectors.EventSelectors ?? [];
  const advanced = selectors.AdvancedEventSelectors ?? [];
  return { trail, logging: status.IsLogging === true, coverage: identityPoolCoverage(basic, advanced), fix: fixCommand(trail, [basic, advanced]) };
}

const warned = (message: string): CheckResult => ({ id: 'data-events', status: 'warned', message });

export async function checkIdentityPoolDataEvents(api: TrailApi): Promise<CheckResult> {
  let trails: Trail[];
  try {
    trails = await trailsCovering(api);
  } catch (error) {
    return warned(`Could not list trails (${errorName(error)}), so it is unknown whether identity-pool data events (${MESSAGE_EVENTS}) are logged.`);
  }
  const selections: TrailSelection[] = [];
  const unreadable: string[] = [];
  for (const trail of trails) {
    try {
      selections.push(await selectionOf(api, trail));
    } catch (error) {
      unreadable.push(`'${trail.Name ?? '?'}' (${errorName(error)})`);
    }
  }
  const logging = selections.filter((s) => s.logging);
  const full = logging.find((s) => s.coverage === 'all');
  if (full) {
    return { id: 'data-events', status: 'passed', message: `Trail '${full.trail.Name}' logs the identity-pool data events (${MESSAGE_EVENTS}) of ${api.region}.` };
  }
  const partial = logging.find((s) => s.coverage === 'some');
  if (partial) {
    return warned(`Trail '${partial.trail.Name}' logs only some identity-pool data events (its selector narrows them by another field); to log all of them, run: ${partial.fix}`);
  }
  // Prefer a trail of this account that lives in this region: its selectors are changed there, by this account.
  const own = logging.filter((s) => s.trail.IsOrganizationTrail !== true);
  const candidate = own.find((s) => s.trail.HomeRegion === api.region) ?? own[0] ?? logging[0];
  if (candidate) {
    const where = candidate.trail.IsOrganizationTrail === true ? " (an organization trail: run it in the organization's management account)" : '';
    return warned(
      `No logging trail in ${api.region} selects identity-pool data events (${MESSAGE_EVENTS}), so they never reach EventBridge; ` +
        `to log them (billed per data event), run${where}: ${candidate.fix} — it replaces the trail's selectors with these, which keep what it logs now; or set IncludeIdentityPoolEvents=false.`,
    );
  }
  const why = unreadable.length > 0 ? ` (unreadable: ${unreadable.join(', ')})` : '';
  return warned(`No logging trail in ${api.region} could be read for identity-pool data events (${MESSAGE_EVENTS})${why}; select them on the trail you use (resources.type AWS::Cognito::IdentityPool).`);
}
