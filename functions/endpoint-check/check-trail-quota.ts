import type { Trail } from '@aws-sdk/client-cloudtrail';
import { accountOfTrail, errorName, type TrailApi, trailsCovering } from './trail-api';
import type { CheckResult, TrailToCreate } from './types';

/**
 * CloudTrail allows 5 trails per Region and account, not adjustable; a multi-Region trail counts in every
 * Region (CloudTrail User Guide, "Quotas in AWS CloudTrail"). Organization trails of another (management)
 * account, which DescribeTrails also lists, are not this account's.
 */
export const TRAILS_PER_REGION = 5;

export interface TrailQuotaCheck extends TrailApi {
  readonly trail: TrailToCreate;
}

const names = (trails: readonly Trail[]): string => trails.map((t) => `'${t.Name ?? t.TrailARN ?? '?'}'`).join(', ');

/**
 * With CreateTrail 'true': the stack's trail can be created — the region has room for one more of this
 * account's trails, and no other trail has its name. Fails in seconds instead of at the Trail resource, after
 * the stream and the rule were built.
 */
export async function checkTrailQuota(check: TrailQuotaCheck): Promise<CheckResult> {
  const { name, account, createdBefore } = check.trail;
  let trails: Trail[];
  try {
    trails = (await trailsCovering(check)).filter((t) => accountOfTrail(t) === account);
  } catch (error) {
    return { id: 'trail-quota', status: 'failed', message: `Listing CloudTrail trails failed (${errorName(error)}); allow cloudtrail:DescribeTrails, or deploy with CreateTrail=false.` };
  }
  const same = trails.find((t) => t.Name === name);
  if (same && createdBefore) {
    return { id: 'trail-quota', status: 'passed', message: `Trail '${name}', created by this stack, exists in ${check.region}.` };
  }
  if (same) {
    return {
      id: 'trail-quota',
      status: 'failed',
      message: `A trail named '${name}' already exists in ${check.region}, so the stack cannot create its own; deploy with CreateTrail=false to use it, or delete it.`,
    };
  }
  if (trails.length >= TRAILS_PER_REGION) {
    return {
      id: 'trail-quota',
      status: 'failed',
      message:
        `${check.region} already has ${trails.length} trails of this account (${names(trails)}; multi-region trails count in every region), ` +
        `and CloudTrail allows ${TRAILS_PER_REGION}, not adjustable; deploy with CreateTrail=false to use one of them, or delete one.`,
    };
  }
  return {
    id: 'trail-quota',
    status: 'passed',
    message: `There is room for trail '${name}': ${trails.length} of ${TRAILS_PER_REGION} trails in ${check.region} are this account's.`,
  };
}
