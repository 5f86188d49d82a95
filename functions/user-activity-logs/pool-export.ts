/**
 * One user pool's user activity log export, pointed at the stack's stream or given back. Only the
 * `userAuthEvents` entry is ever changed; a `userNotification` entry stays as it was. Giving back touches a
 * pool only while it still exports to the stack: if someone pointed it elsewhere since, that choice stands.
 */
import {
  type CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
  type LogConfigurationType,
  SetLogDeliveryConfigurationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { awsReason, errorName, isAccessDenied } from './aws-errors';
import { ACCESS_RETRY_DELAYS_MS } from './constants';
import { destinationOf, exportsTo, setCommand, streamEntry, userAuthEntry, withUserAuthEntry } from './log-configuration';
import type { PreviousExports } from './previous-export';

export interface PoolDeps {
  readonly cognito: Pick<CognitoIdentityProviderClient, 'send'>;
  readonly previous: PreviousExports;
  readonly signal: AbortSignal;
  /** Waits between access retries (tests pass one that does not wait). */
  readonly sleep: (ms: number) => Promise<void>;
}

/** What happened to one pool: a note for the log and the answer, or the reason it failed. */
export type PoolResult = { readonly ok: true; readonly note: string } | { readonly ok: false; readonly reason: string };

/** How to get a pool onto the plan and mode that produce user activity logs; the console keeps every other setting. */
const PLUS_FIX =
  'put it on the Plus feature plan with threat protection in audit-only or full-function mode (Amazon Cognito console → the user pool → Settings → Feature plan, then Threat protection), or remove it from UserActivityLogPoolIds';

/** Runs `call`, trying again after each of `ACCESS_RETRY_DELAYS_MS` while IAM refuses it (a policy not yet in force). */
async function withAccessRetry<T>(call: () => Promise<T>, deps: PoolDeps): Promise<T> {
  for (const delayMs of ACCESS_RETRY_DELAYS_MS) {
    try {
      return await call();
    } catch (error) {
      if (!isAccessDenied(error) || deps.signal.aborted) throw error;
      await deps.sleep(delayMs);
    }
  }
  return call();
}

async function readConfigurations(poolId: string, deps: PoolDeps): Promise<LogConfigurationType[]> {
  const answer = await deps.cognito.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: poolId }), { abortSignal: deps.signal });
  return [...(answer.LogDeliveryConfiguration?.LogConfigurations ?? [])];
}

async function writeConfigurations(poolId: string, configurations: LogConfigurationType[], deps: PoolDeps): Promise<void> {
  await deps.cognito.send(new SetLogDeliveryConfigurationCommand({ UserPoolId: poolId, LogConfigurations: configurations }), { abortSignal: deps.signal });
}

/** Why the pool produces no user activity logs, read from DescribeUserPool; undefined when it does. */
async function planProblem(poolId: string, deps: PoolDeps): Promise<string | undefined> {
  const answer = await withAccessRetry(() => deps.cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId }), { abortSignal: deps.signal }), deps);
  const pool = answer.UserPool;
  const tier = pool?.UserPoolTier;
  if (tier !== undefined && tier !== 'PLUS') return `User pool ${poolId} is on the ${tier} feature plan, and only Plus pools export user activity logs: ${PLUS_FIX}.`;
  const mode = pool?.UserPoolAddOns?.AdvancedSecurityMode ?? 'OFF';
  if (mode === 'OFF') return `User pool ${poolId} has threat protection off, and Cognito writes user activity logs only in audit-only or full-function mode: ${PLUS_FIX}.`;
  return undefined;
}

/**
 * Points the pool's user activity logs at `streamArn`, keeping where they went before (unless that was
 * one of `ourStreams`: the stack's stream now, or before an update replaced it).
 */
export async function exportPool(poolId: string, streamArn: string, ourStreams: readonly string[], deps: PoolDeps): Promise<PoolResult> {
  try {
    const problem = await planProblem(poolId, deps);
    if (problem !== undefined) return { ok: false, reason: problem };
    const configurations = await readConfigurations(poolId, deps);
    const current = userAuthEntry(configurations);
    if (exportsTo(current, [streamArn])) return { ok: true, note: `${poolId} already exports to the stream` };
    const tookOver = current !== undefined && !exportsTo(current, ourStreams);
    if (tookOver) await deps.previous.save(poolId, current, deps.signal);
    await writeConfigurations(poolId, withUserAuthEntry(configurations, streamEntry(streamArn)), deps);
    return { ok: true, note: tookOver ? `${poolId} exports to the stream instead of ${destinationOf(current)}` : `${poolId} exports to the stream` };
  } catch (error) {
    const name = errorName(error);
    if (name === 'FeatureUnavailableInTierException') {
      return { ok: false, reason: `User pool ${poolId} cannot export user activity logs (${awsReason(error)}): ${PLUS_FIX}.` };
    }
    if (name === 'ResourceNotFoundException') return { ok: false, reason: `User pool ${poolId} was not found (${awsReason(error)}); check the id, or remove it from UserActivityLogPoolIds.` };
    return { ok: false, reason: `User pool ${poolId}'s user activity logs could not be pointed at the stream (${awsReason(error)}).` };
  }
}

/**
 * Gives the pool's user activity logs back: to where they went before the stack took them over, else to
 * nowhere. Only while the pool still exports to one of `ourStreams`; a pool that no longer exists has
 * nothing to give back. When the former destination cannot be set again (its own permissions, say), the
 * stack's entry is removed all the same and the reason carries the command that restores it.
 */
export async function restorePool(poolId: string, ourStreams: readonly string[], deps: PoolDeps): Promise<PoolResult> {
  let configurations: LogConfigurationType[];
  try {
    configurations = await withAccessRetry(() => readConfigurations(poolId, deps), deps);
  } catch (error) {
    if (errorName(error) !== 'ResourceNotFoundException') return { ok: false, reason: `User pool ${poolId}'s log configuration could not be read (${awsReason(error)}).` };
    await deps.previous.forget(poolId, deps.signal);
    return { ok: true, note: `${poolId} no longer exists; nothing to give back` };
  }
  try {
    if (!exportsTo(userAuthEntry(configurations), ourStreams)) {
      await deps.previous.forget(poolId, deps.signal);
      return { ok: true, note: `${poolId} no longer exports to the stream; left as it is` };
    }
    const former = await deps.previous.read(poolId, deps.signal);
    if (former === undefined) {
      await writeConfigurations(poolId, withUserAuthEntry(configurations, undefined), deps);
      return { ok: true, note: `${poolId} no longer exports user activity logs` };
    }
    const restored = withUserAuthEntry(configurations, former);
    try {
      await writeConfigurations(poolId, restored, deps);
    } catch (error) {
      // The stack's stream must stop receiving either way; the former destination waits in its parameter.
      await writeConfigurations(poolId, withUserAuthEntry(configurations, undefined), deps);
      return {
        ok: false,
        reason: `User pool ${poolId} no longer exports to the stream, but ${destinationOf(former)} could not be set again (${awsReason(error)}); it is kept in ${deps.previous.nameOf(poolId)}, and this restores it: ${setCommand(poolId, restored)}`,
      };
    }
    await deps.previous.forget(poolId, deps.signal);
    return { ok: true, note: `${poolId} exports to ${destinationOf(former)} again` };
  } catch (error) {
    return { ok: false, reason: `User pool ${poolId}'s user activity logs could not be given back (${awsReason(error)}).` };
  }
}
