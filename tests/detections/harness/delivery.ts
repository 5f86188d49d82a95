/**
 * A scenario's events through the pipeline to the rows OpenObserve stores: EventBridge (CloudTrail) or
 * CloudWatch Logs' log delivery (user activity logs) hands each event to Firehose after a delay, Firehose
 * buffers for `BUFFER_INTERVAL_MS` and sends the buffer to the real
 * transform (`processBatch`), and OpenObserve stores the transformed records by its own ingestion rules (the
 * test oracle in tests/helpers/openobserve-rules.ts). Firehose delivers at least once: a redelivered buffer
 * is stored twice, and OpenObserve does not de-duplicate (docs/reference/openobserve-firehose-ingestion.md).
 * Every stored row keeps the time it was ingested, so an alert run sees only what had arrived.
 */
import { DEFAULT_TRANSFORM_CONFIG, type TransformConfig } from '../../../functions/transform/config';
import { processBatch } from '../../../functions/transform/process-batch';
import type { FirehoseTransformationEventRecord } from 'aws-lambda';
import { parseFirehoseBase64, type Row } from '../../helpers/openobserve-rules';
import type { TimedEvent } from './cloudtrail';
import { Random } from './random';

/** The template's default `HttpBufferIntervalSeconds` (60), as ms. */
export const BUFFER_INTERVAL_MS = 60_000;
/** CloudTrail → EventBridge → Firehose: an assumption of 5 to 90 s; AWS documents no bound. */
const EVENT_DELAY_MS = [5_000, 90_000] as const;
/** Cognito → CloudWatch Logs' log delivery → Firehose: an assumption of 10 s to 3 min; AWS says "best effort". */
const LOG_DELIVERY_DELAY_MS = [10_000, 180_000] as const;
/** When a redelivered buffer arrives again: an assumption (Firehose retries after an unacknowledged delivery). */
const REDELIVERY_DELAY_MS = 120_000;
/** Transform and HTTP delivery of one buffer. */
const DELIVERY_MS = 2_000;
/**
 * Redelivery choices and log-delivery delays use their own sequences, and a buffer's redelivery depends on
 * its flush time only: CloudTrail's rows are the same with or without the user activity log.
 */
const REDELIVERY_SEED_OFFSET = 7919;
const LOG_DELIVERY_SEED_OFFSET = 15_485_863;
const STREAM_ARN = 'arn:aws:firehose:eu-west-1:111122223333:deliverystream/detections';

export interface StoredRow {
  /** The record as OpenObserve stores it (every schema v1 field present in it, `_timestamp` in µs). */
  readonly record: Row;
  /** When OpenObserve stored it, epoch ms. */
  readonly ingestedAt: number;
}

export interface DeliveryOptions {
  /** Seeds the delays and the choice of redelivered buffers. */
  readonly seed: number;
  /** Share of buffers delivered twice, 0 to 1. */
  readonly redelivered?: number;
  readonly config?: TransformConfig;
}

/** Base64 of the record: the event's JSON as EventBridge puts it, or a line of it as log delivery writes it. */
const encode = (e: TimedEvent): string => Buffer.from(e.via === 'log-delivery' ? `${JSON.stringify(e.event)}\n` : JSON.stringify(e.event), 'utf8').toString('base64');

interface ParsedBuffer {
  readonly flushAt: number;
  readonly rows: readonly Row[];
}

/** Transformed and parsed buffers by events and seed: a scenario played again with other redeliveries reuses them. */
const buffersOf = new WeakMap<readonly TimedEvent[], Map<number, readonly ParsedBuffer[]>>();

/** The events in Firehose buffers, each transformed and parsed as OpenObserve stores it. */
function buffers(events: readonly TimedEvent[], seed: number, config: TransformConfig): readonly ParsedBuffer[] {
  const cached = config === DEFAULT_TRANSFORM_CONFIG ? buffersOf.get(events)?.get(seed) : undefined;
  if (cached !== undefined) return cached;
  const random = new Random(seed);
  const logDelivery = new Random(seed + LOG_DELIVERY_SEED_OFFSET);
  const delay = (e: TimedEvent): number => (e.via === 'log-delivery' ? (e.delayMs ?? logDelivery.int(...LOG_DELIVERY_DELAY_MS)) : (e.delayMs ?? random.int(...EVENT_DELAY_MS)));
  const arrivals = events.map((e) => ({ e, arrival: e.at + delay(e) })).sort((a, b) => a.arrival - b.arrival);
  const byFlush = new Map<number, FirehoseTransformationEventRecord[]>();
  arrivals.forEach(({ e, arrival }, i) => {
    const flushAt = (Math.floor(arrival / BUFFER_INTERVAL_MS) + 1) * BUFFER_INTERVAL_MS;
    const records = byFlush.get(flushAt) ?? [];
    records.push({ recordId: String(i).padStart(12, '0'), approximateArrivalTimestamp: arrival, data: encode(e) });
    byFlush.set(flushAt, records);
  });
  const result = [...byFlush].map(([flushAt, records]): ParsedBuffer => {
    const { response, failures } = processBatch({ invocationId: `delivery-${flushAt}`, deliveryStreamArn: STREAM_ARN, region: 'eu-west-1', records }, config, flushAt);
    if (failures.length > 0) throw new Error(`The transform failed ${failures.length} generated records, first: ${failures[0]?.reason}; fix the scenario's events.`);
    const rows = response.records.flatMap((record) => {
      if (record.result !== 'Ok') throw new Error(`The transform answered ${record.result} for a generated record; fix the scenario's events.`);
      const verdict = parseFirehoseBase64(record.data, { nowMs: flushAt + DELIVERY_MS });
      if (verdict.kind !== 'stored') throw new Error(`OpenObserve would not store a transformed record (${verdict.kind}: ${'reason' in verdict ? verdict.reason : ''}).`);
      return verdict.rows;
    });
    return { flushAt, rows };
  });
  if (config === DEFAULT_TRANSFORM_CONFIG) buffersOf.set(events, new Map([...(buffersOf.get(events) ?? []), [seed, result]]));
  return result;
}

/**
 * The rows OpenObserve holds after the events went through the pipeline, in ingestion order. Throws when the
 * transform or OpenObserve refuses a generated event: a scenario must produce events the pipeline accepts.
 */
export function deliver(events: readonly TimedEvent[], options: DeliveryOptions): StoredRow[] {
  const config = options.config ?? DEFAULT_TRANSFORM_CONFIG;
  const stored: StoredRow[] = [];
  for (const { flushAt, rows } of buffers(events, options.seed, config)) {
    const redelivered = new Random(options.seed + REDELIVERY_SEED_OFFSET + flushAt / BUFFER_INTERVAL_MS).chance(options.redelivered ?? 0);
    const deliveries = redelivered ? [flushAt + DELIVERY_MS, flushAt + DELIVERY_MS + REDELIVERY_DELAY_MS] : [flushAt + DELIVERY_MS];
    for (const ingestedAt of deliveries) for (const record of rows) stored.push({ record, ingestedAt });
  }
  return stored.sort((a, b) => a.ingestedAt - b.ingestedAt);
}
