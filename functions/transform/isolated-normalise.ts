/**
 * One record's normalisation, isolated: whatever it throws fails that record alone, never its batch (the
 * Lambda) or the rest of its object (replay). Pure, like the rest of the transform core.
 */
import type { TransformConfig } from './config';
import { normaliseEvent } from './normalise';
import type { BatchContext, TransformOutcome } from './types';

/**
 * `normaliseEvent`, turning a throw into a `failed` outcome: a defect, or input beyond what the runtime can
 * hold (nesting too deep for `JSON.stringify` throws `RangeError: Maximum call stack size exceeded`). The
 * error's message may quote content; only its class is kept.
 * @example normaliseIsolated(deeplyNestedEvent, arrivalMs, config, nowMs) // { kind: 'failed', reason: 'transform error (RangeError)' }
 */
export function normaliseIsolated(
  event: unknown,
  arrivalMs: number,
  config: TransformConfig,
  nowMs: number,
  plainStrings = false,
  context?: BatchContext,
): TransformOutcome {
  try {
    return normaliseEvent(event, arrivalMs, config, nowMs, plainStrings, context);
  } catch (error) {
    return { kind: 'failed', reason: `transform error (${error instanceof Error ? error.name : typeof error})` };
  }
}
