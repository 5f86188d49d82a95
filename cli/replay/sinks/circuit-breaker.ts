/**
 * Stops a replay that keeps failing instead of retrying every batch against an endpoint that takes none:
 * a broken endpoint otherwise costs eight attempts and about two minutes per batch, or two requests per
 * record while a sink halves batches to find a bad one, with no end.
 */
import { BREAKER_MAX_FAILED_REQUESTS, BREAKER_MAX_FAILING_MS } from '../constants';

export interface BreakerLimits {
  /** Requests in a row that delivered nothing. */
  readonly maxFailedRequests: number;
  /** Time since the first of them. */
  readonly maxFailingMs: number;
}

export const DEFAULT_BREAKER_LIMITS: BreakerLimits = { maxFailedRequests: BREAKER_MAX_FAILED_REQUESTS, maxFailingMs: BREAKER_MAX_FAILING_MS };

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} minutes`;
}

/** Counts requests that delivered nothing since the last one that delivered something. */
export class CircuitBreaker {
  private failures = 0;
  private since = 0;

  constructor(
    private readonly what: string,
    private readonly limits: BreakerLimits = DEFAULT_BREAKER_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** A request delivered records: the count starts again. */
  succeeded(): void {
    this.failures = 0;
  }

  /**
   * A request delivered nothing, for `reason` (one sentence, no content). Returns why the run must stop when
   * a limit is reached, else undefined.
   */
  failed(reason: string): string | undefined {
    if (this.failures === 0) this.since = this.now();
    this.failures++;
    const failing = this.now() - this.since;
    if (this.failures < this.limits.maxFailedRequests && failing < this.limits.maxFailingMs) return undefined;
    return (
      `${this.what} took nothing for ${this.failures} requests in a row over ${duration(failing)} (last: ${reason}); ` +
      'stopped rather than keep sending to an endpoint that does not take records. Fix the cause, then resume with the command below.'
    );
  }
}
