import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { type CfnResponseBody, type CfnResponseOptions, sendCfnResponse } from './cfn-response';
import { type CustomResourceRequest, parseCustomResourceRequest, type ReplyAddress } from './custom-resource-request';
import type { Logger } from './logger';
import type { StackRollbackProbe } from './stack-rollback';

/**
 * CloudFormation custom resource plumbing: one answer per request, before the Lambda's own deadline
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html;
 * docs/reference/aws-contracts.md#cloudformation-custom-resources).
 * The request is parsed at the edge (custom-resource-request.ts); the work sees only a well-formed one.
 */
export type CustomResourceOutcome =
  | { status: 'SUCCESS'; physicalResourceId: string; data?: Record<string, string>; reason?: string; noEcho?: boolean }
  | { status: 'FAILED'; reason: string; physicalResourceId?: string };

export interface CustomResourceContext {
  /** Aborted when the timer has answered FAILED: stop the work. */
  readonly signal: AbortSignal;
  /** Epoch ms by which the work must be done. */
  readonly deadlineMs: number;
}

export type CustomResourceWork = (request: CustomResourceRequest, ctx: CustomResourceContext) => Promise<CustomResourceOutcome>;

/** The logger methods used here; functions/shared/logger.ts's Logger satisfies it. */
export type CustomResourceLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

/** The part of the Lambda context this needs. */
export type LambdaDeadline = Pick<Context, 'getRemainingTimeInMillis'>;

/**
 * An Update that CloudFormation sends while the stack rolls back restores the previous properties; the work
 * (checking an endpoint, installing content) must not run then, or a revoked key fails the rollback.
 */
export interface RollbackHandling {
  /** Reads the stack's status (stack-rollback.ts wires DescribeStacks). */
  readonly probe: StackRollbackProbe;
  /** The answer during a rollback, without network calls; default SUCCESS with no Data. */
  readonly outcome?: (request: CustomResourceRequest) => CustomResourceOutcome;
}

export interface CustomResourceOptions {
  readonly onCreateOrUpdate: CustomResourceWork;
  /** Default: SUCCESS at once, without network calls. */
  readonly onDelete?: CustomResourceWork;
  /** Without it, an Update always runs onCreateOrUpdate. */
  readonly rollback?: RollbackHandling;
  /** Time kept back from the Lambda's deadline for the answer itself (the PUT and its retries). */
  readonly safetyMarginMs?: number;
  /** Prefix of the physical id given to a Create that failed before producing one. */
  readonly physicalResourceIdPrefix?: string;
  /** Gets RequestType, LogicalResourceId and RequestId only, never the event (it carries secrets). */
  readonly log: CustomResourceLogger;
  /** Options for the PUT to the ResponseURL (tests inject a CA or shorter back-off). */
  readonly response?: CfnResponseOptions;
  readonly now?: () => number;
}

/** Enough for five PUT attempts with back-off to the pre-signed S3 URL. */
export const DEFAULT_SAFETY_MARGIN_MS = 10_000;
/** CloudFormation shows at most this much of Reason comfortably; cfn-response trims further to 4096 bytes. */
export const MAX_REASON_CHARS = 1000;

function shortReason(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  // Only the class name: an error message may carry whatever the failing call had in hand.
  return `Unexpected ${name} while handling the request; see the function's log for the request id.`;
}

const ROLLBACK_REASON = 'The stack is rolling back: the previous properties are restored as they were, without running the update.';

/**
 * Wraps create/update/delete work into a Lambda handler that answers CloudFormation exactly once:
 * a thrown error answers FAILED with a short reason; a timer answers FAILED before the Lambda's deadline
 * and aborts the work; Update keeps the PhysicalResourceId it was given; Delete never answers FAILED; an
 * Update sent while the stack rolls back (with `rollback`) answers SUCCESS without the work; a malformed
 * request is answered without the work, when it can be answered at all.
 * Logs RequestType, LogicalResourceId and RequestId only: the event carries secrets.
 */
