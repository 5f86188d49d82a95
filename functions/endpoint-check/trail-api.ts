import { DescribeTrailsCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import type { CheckDeps } from './types';

/** What the trail checks need to call CloudTrail. */
export interface TrailApi {
  readonly cloudTrail: NonNullable<CheckDeps['cloudTrail']>;
  readonly region: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** Each CloudTrail call gets its own timeout, and the caller's deadline still applies. */
export function signalFor(api: TrailApi): AbortSignal {
  const timeout = AbortSignal.timeout(api.timeoutMs);
  return api.signal ? AbortSignal.any([timeout, api.signal]) : timeout;
}

/** An AWS error's class only: its message may echo request content. */
export const errorName = (error: unknown): string => (error instanceof Error ? error.name : 'Error');

/**
 * Every trail that records events of `region`: trails whose home region it is, and multi-region trails from
 * anywhere (DescribeTrails with shadow trails, which also lists organization trails of other accounts).
 */
export async function trailsCovering(api: TrailApi): Promise<Trail[]> {
  const answer = await api.cloudTrail.send(new DescribeTrailsCommand({ includeShadowTrails: true }), { abortSignal: signalFor(api) });
  return (answer.trailList ?? []).filter((t) => t.IsMultiRegionTrail === true || t.HomeRegion === api.region);
}

/** `arn:aws:cloudtrail:eu-west-1:111122223333:trail/main` → `111122223333`. */
export function accountOfTrail(trail: Trail): string | undefined {
  return /^arn:[^:]+:cloudtrail:[^:]*:(\d{12}):trail\//.exec(trail.TrailARN ?? '')?.[1];
}
