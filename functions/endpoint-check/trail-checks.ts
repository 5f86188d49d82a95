import { checkIdentityPoolDataEvents } from './check-data-events';
import { checkTrail } from './check-trail';
import { checkTrailQuota } from './check-trail-quota';
import type { TrailApi } from './trail-api';
import type { CheckDeps, CheckId, CheckInput, CheckResult, CheckTimeouts } from './types';

const skipped = (id: CheckId, why: string): CheckResult => ({ id, status: 'skipped', message: `Not checked: ${why}.` });
const NO_REGION = 'The AWS region is unknown, so trails cannot be checked; set AWS_REGION.';

/**
 * The CloudTrail checks, in report order: `trail` (an existing trail is logging, RequireTrail),
 * `trail-quota` (the stack's own trail can be created, CreateTrail) and `data-events` (identity-pool data
 * events are selected, a warning at most). They run side by side; each skips itself when not asked for.
 */
export async function trailChecks(input: CheckInput, deps: CheckDeps, timeouts: CheckTimeouts): Promise<CheckResult[]> {
  const api: TrailApi | undefined =
    deps.cloudTrail && deps.region ? { cloudTrail: deps.cloudTrail, region: deps.region, timeoutMs: timeouts.awsMs, ...(deps.signal ? { signal: deps.signal } : {}) } : undefined;
  const trail = async (): Promise<CheckResult> => {
    if (!input.requireTrail) return skipped('trail', 'RequireTrail is false');
    return api ? checkTrail({ ...api, ...(input.trailLeaving ? { leaving: input.trailLeaving } : {}) }) : { id: 'trail', status: 'failed', message: NO_REGION };
  };
  const quota = async (): Promise<CheckResult> => {
    if (input.createTrail === undefined) return skipped('trail-quota', 'the stack does not create a trail');
    return api ? checkTrailQuota({ ...api, trail: input.createTrail }) : { id: 'trail-quota', status: 'failed', message: NO_REGION };
  };
  const dataEvents = async (): Promise<CheckResult> => {
    if (!input.requireTrail) {
      return skipped('data-events', input.createTrail && input.identityPoolDataEvents === true ? "the stack's own trail selects them" : 'RequireTrail is false');
    }
    if (input.identityPoolDataEvents !== true) return skipped('data-events', 'identity-pool events are not forwarded');
    return api ? checkIdentityPoolDataEvents(api) : { id: 'data-events', status: 'warned', message: NO_REGION };
  };
  return Promise.all([trail(), quota(), dataEvents()]);
}
