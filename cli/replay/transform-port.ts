/**
 * The stack's transform, called directly: the same `normaliseEvent` the Lambda runs, isolated per record
 * the same way (`normaliseIsolated`: a record that throws fails alone), with the settings
 * read from the same environment variables (PAYLOAD_MODE, USERNAME_MODE, …). Passed to the pipeline as a
 * dependency so tests can give a fixed clock.
 */
import { parseTransformConfig, type TransformConfig } from '../../functions/transform/config';
import { normaliseIsolated } from '../../functions/transform/isolated-normalise';
import type { TransformOutcome } from '../../functions/transform/types';

export interface ReplayTransform {
  /** One event (or normalised record) → its line, `dropped` or `failed`; it arrives at `nowMs`. */
  normalise(event: unknown, nowMs: number): TransformOutcome;
}

export interface TransformOptions {
  /**
   * Leave `_timestamp` as the event time even when it is older than OpenObserve's ingest window
   * (`LATE_EVENT_POLICY=keep`): only for servers with a longer `ZO_INGEST_ALLOWED_UPTO`.
   */
  readonly keepTimestamps: boolean;
}

/** The transform configured from `env`; throws the transform's ConfigError listing every bad variable. */
export function replayTransform(env: Record<string, string | undefined>, options: TransformOptions): ReplayTransform {
  const config: TransformConfig = parseTransformConfig(options.keepTimestamps ? { ...env, LATE_EVENT_POLICY: 'keep' } : env);
  // A replayed event arrives now: its arrival time is the clock, so a restamped record lands inside the window.
  return { normalise: (event, nowMs) => normaliseIsolated(event, nowMs, config, nowMs) };
}
