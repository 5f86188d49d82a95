/**
 * Event time → `_timestamp` (integer µs), and the late-event rule that keeps records inside OpenObserve's
 * ingest window, outside which (older than now − 5 h, newer than now + 24 h) a record is dropped without a
 * trace (docs/reference/openobserve-firehose-ingestion.md#time).
 */
import type { TransformConfig } from './config';
import { FUTURE_EVENT_SECONDS } from './constants';

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * OpenObserve reads an integer `_timestamp` as s, ms, µs or ns by magnitude, taking anything above
 * 1971-01-01 in µs as µs: times before that, or past 2200, are not used as event time.
 */
const MIN_TIME_US = Date.UTC(1971, 0, 1) * 1000;
const MAX_TIME_US = Date.UTC(2200, 0, 1) * 1000;

const ZERO = 48;

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i += 1) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** CloudTrail's own form, `2025-03-14T09:26:53Z`, without a regular expression (the hot path). */
function parseCloudTrailTime(value: string): number | undefined {
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(10) !== 84 || value.charCodeAt(19) !== 90) {
    return undefined;
  }
  if (value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) return undefined;
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  // NaN fails every comparison, so malformed digits fall through to undefined.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60)) return undefined;
  const micros = Date.UTC(digits(value, 0, 4), month - 1, day, hour, minute, second) * 1000;
  return micros >= MIN_TIME_US && micros <= MAX_TIME_US ? micros : undefined;
}

/** µs since the epoch of an ISO-8601 date-time (no zone = UTC, as OpenObserve reads it), or undefined. */
export function parseIsoMicros(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  if (value.length === 20) {
    const micros = parseCloudTrailTime(value);
    if (micros !== undefined) return micros;
  }
  const match = ISO_8601.exec(value);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction, , sign, offsetHours, offsetMinutes] = match;
  const m = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const min = Number(minute);
  const s = Number(second);
  if (m < 1 || m > 12 || d < 1 || d > 31 || h > 23 || min > 59 || s > 60) return undefined;
  let ms = Date.UTC(Number(year), m - 1, d, h, min, s);
  if (sign !== undefined) {
    const offsetMs = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
    ms += sign === '+' ? -offsetMs : offsetMs;
  }
  const micros = ms * 1000 + (fraction === undefined ? 0 : Math.trunc(Number(`0.${fraction}`) * 1e6));
  return micros >= MIN_TIME_US && micros <= MAX_TIME_US ? micros : undefined;
}

const DIGITS = /^\d{1,19}$/;

/**
 * An epoch timestamp given as decimal text or as a number (Cognito log events write epoch milliseconds as
 * text: `"eventTimestamp": "1687297330677"`), read by magnitude like {@link integerTimestampMicros}.
 * @example epochTextMicros('1687297330677') // 1687297330677000
 */
export function epochTextMicros(value: unknown): number | undefined {
  if (typeof value === 'string') return DIGITS.test(value) ? integerTimestampMicros(Number(value)) : undefined;
  return integerTimestampMicros(value);
}

const MONTHS: ReadonlyMap<string, number> = new Map(
  ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((name, index) => [name, index]),
);
/** Java's `Date.toString()` in UTC, as Cognito writes `creationDate`: `Wed Jul 17 17:25:55 UTC 2024`. */
const JAVA_UTC_DATE = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) (?:UTC|GMT) (\d{4})$/;

/**
 * µs since the epoch of a Java `Date.toString()` text in UTC or GMT; any other zone is not read (its offset
 * is not in the text).
 * @example javaDateMicros('Wed Jul 17 17:25:55 UTC 2024') // 1721237155000000
 */
export function javaDateMicros(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = JAVA_UTC_DATE.exec(value);
  if (match === null) return undefined;
  const [, monthName, day, hour, minute, second, year] = match;
  const month = MONTHS.get(monthName ?? '');
  const d = Number(day);
  const h = Number(hour);
  const min = Number(minute);
  const s = Number(second);
  if (month === undefined || d < 1 || d > 31 || h > 23 || min > 59 || s > 60) return undefined;
  const micros = Date.UTC(Number(year), month, d, h, min, s) * 1000;
  return micros >= MIN_TIME_US && micros <= MAX_TIME_US ? micros : undefined;
}

/** An integer timestamp in s, ms, µs or ns (told apart by magnitude, as OpenObserve does) → µs, or undefined. */
export function integerTimestampMicros(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) return undefined;
  let micros: number;
  if (value > MIN_TIME_US * 1000) micros = Math.trunc(value / 1000);
  else if (value > MIN_TIME_US) micros = value;
  else if (value > MIN_TIME_US / 1000) micros = value * 1000;
  else micros = value * 1_000_000;
  return micros >= MIN_TIME_US && micros <= MAX_TIME_US ? micros : undefined;
}

export interface PlacedTimestamp {
  readonly timestamp: number;
  readonly restamped: boolean;
}

/**
 * The late-event rule: with `LATE_EVENT_POLICY=restamp`, a `_timestamp` older than now − `LATE_EVENT_SECONDS`,
 * or newer than now + `FUTURE_EVENT_SECONDS`, becomes now (`restamped`); `keep` leaves every timestamp.
 */
export function placeInIngestWindow(timestampUs: number, nowMs: number, config: TransformConfig): PlacedTimestamp {
  if (config.lateEventPolicy === 'keep') return { timestamp: timestampUs, restamped: false };
  const nowUs = Math.trunc(nowMs) * 1000;
  if (timestampUs < nowUs - config.lateEventSeconds * 1_000_000 || timestampUs > nowUs + FUTURE_EVENT_SECONDS * 1_000_000) {
    return { timestamp: nowUs, restamped: true };
  }
  return { timestamp: timestampUs, restamped: false };
}
