/**
 * Create/Update/Delete work of the UserActivityLogExport custom resource: each pool of UserActivityLogPoolIds
 * exports its user activity logs to the stack's Firehose stream, and gets its former destination back when
 * it leaves the list or the stack goes. Every pool is tried, and every problem named in one Reason. The
 * shared runner answers CloudFormation (one answer, before the deadline, at most 4 KB, Delete never FAILED).
 *
 * An Update during a rollback is run, not skipped (as the other custom resources do): it puts back the
 * previous list and stream, which is what a rollback is for, and skipping it would leave pools exporting to
 * a stream the rollback deletes. What it cannot put back is named in the Reason of a SUCCESS, so that the
 * rollback itself never fails on it.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { CustomResourceContext, CustomResourceOutcome } from '../shared/custom-resource';
import type { CustomResourceRequest } from '../shared/custom-resource-request';
import type { Logger } from '../shared/logger';
import type { StackRollbackProbe } from '../shared/stack-rollback';
import { PHYSICAL_ID_PREFIX } from './constants';
import { exportPool, type PoolDeps, type PoolResult, restorePool } from './pool-export';
import { previousExports, stackUuid } from './previous-export';
import { parseExportProperties } from './properties';

export interface ExportResourceDeps {
  readonly cognito: Pick<CognitoIdentityProviderClient, 'send'>;
  readonly ssm: Pick<SSMClient, 'send'>;
  readonly log: Pick<Logger, 'info' | 'warn'>;
  /** Tells an Update that belongs to a rollback (stack-rollback.ts); without it every Update is a forward one. */
  readonly probe?: StackRollbackProbe;
  readonly sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function stackName(stackId: string): string {
  return stackId.split('/')[1] ?? stackId;
}

/** The stable PhysicalResourceId: an Update keeps it, so CloudFormation never replaces the resource. */
export function physicalIdOf(stackId: string): string {
  return `${PHYSICAL_ID_PREFIX}:${stackUuid(stackId)}`;
}

function poolDeps(deps: ExportResourceDeps, event: CustomResourceRequest, ctx: CustomResourceContext): PoolDeps {
  return { cognito: deps.cognito, previous: previousExports(deps.ssm, event.StackId, stackName(event.StackId)), signal: ctx.signal, sleep: deps.sleep ?? wait };
}

function notes(results: readonly PoolResult[]): string {
  return results.flatMap((result) => (result.ok ? [result.note] : [])).join('; ');
}

function problems(results: readonly PoolResult[]): string {
  return results.flatMap((result) => (result.ok ? [] : [result.reason])).join(' ');
}

export function userActivityLogExport(deps: ExportResourceDeps) {
  const onCreateOrUpdate = async (event: CustomResourceRequest, ctx: CustomResourceContext): Promise<CustomResourceOutcome> => {
    const parsed = parseExportProperties(event.ResourceProperties);
    if (!parsed.ok) return { status: 'FAILED', reason: parsed.reason };
    const { props } = parsed;
    const before = event.RequestType === 'Update' ? parseExportProperties(event.OldResourceProperties) : undefined;
    const old = before?.ok ? before.props : undefined;
    const ourStreams = old === undefined || old.streamArn === props.streamArn ? [props.streamArn] : [props.streamArn, old.streamArn];
    const rollingBack = event.RequestType === 'Update' && deps.probe !== undefined && (await deps.probe(event.StackId, ctx.signal)).kind === 'rolling-back';
    const pools = poolDeps(deps, event, ctx);

    const results: PoolResult[] = [];
    for (const poolId of old?.poolIds.filter((id) => !props.poolIds.includes(id)) ?? []) results.push(await restorePool(poolId, ourStreams, pools));
    for (const poolId of props.poolIds) results.push(await exportPool(poolId, props.streamArn, ourStreams, pools));

    const summary = notes(results);
    deps.log.info('user activity log export', { request_type: event.RequestType, rolling_back: rollingBack, summary });
    const failed = problems(results);
    if (failed !== '' && !rollingBack) return { status: 'FAILED', reason: failed };
    if (failed !== '') deps.log.warn('user activity log export not fully put back during a rollback', { reason: failed });
    return {
      status: 'SUCCESS',
      physicalResourceId: physicalIdOf(event.StackId),
      data: { Pools: props.poolIds.join(','), Summary: summary },
      ...(failed !== '' ? { reason: `The rollback could not put everything back: ${failed}` } : {}),
    };
  };

  // Also after a Create that failed half-way: the pools it changed are given back.
  const onDelete = async (event: CustomResourceRequest, ctx: CustomResourceContext): Promise<CustomResourceOutcome> => {
    const parsed = parseExportProperties(event.ResourceProperties);
    // Properties that never parsed never changed a pool.
    if (!parsed.ok) return { status: 'SUCCESS', physicalResourceId: physicalIdOf(event.StackId) };
    const pools = poolDeps(deps, event, ctx);
    const results: PoolResult[] = [];
    for (const poolId of parsed.props.poolIds) results.push(await restorePool(poolId, [parsed.props.streamArn], pools));
    deps.log.info('user activity log export removed', { summary: notes(results) });
    const failed = problems(results);
    return failed === '' ? { status: 'SUCCESS', physicalResourceId: physicalIdOf(event.StackId) } : { status: 'FAILED', reason: failed };
  };

  return { onCreateOrUpdate, onDelete };
}
