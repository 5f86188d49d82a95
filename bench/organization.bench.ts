/**
 * npm run bench:organization — the scale story of central mode, in numbers: a synthetic day of an
 * organization (accounts × regions, a peak hour), the size of its events as EventBridge puts them into the
 * central delivery stream, the events per second the transform sustains per vCPU (the built bundle, as
 * Lambda runs it, on full 3 MB processor batches of the organization's events), and how the peak hour
 * compares with the stream's Direct PUT quota and the central account's EventBridge invocations quota.
 * A benchmark, not a test: it prints and exits 0. ORG_ACCOUNTS, ORG_REGIONS (count), ORG_EVENTS_PER_DAY
 * and ORG_PEAK_SHARE change the organization.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FirehoseTransformationEvent, FirehoseTransformationEventRecord } from 'aws-lambda';
import type { TransformResponse, TransformContext } from '../functions/transform/types';
import { loadTemplates, PROCESSOR_BATCH_DATA_BYTES } from './batch';
import { hourlyCounts, organizationDay, type OrganizationShape } from './organization-day';
import {
  BYTES_PER_MIB,
  EVENTBRIDGE_INVOCATIONS_PER_SECOND,
  FIREHOSE_DIRECT_PUT,
  LAMBDA_MB_PER_VCPU,
  TRANSFORM_MEMORY_MB,
} from './service-quotas';

const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'us-west-2', 'sa-east-1', 'ap-northeast-1', 'ca-central-1'];
/** Events generated to measure sizes and the transform: a sample of the day, not all of it. */
const SAMPLE_EVENTS = 40_000;
const WARMUP_RUNS = 3;
const TIMED_RUNS = 11;
const SECONDS_PER_HOUR = 3600;
const SECONDS_PER_DAY = 86_400;
/** Live events span the last ten minutes when they reach the transform. */
const LIVE_SPREAD_MS = 10 * 60 * 1000;

type Handler = (event: FirehoseTransformationEvent, context: TransformContext) => Promise<TransformResponse>;

const root = process.cwd();
const bundle = path.join(root, 'dist/transform/index.js');
const numberFrom = (name: string, fallback: number): number => (process.env[name] ? Number(process.env[name]) : fallback);

const shape: OrganizationShape = {
  accounts: numberFrom('ORG_ACCOUNTS', 200),
  regions: REGIONS.slice(0, numberFrom('ORG_REGIONS', 6)),
  events: numberFrom('ORG_EVENTS_PER_DAY', 20_000_000),
  peakHour: 14,
  peakShare: numberFrom('ORG_PEAK_SHARE', 0.12),
  date: '2025-06-17',
};

const fmt = (value: number, digits = 0): string => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The sample's events as Firehose records (EventBridge puts one event per record), in 3 MB processor batches. */
function processorBatches(texts: readonly string[], arrivalMs: number): FirehoseTransformationEvent[] {
  const batches: FirehoseTransformationEvent[] = [];
  let records: FirehoseTransformationEventRecord[] = [];
  let bytes = 0;
  const flush = (): void => {
    if (records.length === 0) return;
    batches.push({ invocationId: `org-${batches.length}`, deliveryStreamArn: 'arn:aws:firehose:eu-west-1:111122223333:deliverystream/org', region: 'eu-west-1', records });
    records = [];
    bytes = 0;
  };
  texts.forEach((text, i) => {
    const size = Buffer.byteLength(text);
    if (bytes + size > PROCESSOR_BATCH_DATA_BYTES) flush();
    records.push({ recordId: `rec-${String(i).padStart(9, '0')}`, approximateArrivalTimestamp: arrivalMs, data: Buffer.from(text).toString('base64') });
    bytes += size;
  });
  flush();
  return batches;
}

async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
  }
}

