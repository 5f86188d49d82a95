import { type AdvancedEventSelector, type EventSelector, GetEventSelectorsCommand, GetTrailStatusCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import { accountOfTrail, errorName, signalFor, type TrailApi, trailsCovering } from './trail-api';
import type { CheckResult, TrailToCreate } from './types';

/** CloudTrail management events reach EventBridge only through a logging trail (docs/reference/aws-contracts.md#eventbridge-and-cloudtrail). */
const COGNITO_SOURCES = ['cognito-idp.amazonaws.com', 'cognito-identity.amazonaws.com'] as const;

export interface TrailCheck extends TrailApi {
  /** A trail that is about to go (the stack's own, on an update to CreateTrail 'false'): it does not count. */
  readonly leaving?: TrailToCreate;
}

type TrailState = { readonly trail: string; readonly state: 'ok' | 'not-logging' | 'no-management' } | { readonly trail: string; readonly state: 'unreadable'; readonly code: string };

function excludes(source: string, selector: { Equals?: string[]; StartsWith?: string[]; EndsWith?: string[]; NotEquals?: string[]; NotStartsWith?: string[]; NotEndsWith?: string[] }): boolean {
  if (selector.Equals && !selector.Equals.includes(source)) return true;
  if (selector.StartsWith && !selector.StartsWith.some((p) => source.startsWith(p))) return true;
  if (selector.EndsWith && !selector.EndsWith.some((p) => source.endsWith(p))) return true;
  if (selector.NotEquals?.includes(source)) return true;
  if (selector.NotStartsWith?.some((p) => source.startsWith(p))) return true;
  return selector.NotEndsWith?.some((p) => source.endsWith(p)) ?? false;
}

/** An advanced selector records Cognito management write events: eventCategory Management, not read-only, sources kept. */
function advancedCovers(selector: AdvancedEventSelector): boolean {
  const fields = selector.FieldSelectors ?? [];
  const category = fields.find((f) => f.Field === 'eventCategory');
  if (!category?.Equals?.includes('Management')) return false;
  const readOnly = fields.find((f) => f.Field === 'readOnly');
  if (readOnly?.Equals && !readOnly.Equals.includes('false')) return false;
  const source = fields.find((f) => f.Field === 'eventSource');
  return !source || !COGNITO_SOURCES.some((s) => excludes(s, source));
}

/** A basic selector records management events, ReadWriteType All or WriteOnly, Cognito not excluded. */
function basicCovers(selector: EventSelector): boolean {
  if (selector.IncludeManagementEvents === false) return false;
  if (selector.ReadWriteType === 'ReadOnly') return false;
  return !COGNITO_SOURCES.some((s) => selector.ExcludeManagementEventSources?.includes(s));
}

async function trailState(check: TrailCheck, trail: Trail): Promise<TrailState> {
  const name = trail.Name ?? trail.TrailARN ?? 'unnamed';
  const id = trail.TrailARN ?? name;
  const options = { abortSignal: signalFor(check) };
  try {
    const status = await check.cloudTrail.send(new GetTrailStatusCommand({ Name: id }), options);
    const selectors = await check.cloudTrail.send(new GetEventSelectorsCommand({ TrailName: id }), options);
    const basic = selectors.EventSelectors ?? [];
    const advanced = selectors.AdvancedEventSelectors ?? [];
    // A trail always has selectors; none at all is the documented default (all management events).
    const covers = basic.length === 0 && advanced.length === 0 ? true : basic.some(basicCovers) || advanced.some(advancedCovers);
    if (!covers) return { trail: name, state: 'no-management' };
    return { trail: name, state: status.IsLogging === true ? 'ok' : 'not-logging' };
  } catch (error) {
    return { trail: name, state: 'unreadable', code: errorName(error) };
  }
}

/**
 * Check 7: a trail that covers this region is logging and records management write events, including
 * Cognito's (DescribeTrails with shadow trails, GetTrailStatus, GetEventSelectors).
 */
export async function checkTrail(check: TrailCheck): Promise<CheckResult> {
  const fail = (message: string): CheckResult => ({ id: 'trail', status: 'failed', message });
  let covering: Trail[];
  try {
    const leaving = check.leaving;
    covering = (await trailsCovering(check)).filter((t) => !(leaving && t.Name === leaving.name && accountOfTrail(t) === leaving.account));
  } catch (error) {
    return fail(`Listing CloudTrail trails failed (${errorName(error)}); allow cloudtrail:DescribeTrails, GetTrailStatus and GetEventSelectors, or deploy with CreateTrail=true.`);
  }
  if (covering.length === 0) {
    return fail(`No CloudTrail trail covers ${check.region}, so Cognito events never reach EventBridge; deploy with CreateTrail=true, or create a trail that logs management events.`);
  }
  const states = await Promise.all(covering.map((t) => trailState(check, t)));
  const ok = states.find((s) => s.state === 'ok');
  if (ok) return { id: 'trail', status: 'passed', message: `Trail '${ok.trail}' is logging management events in ${check.region}, including Cognito's.` };
  const notLogging = states.find((s) => s.state === 'not-logging');
  if (notLogging) {
    return fail(`Trail '${notLogging.trail}' covers ${check.region} but is not logging; start it (aws cloudtrail start-logging --name ${notLogging.trail}), or deploy with CreateTrail=true.`);
  }
  const noManagement = states.find((s) => s.state === 'no-management');
  if (noManagement) {
    return fail(`Trail '${noManagement.trail}' does not record Cognito management write events; include management events (ReadWriteType All or WriteOnly) without excluding Cognito, or deploy with CreateTrail=true.`);
  }
  const unreadable = states.find((s) => s.state === 'unreadable');
  return {
    id: 'trail',
    status: 'warned',
    message: `Trail '${unreadable?.trail ?? '?'}' covers ${check.region}, but its status could not be read (${unreadable?.state === 'unreadable' ? unreadable.code : 'unknown'}); make sure it is logging management events.`,
  };
}
