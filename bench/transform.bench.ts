/**
 * npm run bench: the transform on a full 3 MB Firehose processor batch, against a bare
 * decode → parse → stringify → encode floor in the same run; bundle sizes; cold module-load time; peak RSS
 * on a 6 MB event. A benchmark, not a test: it always exits 0 and prints MISS loudly when a goal is missed.
 * BENCH_TRANSFORM_BUNDLE=path points it at another build of the transform.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FirehoseTransformationEvent, FirehoseTransformationResult, LambdaContext } from '../functions/transform/types';
import { buildBatch, LAMBDA_EVENT_BYTES, loadTemplates, PROCESSOR_BATCH_DATA_BYTES } from './batch';
import { measureBatchTimes, measureColdLoads, measurePeakRss } from './child-measures';
import { hostileUsernameBatch } from './hostile-batch';
import { floorTransform } from './floor';

// Goals from DESIGN.md, "Quality bars".
const GOAL_RATIO = 1.25;
const GOAL_BUNDLE_BYTES = 50 * 1024;
const GOAL_COLD_LOAD_MS = 20;
const GOAL_PEAK_RSS_BYTES = 150 * 1024 * 1024;
/** USERNAME_MODE=hash on a 3 MB batch of hostile username arrays (issue 12): about a quarter of a second. */
const GOAL_HOSTILE_BATCH_MS = 250;
const HOSTILE_RUNS = 7;
const WARMUP_RUNS = 5;
const TIMED_RUNS = 21;
const COLD_LOAD_RUNS = 15;

type Handler = (event: FirehoseTransformationEvent, context: LambdaContext) => Promise<FirehoseTransformationResult>;

const root = process.cwd();
const bundle = path.resolve(process.env.BENCH_TRANSFORM_BUNDLE ?? path.join(root, 'dist/transform/index.js'));
const endpointCheckBundle = path.join(root, 'dist/endpoint-check/index.js');
// The handler reads its settings at import: the defaults, as a fresh deployment runs them.
const lambdaEnv: NodeJS.ProcessEnv = {
  ...process.env,
  AWS_LAMBDA_FUNCTION_NAME: 'bench-transform',
  PAYLOAD_MODE: 'json',
  USERNAME_MODE: 'keep',
  SOURCE_IP_MODE: 'keep',
  LATE_EVENT_POLICY: 'restamp',
  LOG_LEVEL: 'INFO',
};
const context: LambdaContext = { awsRequestId: 'bench', functionName: 'bench-transform' };

async function main(): Promise<void> {
  if (!existsSync(bundle)) {
    process.stderr.write(`bench: ${path.relative(root, bundle)} does not exist; run npm run build first.\n`);
    return;
  }
  Object.assign(process.env, lambdaEnv);
  const templates = loadTemplates(path.join(root, 'events/eventbridge'));
  const batch = buildBatch(templates, { dataBytes: PROCESSOR_BATCH_DATA_BYTES, nowMs: Date.now() });
  const records = batch.event.records.length;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle is loaded as Lambda loads it
  const { handler } = require(bundle) as { handler: Handler };

  const check = await quietly(() => handler(batch.event, context));
  const results = countResults(check);
  const transformMs: number[] = [];
  const floorMs: number[] = [];
  for (let run = 0; run < WARMUP_RUNS + TIMED_RUNS; run += 1) {
    const t = await timed(() => quietly(() => handler(batch.event, context)));
    const f = await timed(async () => floorTransform(batch.event));
    if (run >= WARMUP_RUNS) {
      transformMs.push(t);
      floorMs.push(f);
    }
  }
  const transform = median(transformMs);
  const floor = median(floorMs);
  // Median of the paired ratios: each transform run is timed right next to a floor run, so drift in the
  // machine's load (other processes, CPU frequency) cancels out better than in a ratio of two medians.
  const ratio = median(transformMs.map((t, i) => t / (floorMs[i] ?? t)));

  const coldLoad = median(measureColdLoads({ bundle, env: lambdaEnv }, COLD_LOAD_RUNS));
  const rss = peakRss(templates);
  const hostile = hostileUsernames();

  const lines: Line[] = [
    { name: `transform, ${records} records`, value: throughput(records, batch.dataBytes, transform) },
    { name: 'floor (decode→parse→stringify→encode)', value: throughput(records, batch.dataBytes, floor) },
    { name: 'ratio transform/floor time', value: ratio.toFixed(2), goal: `≤ ${GOAL_RATIO}`, pass: ratio <= GOAL_RATIO },
    bundleLine('transform bundle', bundle, true),
    bundleLine('endpoint-check bundle', endpointCheckBundle, false),
    { name: `cold module load (median of ${COLD_LOAD_RUNS})`, value: `${coldLoad.toFixed(1)} ms`, goal: `≤ ${GOAL_COLD_LOAD_MS} ms`, pass: coldLoad <= GOAL_COLD_LOAD_MS },
    {
      name: `peak RSS, ${(rss.eventBytes / 1e6).toFixed(1)} MB event (${rss.records} records)`,
      value: `${(rss.maxRssBytes / 1024 / 1024).toFixed(1)} MiB`,
      goal: '≤ 150 MiB',
      pass: rss.maxRssBytes <= GOAL_PEAK_RSS_BYTES,
    },
    {
      name: `USERNAME_MODE=hash, ${(hostile.dataBytes / 1e6).toFixed(1)} MB of username arrays (median of ${HOSTILE_RUNS})`,
      value: `${hostile.ms.toFixed(1)} ms, ${(hostile.maxRssBytes / 1024 / 1024).toFixed(1)} MiB, Ok ${hostile.ok}`,
      goal: `≤ ${GOAL_HOSTILE_BATCH_MS} ms`,
      pass: hostile.ms <= GOAL_HOSTILE_BATCH_MS,
    },
  ];
  print(batch.dataBytes, records, results, lines);
}

