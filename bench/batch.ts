/**
 * Realistic Firehose processor batches for the benchmark: the events of `events/eventbridge/` again and
 * again, each copy with its own ids, times, source address and subject, up to a byte budget. Deterministic
 * for a given seed and clock.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FirehoseTransformationEvent, FirehoseTransformationEventRecord } from 'aws-lambda';

/** Firehose's largest processor buffer, `BufferSizeInMBs` 3: bytes of record data per invocation (docs/reference/aws-contracts.md#firehose-record-transformation). */
export const PROCESSOR_BATCH_DATA_BYTES = 3_000_000;
/** Lambda's invocation payload limit, 6 MB: the largest event the transform can be handed (docs/reference/aws-contracts.md#firehose-record-transformation). */
export const LAMBDA_EVENT_BYTES = 6_000_000;
/** EventBridge → Firehose: records arrive about a second and a half after the event. */
const ARRIVAL_DELAY_MS = 1_500;
/** Spread of event times within the batch: the last ten minutes. */
const EVENT_SPREAD_MS = 10 * 60 * 1000;
const CLIENT_IDS = ['3n4b5c6d7e8f9g0h1i2j3k4l5m', '7q8r9s0t1u2v3w4x5y6z7a8b9c', '1d2e3f4g5h6i7j8k9l0m1n2o3p'];
const IP_PREFIXES = ['192.0.2.', '198.51.100.', '203.0.113.'];

/**
 * Text in the user-controlled fields of the `unicode` batch: non-ASCII letters, scripts, emoji and U+2028 in
 * every record, and in about two records of three characters JSON must escape (quote, backslash, tab,
 * newline), so that the batch takes both the transform's escaping path and its plain path for text without
 * a backslash (functions/transform/decode-record.ts, `plainStrings`).
 */
const UNICODE_USER_AGENTS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 «Zoë’s “app”» 東京/1.2 📱',
  'MyApp/3.1 (Android 14; Pixel 8) Dalvik/2.1.0 \\ build\t"nightly"\n Straße',
  'curl/8.7.1 (x86_64-pc-linux-gnu) — Ñandú\u2028über-proxy ✓',
] as const;
const UNICODE_NAMES = ['zoë.müller@exämple.com', '山田太郎', 'o\'brien "the \\ admin"', 'Łukasz\tŻółć', 'имя_пользователя', 'أحمد'] as const;

/** `ascii`: the sample events as they are; `unicode`: the same with non-ASCII and escaped text in them. */
export type BatchText = 'ascii' | 'unicode';

/** A parsed EventBridge event used as a pattern. */
export type EventTemplate = Record<string, unknown> & { detail: Record<string, unknown> };

export interface BatchLimits {
  /** Stop before the decoded record data would exceed this many bytes. */
  readonly dataBytes?: number;
  /** Stop before the serialised event would exceed this many bytes. */
  readonly eventBytes?: number;
  readonly nowMs: number;
  readonly seed?: number;
  /** Default `ascii`. */
  readonly text?: BatchText;
}

export interface Batch {
  readonly event: FirehoseTransformationEvent;
  /** Bytes of decoded record data. */
  readonly dataBytes: number;
  /** Bytes of the event as JSON (what Lambda is handed). */
  readonly eventBytes: number;
}

/** Reads every `*.json` of `dir` (events/eventbridge) as a template. */
export function loadTemplates(dir: string): EventTemplate[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as EventTemplate);
}

/** Fills a batch with varied copies of the templates until the first limit is reached. */
export function buildBatch(templates: readonly EventTemplate[], limits: BatchLimits): Batch {
  if (templates.length === 0) throw new Error('No event templates; add events/eventbridge/*.json.');
  const random = mulberry32(limits.seed ?? 1);
  const maxData = limits.dataBytes ?? Number.POSITIVE_INFINITY;
  const maxEvent = limits.eventBytes ?? Number.POSITIVE_INFINITY;
  const shell = { invocationId: uuid(random), deliveryStreamArn: 'arn:aws:firehose:eu-west-1:111122223333:deliverystream/bench', region: 'eu-west-1' };
  const records: FirehoseTransformationEventRecord[] = [];
  let dataBytes = 0;
  let eventBytes = JSON.stringify({ ...shell, records: [] }).length;
  for (let i = 0; ; i += 1) {
    const template = templates[i % templates.length] as EventTemplate;
    const eventMs = limits.nowMs - Math.floor(random() * EVENT_SPREAD_MS);
    const data = Buffer.from(varied(template, eventMs, random, limits.text ?? 'ascii'), 'utf8');
    const record: FirehoseTransformationEventRecord = {
      recordId: `49659870452190163457938284551326048792173210457092620290${String(i).padStart(6, '0')}`,
      approximateArrivalTimestamp: eventMs + ARRIVAL_DELAY_MS,
      data: data.toString('base64'),
    };
    const recordBytes = JSON.stringify(record).length + 1;
    if (dataBytes + data.length > maxData || eventBytes + recordBytes > maxEvent) break;
    records.push(record);
    dataBytes += data.length;
    eventBytes += recordBytes;
  }
  return { event: { ...shell, records }, dataBytes, eventBytes };
}

/** One copy of a template as EventBridge would put it (compact JSON), with fresh ids, time and caller. */
function varied(template: EventTemplate, eventMs: number, random: () => number, text: BatchText): string {
  const event = structuredClone(template);
  const detail = event.detail;
  const time = new Date(eventMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  event.id = uuid(random);
  event.time = time;
  detail.eventTime = time;
  detail.eventID = uuid(random);
  detail.requestID = uuid(random);
  detail.sourceIPAddress = `${IP_PREFIXES[Math.floor(random() * IP_PREFIXES.length)]}${1 + Math.floor(random() * 254)}`;
  const extra = detail.additionalEventData;
  if (isObject(extra) && typeof extra.sub === 'string') extra.sub = uuid(random);
  const request = detail.requestParameters;
  if (isObject(request) && typeof request.clientId === 'string') request.clientId = CLIENT_IDS[Math.floor(random() * CLIENT_IDS.length)];
  if (text === 'unicode') unicodeText(detail, random);
  // Hosted-UI statuses arrive as floats (`200.0`); JSON.stringify would write 200.
  return JSON.stringify(event).replace(/"status":(\d+)([,}])/, '"status":$1.0$2');
}

/** Puts non-ASCII and escaped text where users control it: the user agent, user names, error messages. */
function unicodeText(detail: Record<string, unknown>, random: () => number): void {
  detail.userAgent = pick(UNICODE_USER_AGENTS, random);
  const request = detail.requestParameters;
  if (isObject(request)) {
    for (const key of ['username', 'userName']) if (typeof request[key] === 'string') request[key] = pick(UNICODE_NAMES, random);
  }
  const extra = detail.additionalEventData;
  if (isObject(extra) && typeof extra.userName === 'string') extra.userName = pick(UNICODE_NAMES, random);
  if (typeof detail.errorMessage === 'string') detail.errorMessage = `${detail.errorMessage} (user “${pick(UNICODE_NAMES, random)}”)`;
}

function pick<T>(values: readonly T[], random: () => number): T {
  return values[Math.floor(random() * values.length)] as T;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Small seeded PRNG so that a batch is the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
