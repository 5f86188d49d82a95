/**
 * Where a pool exported its user activity logs before the stack took them over, kept so that the stack can
 * put it back when the pool leaves UserActivityLogPoolIds or the stack is deleted. One SSM Parameter Store
 * parameter per pool, `/o2-cognito/<stack UUID>/user-activity-logs/<pool id>`, holding the pool's former
 * `userAuthEvents` entry as GetLogDeliveryConfiguration returned it (so it is restored exactly, whatever the
 * destination type). Why there: CloudFormation sends a custom resource back only the properties the template
 * gives it, never what the resource learned, and a PhysicalResourceId (1 KB) or a tag (256 characters) cannot
 * hold a log group ARN of up to 2,048; a parameter outlives the function's failures, holds up to 4 KB, is
 * readable by an operator, and is named after the stack's UUID, so a new stack of the same name never reads
 * an old stack's. Written only when there was a former destination, and never overwritten: a retried Create
 * keeps what the first one saw.
 */
import {
  DeleteParameterCommand,
  GetParameterCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
  PutParameterCommand,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import type { LogConfigurationType } from '@aws-sdk/client-cognito-identity-provider';
import { PARAMETER_FOLDER, PARAMETER_ROOT } from './constants';

export interface PreviousExports {
  /** Keeps `entry` as the pool's former destination, unless one is kept already. */
  save(poolId: string, entry: LogConfigurationType, signal: AbortSignal): Promise<void>;
  /** The pool's former destination, or undefined when none was kept. */
  read(poolId: string, signal: AbortSignal): Promise<LogConfigurationType | undefined>;
  /** Forgets the pool's former destination (nothing happens when none was kept). */
  forget(poolId: string, signal: AbortSignal): Promise<void>;
  /** The parameter's name, for messages. */
  nameOf(poolId: string): string;
}

/** The UUID at the end of a stack ARN (`arn:aws:cloudformation:…:stack/<name>/<uuid>`); the template builds the same. */
export function stackUuid(stackId: string): string {
  const parts = stackId.split('/');
  return parts[2] ?? '';
}

/** The parameter of `poolId` for the stack `stackId`. */
export function parameterName(stackId: string, poolId: string): string {
  return `${PARAMETER_ROOT}/${stackUuid(stackId)}/${PARAMETER_FOLDER}/${poolId}`;
}

function isEntry(value: unknown): value is LogConfigurationType {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { EventSource?: unknown }).EventSource === 'string';
}

/** The store for the stack `stackId`, through `ssm`. */
export function previousExports(ssm: Pick<SSMClient, 'send'>, stackId: string, stackName: string): PreviousExports {
  const nameOf = (poolId: string): string => parameterName(stackId, poolId);
  return {
    nameOf,
    async save(poolId, entry, signal) {
      try {
        await ssm.send(
          new PutParameterCommand({
            Name: nameOf(poolId),
            Type: 'String',
            Tier: 'Standard',
            Overwrite: false,
            Value: JSON.stringify(entry),
            Description: `Where ${poolId} exported user activity logs before stack ${stackName} took them over; put back when it lets them go.`,
          }),
          { abortSignal: signal },
        );
      } catch (error) {
        if (!(error instanceof ParameterAlreadyExists)) throw error;
      }
    },
    async read(poolId, signal) {
      try {
        const answer = await ssm.send(new GetParameterCommand({ Name: nameOf(poolId) }), { abortSignal: signal });
        const value: unknown = JSON.parse(answer.Parameter?.Value ?? 'null');
        return isEntry(value) ? value : undefined;
      } catch (error) {
        if (error instanceof ParameterNotFound || error instanceof SyntaxError) return undefined;
        throw error;
      }
    },
    async forget(poolId, signal) {
      try {
        await ssm.send(new DeleteParameterCommand({ Name: nameOf(poolId) }), { abortSignal: signal });
      } catch (error) {
        if (!(error instanceof ParameterNotFound)) throw error;
      }
    },
  };
}
