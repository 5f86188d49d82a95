import { type CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';

/**
 * Whether the stack that sent a custom resource request is rolling back. When an update fails, CloudFormation
 * rolls the custom resources back by sending them an Update whose ResourceProperties are the previous values
 * (AWS CloudFormation User Guide, "Custom resources" → request types), while the stack is in
 * UPDATE_ROLLBACK_IN_PROGRESS (DescribeStacks, StackStatus). Checking those old values again (an OpenObserve
 * key that was revoked, which is often why the update happened) fails the rollback and leaves the stack in
 * UPDATE_ROLLBACK_FAILED, so the runner answers such an Update without doing the work.
 */

/** Stack statuses in which an Update request restores earlier properties instead of applying new ones. */
export const ROLLBACK_STATUSES = ['UPDATE_ROLLBACK_IN_PROGRESS', 'IMPORT_ROLLBACK_IN_PROGRESS'] as const;

/** One DescribeStacks call, not more: the answer to CloudFormation must not wait on it. */
export const DESCRIBE_STACKS_TIMEOUT_MS = 5_000;

export type StackRollbackState =
  | { readonly kind: 'rolling-back'; readonly status: string }
  | { readonly kind: 'not-rolling-back'; readonly status: string }
  /** The status could not be read; `errorName` is the SDK error's class, never its message. */
  | { readonly kind: 'unknown'; readonly errorName: string };

/** Reads the status of the stack `stackId` (the request's StackId, an ARN). */
export type StackRollbackProbe = (stackId: string, signal: AbortSignal) => Promise<StackRollbackState>;

/**
 * A probe that calls `cloudformation:DescribeStacks` on the request's own stack, which is all the function's
 * role may describe (the template scopes the permission to AWS::StackId).
 */
export function describeStackRollback(client: Pick<CloudFormationClient, 'send'>, timeoutMs: number = DESCRIBE_STACKS_TIMEOUT_MS): StackRollbackProbe {
  return async (stackId, signal) => {
    try {
      const answer = await client.send(new DescribeStacksCommand({ StackName: stackId }), { abortSignal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) });
      const status = answer.Stacks?.[0]?.StackStatus;
      if (status === undefined) return { kind: 'unknown', errorName: 'NoStackStatus' };
      return (ROLLBACK_STATUSES as readonly string[]).includes(status) ? { kind: 'rolling-back', status } : { kind: 'not-rolling-back', status };
    } catch (error) {
      return { kind: 'unknown', errorName: error instanceof Error ? error.name : 'Error' };
    }
  };
}