async function main(): Promise<void> {
  if (!existsSync(bundle)) {
    process.stderr.write(`bench: ${path.relative(root, bundle)} does not exist; run npm run build first.\n`);
    return;
  }
  process.env.AWS_LAMBDA_FUNCTION_NAME = 'bench-transform';
  process.env.LOG_LEVEL = 'INFO';
  const templates = loadTemplates(path.join(root, 'events/eventbridge'));
  const sample = [...organizationDay(templates, { ...shape, events: SAMPLE_EVENTS })];
  // As the events reach the transform live: a second or two after they happened. (An event of the
  // synthetic day's date would be re-stamped as late, which is not what a live stream does.)
  const nowMs = Date.now();
  const texts = sample.map(({ event }, i) => {
    const time = new Date(nowMs - LIVE_SPREAD_MS + ((i * 7_919) % LIVE_SPREAD_MS)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return JSON.stringify({ ...event, time, detail: { ...event.detail, eventTime: time } });
  });
  const sizes = texts.map((text) => Buffer.byteLength(text));
  const meanBytes = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
  const peakPerSecond = (hourlyCounts(shape)[shape.peakHour] ?? 0) / SECONDS_PER_HOUR;

  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle is loaded as Lambda loads it
  const { handler } = require(bundle) as { handler: Handler };
  const context: TransformContext = { awsRequestId: 'bench', functionName: 'bench-transform' };
  const batches = processorBatches(texts, nowMs);
  // CPU time (user + system) of this process, not wall time: events per CPU-second is events/s per vCPU,
  // and it holds on a machine that other work shares.
  const runs: number[] = [];
  const wall: number[] = [];
  let ok = 0;
  for (let run = 0; run < WARMUP_RUNS + TIMED_RUNS; run += 1) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (const batch of batches) {
      const result = await quietly(() => handler(batch, context));
      if (run === 0) ok += result.records.filter((record) => record.result === 'Ok').length;
    }
    const used = process.cpuUsage(cpu);
    if (run >= WARMUP_RUNS) {
      runs.push((used.user + used.system) / 1000);
      wall.push(performance.now() - start);
    }
  }
  const seconds = median(runs) / 1000;
  const perVcpu = texts.length / seconds;
  const vcpuAt512 = TRANSFORM_MEMORY_MB / LAMBDA_MB_PER_VCPU;

  const out: string[] = [];
  out.push(`Organization day: ${shape.accounts} accounts × ${shape.regions.length} regions (${shape.regions.join(', ')})`);
  out.push(`  ${fmt(shape.events)} Cognito events a day: ${fmt(shape.events / SECONDS_PER_DAY, 1)} events/s on average; peak hour ${shape.peakHour}:00 UTC with ${fmt(shape.peakShare * 100)} % of the day = ${fmt(peakPerSecond, 1)} events/s`);
  out.push(`  event size as EventBridge puts it into Firehose: mean ${fmt(meanBytes)} B (min ${fmt(Math.min(...sizes))}, max ${fmt(Math.max(...sizes))}); each is billed as 5 KB`);
  out.push('');
  out.push(`Transform (${path.relative(root, bundle)}, Node ${process.version}; one process is one vCPU): ${fmt(texts.length)} events in ${batches.length} batches of ≤ 3 MB, ${fmt(ok)} Ok`);
  out.push(`  ${fmt(median(runs), 1)} ms of CPU (${fmt(median(wall), 1)} ms wall; medians of ${TIMED_RUNS}): ${fmt(perVcpu)} events/s per vCPU, ${fmt((perVcpu * meanBytes) / BYTES_PER_MIB, 1)} MiB/s`);
  out.push(`  at MemorySize ${TRANSFORM_MEMORY_MB} MB (${fmt(vcpuAt512, 2)} vCPU): ${fmt(perVcpu * vcpuAt512)} events/s per concurrent invocation`);
  out.push('');
  out.push('Direct PUT quota of the central delivery stream, as events/s (one event per record):');
  for (const quota of FIREHOSE_DIRECT_PUT) {
    const byBytes = (quota.mibPerSecond * BYTES_PER_MIB) / meanBytes;
    const limits = [
      { name: 'records/s', value: quota.recordsPerSecond },
      { name: 'requests/s (one PutRecord per event)', value: quota.requestsPerSecond },
      { name: `MiB/s at ${fmt(meanBytes)} B`, value: byBytes },
    ].sort((a, b) => a.value - b.value);
    const binding = limits[0]!;
    out.push(
      `  ${quota.regions}: ${fmt(quota.recordsPerSecond)} records/s, ${fmt(quota.requestsPerSecond)} requests/s, ${quota.mibPerSecond} MiB/s (${fmt(byBytes)} events/s)` +
        ` → at most ${fmt(binding.value)} events/s (${binding.name}); the peak hour uses ${fmt((100 * peakPerSecond) / binding.value)} %;` +
        ` the transform at ${TRANSFORM_MEMORY_MB} MB keeps up with it in ${fmt(binding.value / (perVcpu * vcpuAt512), 2)} concurrent invocations`,
    );
  }
  out.push('');
  out.push('EventBridge invocations quota of the central account and region (each event the organization rule delivers is one):');
  for (const quota of EVENTBRIDGE_INVOCATIONS_PER_SECOND) {
    out.push(`  ${quota.regions}: ${fmt(quota.perSecond)}/s; the peak hour uses ${fmt((100 * peakPerSecond) / quota.perSecond, 1)} %`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
