/**
 * Event time of a replay item (for `--since` / `--until`) and the parsing of those two options.
 */
import { epochTextMicros, integerTimestampMicros, parseIsoMicros } from '../../functions/transform/event-time';
import type { ReplayItem } from './types';

const DURATION = /^(\d+)\s*(s|m|h|d|w)$/i;
const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `2025-06-17T08:00:00Z`, `2025-06-17` (UTC midnight), or an age such as `6h`, `30m`, `7d` before `nowMs`. */
export function parseTimeOption(text: string, nowMs: number): number | undefined {
  const trimmed = text.trim();
  const age = DURATION.exec(trimmed);
  if (age) return nowMs - Number(age[1]) * UNIT_MS[age[2]!.toLowerCase()]!;
  const micros = parseIsoMicros(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  return micros === undefined ? undefined : Math.floor(micros / 1000);
}

function objectField(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The event's time in ms: `detail.eventTime`, else the envelope `time` (EventBridge events);
 * `event_time`, else `_timestamp` (normalised records); `eventTimestamp` (user-pool log events). Undefined
 * when it has none.
 */
export function itemEventTimeMs(item: ReplayItem): number | undefined {
  let micros: number | undefined;
  if (item.kind === 'event') {
    micros = parseIsoMicros(objectField(item.event.detail, 'eventTime')) ?? parseIsoMicros(item.event.time);
  } else if (item.kind === 'normalised') {
    micros = parseIsoMicros(item.record.event_time) ?? integerTimestampMicros(item.record._timestamp);
  } else if (item.kind === 'log') {
    micros = epochTextMicros(item.event.eventTimestamp);
  }
  return micros === undefined ? undefined : Math.floor(micros / 1000);
}

/** The de-duplication key: `detail.eventID`, else the envelope `id`; `event_id` for normalised records; `message.eventId` for log events. */
export function itemEventId(item: ReplayItem): string | undefined {
  let id: unknown;
  if (item.kind === 'event') id = objectField(item.event.detail, 'eventID') ?? item.event.id;
  else if (item.kind === 'normalised') id = item.record.event_id;
  else if (item.kind === 'log') id = objectField(item.event.message, 'eventId');
  return typeof id === 'string' && id !== '' ? id : undefined;
}
