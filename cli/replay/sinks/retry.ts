/**
 * Exponential back-off with jitter, as Firehose retries an HTTP endpoint: 1 s doubling, ±15 %, capped at
 * 2 min.
 */
import { RETRY_BASE_DELAY_MS, RETRY_JITTER_RATIO, RETRY_MAX_DELAY_MS } from '../constants';

/** Delay before retry number `attempt` (1 = the first retry); `random` in [0, 1). */
export function backoffDelayMs(attempt: number, random: number = Math.random()): number {
  const base = Math.min(RETRY_MAX_DELAY_MS, RETRY_BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 + RETRY_JITTER_RATIO * (2 * random - 1)));
}

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `OpenObserve answered HTTP 503; retrying 1,234 records in 2 s (attempt 2 of 8).` */
export function retryNotice(reason: string, records: number, delayMs: number, nextAttempt: number, maxAttempts: number): string {
  const seconds = delayMs < 10_000 ? (delayMs / 1000).toFixed(1).replace(/\.0$/, '') : String(Math.round(delayMs / 1000));
  return `${reason}; retrying ${records.toLocaleString('en-US')} record${records === 1 ? '' : 's'} in ${seconds} s (attempt ${nextAttempt} of ${maxAttempts}).`;
}