interface Line {
  readonly name: string;
  readonly value: string;
  readonly goal?: string;
  readonly pass?: boolean;
}

function throughput(records: number, bytes: number, ms: number): string {
  const seconds = ms / 1000;
  return `${ms.toFixed(1)} ms: ${Math.round(records / seconds).toLocaleString('en-US')} rec/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s`;
}

function bundleLine(name: string, file: string, hasGoal: boolean): Line {
  if (!existsSync(file)) return { name, value: 'not built' };
  const bytes = statSync(file).size;
  const value = `${bytes.toLocaleString('en-US')} B (${(bytes / 1024).toFixed(1)} KiB)`;
  return hasGoal ? { name, value, goal: '≤ 50 KiB', pass: bytes <= GOAL_BUNDLE_BYTES } : { name, value };
}

function peakRss(templates: ReturnType<typeof loadTemplates>): { maxRssBytes: number; records: number; eventBytes: number } {
  const batch = buildBatch(templates, { eventBytes: LAMBDA_EVENT_BYTES, nowMs: Date.now(), seed: 2 });
  const dir = path.join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'event-6mb.json');
  const text = JSON.stringify(batch.event);
  writeFileSync(file, text);
  const result = measurePeakRss({ bundle, env: lambdaEnv }, file);
  return { maxRssBytes: result.maxRssBytes, records: result.records, eventBytes: text.length };
}

function hostileUsernames(): { ms: number; maxRssBytes: number; ok: number; dataBytes: number } {
  const { event, dataBytes } = hostileUsernameBatch(Date.now());
  const dir = path.join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'event-hostile-usernames.json');
  writeFileSync(file, JSON.stringify(event));
  const result = measureBatchTimes({ bundle, env: { ...lambdaEnv, USERNAME_MODE: 'hash' } }, file, HOSTILE_RUNS);
  return { ms: median(result.ms), maxRssBytes: result.maxRssBytes, ok: result.ok, dataBytes };
}

function countResults(response: FirehoseTransformationResult): Record<string, number> {
  const counts: Record<string, number> = { Ok: 0, Dropped: 0, ProcessingFailed: 0 };
  for (const record of response.records) counts[record.result] = (counts[record.result] ?? 0) + 1;
  return counts;
}

/** Runs `fn` with process.stdout swallowed: the handler writes its log and EMF lines there. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function print(dataBytes: number, records: number, results: Record<string, number>, lines: readonly Line[]): void {
  const out: string[] = [];
  out.push(`Transform benchmark: ${records} records, ${dataBytes.toLocaleString('en-US')} bytes of record data, median of ${TIMED_RUNS} runs after ${WARMUP_RUNS} warm-up runs`);
  out.push(`Node ${process.version}, bundle ${path.relative(root, bundle)}; results: Ok ${results.Ok}, Dropped ${results.Dropped}, ProcessingFailed ${results.ProcessingFailed}`);
  const width = Math.max(...lines.map((l) => l.name.length));
  const valueWidth = Math.max(...lines.map((l) => l.value.length));
  for (const line of lines) {
    const verdict = line.pass === undefined ? '' : line.pass ? 'PASS' : 'MISS  <<<<<<<<';
    out.push(`${line.name.padEnd(width)}  ${line.value.padEnd(valueWidth)}  ${(line.goal ?? '').padEnd(12)}  ${verdict}`.trimEnd());
  }
  const misses = lines.filter((l) => l.pass === false);
  if (results.Ok !== records) out.push(`NOTE: ${records - (results.Ok ?? 0)} of ${records} records were not Ok; the figures do not measure the full path.`);
  if (misses.length > 0) out.push(`!!! MISS: ${misses.map((l) => `${l.name} ${l.value} (goal ${l.goal})`).join('; ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
});
