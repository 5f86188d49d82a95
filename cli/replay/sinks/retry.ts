/**
 * Exponential back-off with jitter, as Firehose retries an HTTP endpoint: 1 s doubling, ±15 %, capped at
 * 2 min (contracts/aws.md §2).
 */
import { RETRY_BASE_DELAY_MS, RETRY_JITTER_RATIO, RETRY_MAX_DELAY_MS } from '../constants';

/** Delay before retry number `attempt` (1 = the first retry); `random` in [0, 1). */
export function backoffDelayMs(attempt: number, random: number = Math.random()): number {
  const base = Math.min(RETRY_MAX_DELAY_MS, RETRY_BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 + RETRY_JITTER_RATIO * (2 * random - 1)));
}

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
