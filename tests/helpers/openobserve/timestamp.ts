/**
 * OpenObserve's `_timestamp` rules (contract "Time"; `config::utils::time`): a number or a string of digits
 * is read with its unit guessed from its magnitude; other strings are RFC 3339 / ISO 8601 (UTC when no
 * offset) or RFC 2822; the result is µs since the epoch.
 */
import { JsonFloat, type SerdeValue } from './serde-json';

export type TimestampParse = { ok: true; micros: number } | { ok: false; reason: string };

// BASE_TIME = 1971-01-01T00:00:00Z: above it in ns → ns, in µs → µs, in ms → ms, else seconds.
const BASE_TIME_SECONDS = 31_536_000;
const I64_PATTERN = /^[+-]?[0-9]{1,19}$/;
const RFC3339 = /^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$/;
const NAIVE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2}):([0-9]{2})$/;
const RFC2822 =
  /^(?:[A-Za-z]{3},\s*)?([0-9]{1,2})\s+([A-Za-z]{3})\s+([0-9]{4})\s+([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?\s+([+-][0-9]{4}|UT|GMT|[ECMP][SD]T|Z)$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Readonly<Record<string, number>> = { UT: 0, GMT: 0, Z: 0, EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7 };

/** `_timestamp` value → µs, as OpenObserve reads it; `nowMs` stands in for a `0`. */
export function parseTimestampMicros(value: SerdeValue, nowMs: number): TimestampParse {
  if (typeof value === 'number') return { ok: true, micros: scaleToMicros(value, nowMs) };
  if (value instanceof JsonFloat) return { ok: true, micros: scaleToMicros(Math.trunc(value.value), nowMs) };
  if (typeof value !== 'string') return { ok: false, reason: 'Invalid time format [type]' };
  if (I64_PATTERN.test(value)) {
    const big = BigInt(value);
    if (big >= -(2n ** 63n) && big < 2n ** 63n) return { ok: true, micros: scaleToMicros(Number(big), nowMs) };
  }
  const micros = parseTimeString(value);
  return micros === undefined ? { ok: false, reason: 'invalid time format [string]' } : { ok: true, micros };
}

function scaleToMicros(v: number, nowMs: number): number {
  if (v === 0) return nowMs * 1000;
  if (v > BASE_TIME_SECONDS * 1e9) return Math.trunc(v / 1000);
  if (v > BASE_TIME_SECONDS * 1e6) return v;
  if (v > BASE_TIME_SECONDS * 1e3) return v * 1000;
  return v * 1_000_000;
}

function parseTimeString(s: string): number | undefined {
  if (s.includes('T')) {
    const naive = s.length === 19 ? NAIVE.exec(s) : null;
    if (naive) return civilMicros(naive.slice(1, 7).map(Number), 0, 0);
    const m = RFC3339.exec(s);
    if (!m) return undefined;
    const fraction = (m[7] ?? '.').slice(1).padEnd(6, '0').slice(0, 6);
    return civilMicros(m.slice(1, 7).map(Number), Number(fraction), offsetMinutes(m[8] ?? 'Z'));
  }
  if (s.includes(' ') && s.length === 19) {
    const naive = NAIVE.exec(s);
    return naive ? civilMicros(naive.slice(1, 7).map(Number), 0, 0) : undefined;
  }
  const m = RFC2822.exec(s);
  if (!m) return undefined;
  const month = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
  if (month === 0) return undefined;
  const zone = m[7] ?? 'Z';
  const offset = zone in ZONES ? (ZONES[zone] ?? 0) * 60 : offsetMinutes(`${zone.slice(0, 3)}:${zone.slice(3)}`);
  const fields = [m[3], month, m[1], m[4], m[5], m[6] ?? '0'].map(Number);
  return civilMicros(fields, 0, offset);
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

/** Calendar fields → µs, or undefined when a field is out of range (chrono rejects 2025-02-30). */
function civilMicros(fields: number[], micros: number, offsetMin: number): number | undefined {
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0] = fields;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 60) return undefined;
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, sec) - offsetMin * 60_000;
  return ms * 1000 + micros;
}