export function customResourceHandler(options: CustomResourceOptions) {
  const now = options.now ?? Date.now;
  const margin = options.safetyMarginMs ?? DEFAULT_SAFETY_MARGIN_MS;
  const prefix = options.physicalResourceIdPrefix ?? 'custom-resource';
  const { log } = options;

  return async (event: CloudFormationCustomResourceEvent, context: LambdaDeadline): Promise<void> => {
    const lambdaDeadline = now() + context.getRemainingTimeInMillis();
    const parsed = parseCustomResourceRequest(event);
    const reply: (ReplyAddress & { readonly PhysicalResourceId?: string }) | undefined = parsed.ok ? parsed.request : parsed.replyTo;
    const requestType = parsed.ok ? parsed.request.RequestType : parsed.requestType;
    if (reply === undefined) {
      log.error('custom resource request cannot be answered', { reason: parsed.ok ? undefined : parsed.reason });
      return;
    }
    const ids = { request_type: requestType, logical_resource_id: reply.LogicalResourceId, request_id: reply.RequestId };
    log.info('custom resource request', ids);
    const fallbackId = reply.PhysicalResourceId ?? `${prefix}-failed-${reply.RequestId}`;
    const isDelete = requestType === 'Delete';

    const answer = (outcome: CustomResourceOutcome): CfnResponseBody => {
      const physicalResourceId = requestType === 'Create' ? (outcome.physicalResourceId ?? fallbackId) : fallbackId;
      const base = { StackId: reply.StackId, RequestId: reply.RequestId, LogicalResourceId: reply.LogicalResourceId, PhysicalResourceId: physicalResourceId };
      if (outcome.status === 'FAILED') {
        if (isDelete) return { ...base, Status: 'SUCCESS', Reason: `Cleanup failed and was skipped: ${outcome.reason}`.slice(0, MAX_REASON_CHARS) };
        return { ...base, Status: 'FAILED', Reason: outcome.reason.slice(0, MAX_REASON_CHARS) };
      }
      return {
        ...base,
        Status: 'SUCCESS',
        ...(outcome.reason !== undefined ? { Reason: outcome.reason.slice(0, MAX_REASON_CHARS) } : {}),
        ...(outcome.data !== undefined ? { Data: outcome.data } : {}),
        ...(outcome.noEcho !== undefined ? { NoEcho: outcome.noEcho } : {}),
      };
    };

    const outcome = parsed.ok ? await runWork(parsed.request, lambdaDeadline - margin, fallbackId, ids) : { status: 'FAILED' as const, reason: parsed.reason };
    const body = answer(outcome);
    const result = await sendCfnResponse(reply.ResponseURL, body, { deadlineAt: lambdaDeadline - 500, ...options.response }).catch(
      // sendCfnResponse resolves by contract; whatever slips through is still only a lost answer, logged below.
      (error: unknown) => ({ ok: false as const, attempts: 0, reason: `sending failed (${error instanceof Error ? error.name : typeof error})` }),
    );
    if (result.ok) {
      log.info('custom resource answered', { ...ids, status: body.Status, reason: body.Reason, attempts: result.attempts });
    } else {
      // The answer's Reason is logged too: without it a lost answer leaves nothing to go on.
      log.error('custom resource answer was not delivered', { ...ids, status: body.Status, reason: body.Reason, attempts: result.attempts, delivery_error: result.reason });
    }
  };

  /** The work for a well-formed request, raced against a timer that answers FAILED before `workDeadline`. */
  async function runWork(request: CustomResourceRequest, workDeadline: number, fallbackId: string, ids: Readonly<Record<string, string | undefined>>): Promise<CustomResourceOutcome> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<CustomResourceOutcome>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ status: 'FAILED', reason: "The work did not finish before the function's deadline; see the function's log, and raise its timeout if the endpoint is slow." });
      }, Math.max(0, workDeadline - now()));
    });
    const rollingBack = async (): Promise<boolean> => {
      if (request.RequestType !== 'Update' || options.rollback === undefined) return false;
      const state = await options.rollback.probe(request.StackId, controller.signal);
      if (state.kind === 'unknown') {
        // Without the status the safer side is the normal check: a missing permission must not skip it.
        log.warn('custom resource could not read the stack status; running the update', { ...ids, error_name: state.errorName });
        return false;
      }
      if (state.kind === 'rolling-back') log.info('custom resource update is part of a rollback; not running it', { ...ids, stack_status: state.status });
      return state.kind === 'rolling-back';
    };
    const work = async (): Promise<CustomResourceOutcome> => {
      const isDelete = request.RequestType === 'Delete';
      if (isDelete && options.onDelete === undefined) return { status: 'SUCCESS', physicalResourceId: fallbackId };
      const run = isDelete && options.onDelete ? options.onDelete : options.onCreateOrUpdate;
      try {
        if (await rollingBack()) return options.rollback?.outcome?.(request) ?? { status: 'SUCCESS', physicalResourceId: fallbackId, reason: ROLLBACK_REASON };
        return await run(request, { signal: controller.signal, deadlineMs: workDeadline });
      } catch (error) {
        log.error('custom resource work failed', { ...ids, error_name: error instanceof Error ? error.name : typeof error });
        return { status: 'FAILED', reason: shortReason(error) };
      }
    };
    const outcome = await Promise.race([work(), timedOut]);
    clearTimeout(timer);
    if (controller.signal.aborted) log.warn('custom resource work timed out', ids);
    return outcome;
  }
}
