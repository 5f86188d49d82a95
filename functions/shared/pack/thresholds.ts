/**
 * Alert thresholds: the pack's defaults (content/thresholds.json) with a user's overrides on top. The
 * overrides (an `install-pack --thresholds` file, or the stack's PackThresholds parameter) hold any subset
 * of the defaults' alerts and keys, e.g. `{"cognito_password_spraying": {"min_users": 20}}`; unknown names
 * are refused, so a typo never passes silently as "default kept".
 */
import type { Thresholds } from './content';

export type ThresholdsResult = { readonly ok: true; readonly thresholds: Thresholds } | { readonly ok: false; readonly problems: readonly string[] };

/** Inclusive bounds per key kind. */
const COUNT_RANGE = [1, 1_000_000] as const;
const PERCENT_RANGE = [1, 100] as const;
/** OpenObserve's scheduler runs at most once a minute; a day is the longest look-back that stays cheap. */
const PERIOD_MINUTES_RANGE = [1, 1440] as const;
const FREQUENCY_MINUTES_RANGE = [1, 1440] as const;
/** A week: longer silences hide a second attack. */
const SILENCE_MINUTES_RANGE = [0, 10_080] as const;
/**
 * The history a "not seen before" alert compares with (its period): an hour to 30 days. Each run reads the
 * whole history, so the longest is what a run every few minutes can still afford on a busy pool.
 */
const LOOKBACK_MINUTES_RANGE = [60, 43_200] as const;
/** What such an alert reports as new: events of the last minutes of the history, up to a day. */
const RECENT_MINUTES_RANGE = [1, 1440] as const;

function rangeFor(key: string): readonly [number, number] {
  if (key === 'period_minutes') return PERIOD_MINUTES_RANGE;
  if (key === 'frequency_minutes') return FREQUENCY_MINUTES_RANGE;
  if (key === 'silence_minutes') return SILENCE_MINUTES_RANGE;
  if (key === 'lookback_minutes') return LOOKBACK_MINUTES_RANGE;
  if (key === 'recent_minutes') return RECENT_MINUTES_RANGE;
  if (key.endsWith('_percent')) return PERCENT_RANGE;
  return COUNT_RANGE;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Merges `overrides` (parsed JSON, unchecked) into `defaults`. Every problem is reported at once: unknown
 * alert or key, a value that is not a whole number in range, a frequency longer than the period (or the
 * recent window), a recent window as long as the look-back.
 */
export function resolveThresholds(defaults: Thresholds, overrides: unknown): ThresholdsResult {
  if (overrides === undefined) return { ok: true, thresholds: defaults };
  if (!isPlainObject(overrides)) {
    return { ok: false, problems: ['it must be a JSON object keyed by alert name'] };
  }
  const problems: string[] = [];
  const merged: Record<string, Record<string, number>> = {};
  for (const [alert, keys] of Object.entries(defaults)) merged[alert] = { ...keys };

  for (const [alert, keys] of Object.entries(overrides)) {
    const known = defaults[alert];
    if (known === undefined || !Object.hasOwn(defaults, alert)) {
      problems.push(`'${alert}' is not a pack alert; use one of ${Object.keys(defaults).join(', ')}`);
      continue;
    }
    if (!isPlainObject(keys)) {
      problems.push(`'${alert}' must be an object of threshold values`);
      continue;
    }
    for (const [key, value] of Object.entries(keys)) {
      if (!Object.hasOwn(known, key)) {
        problems.push(`'${alert}.${key}' is not a threshold of that alert; use one of ${Object.keys(known).join(', ')}`);
        continue;
      }
      const [min, max] = rangeFor(key);
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        problems.push(`'${alert}.${key}' is ${JSON.stringify(value)}; use a whole number from ${min} to ${max}`);
        continue;
      }
      const target = merged[alert];
      if (target) target[key] = value;
    }
  }
  for (const [alert, keys] of Object.entries(merged)) {
    const { period_minutes: period, frequency_minutes: frequency, recent_minutes: recent, lookback_minutes: lookback } = keys;
    // Each run reports the events of its period, or of its recent window when it compares that with a look-back.
    const reported = recent ?? period;
    const reportedKey = recent === undefined ? 'period_minutes' : 'recent_minutes';
    if (reported !== undefined && frequency !== undefined && frequency > reported) {
      problems.push(`'${alert}' runs every ${frequency} minutes over ${reported} minutes, which leaves gaps; keep frequency_minutes at or below ${reportedKey}`);
    }
    if (recent !== undefined && lookback !== undefined && recent >= lookback) {
      problems.push(`'${alert}' reports the last ${recent} minutes of a ${lookback}-minute look-back, which leaves nothing earlier to compare with; keep recent_minutes below lookback_minutes`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, thresholds: merged };
}

/**
 * Parses overrides given as JSON text and merges them into `defaults` with {@link resolveThresholds}: the
 * one parser behind `install-pack --thresholds FILE` and the SecurityPack custom resource's `Thresholds`.
 * Problems say what is wrong only; the caller names the flag or parameter.
 */
export function parseThresholds(defaults: Thresholds, text: string): ThresholdsResult {
  let overrides: unknown;
  try {
    overrides = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['it is not valid JSON; check its quotes, commas and braces'] };
  }
  return resolveThresholds(defaults, overrides);
}
