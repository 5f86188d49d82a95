/**
 * npm run bench: the transform as Lambda runs it, on full 3 MB Firehose processor batches (the sample
 * events as they are, and again with non-ASCII and escaped text), against a bare decode → parse →
 * stringify → encode floor in the same run; each also end to end, with the runtime's own event parse and
 * response stringify; bundle sizes; cold module-load time; peak RSS on a 6 MB event. Every timed figure
 * is the median over the runs, with its spread. A benchmark, not a test: a missed goal prints MISS loudly
 * and the exit code stays 0; a benchmark that cannot run exits 1.
 * BENCH_TRANSFORM_BUNDLE=path points it at another build of the transform.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FirehoseTransformationEvent } from 'aws-lambda';
import type { TransformResponse, TransformContext } from '../functions/transform/types';
import { type Batch, type BatchText, buildBatch, LAMBDA_EVENT_BYTES, loadTemplates, PROCESSOR_BATCH_DATA_BYTES } from './batch';
import { measureBatchTimes, measureColdLoads, measurePeakRss } from './child-measures';
import { allocatingFloorTransform, floorTransform } from './floor';
import { hostileUsernameBatch } from './hostile-batch';
import { interleavedRuns, pairedRatios, type Transform } from './paired-runs';
import { type Spread, spread } from './stats';

// Goals from the project's quality bars (docs/readme/96-benchmarks.md).
const GOAL_RATIO = 1.25;
const GOAL_BUNDLE_BYTES = 50 * 1024;
const GOAL_COLD_LOAD_MS = 20;
const GOAL_PEAK_RSS_BYTES = 150 * 1024 * 1024;
/** USERNAME_MODE=hash on a 3 MB batch of hostile username arrays (issue 12): about a quarter of a second. */
const GOAL_HOSTILE_BATCH_MS = 250;
const HOSTILE_RUNS = 7;
const WARMUP_RUNS = 5;
const TIMED_RUNS = 31;
const COLD_LOAD_RUNS = 15;
const BATCHES: readonly BatchText[] = ['ascii', 'unicode'];

type Handler = (event: FirehoseTransformationEvent, context: TransformContext) => Promise<TransformResponse>;

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
const context: TransformContext = { awsRequestId: 'bench', functionName: 'bench-transform' };

interface Line {
  readonly name: string;
  readonly value: string;
  readonly goal?: string;
  readonly pass?: boolean;
}

async function main(): Promise<void> {
  if (!existsSync(bundle)) throw new Error(`${path.relative(root, bundle)} does not exist; run npm run build first.`);
  Object.assign(process.env, lambdaEnv);
  const templates = loadTemplates(path.join(root, 'events/eventbridge'));
  // The built bundle, loaded as Lambda loads it.
  const { handler } = require(bundle) as { handler: Handler };
  const transform: Transform = (event) => quietly(() => handler(event, context));

  const head: string[] = [];
  const lines: Line[] = [];
  for (const text of BATCHES) {
    const batch = buildBatch(templates, { dataBytes: PROCESSOR_BATCH_DATA_BYTES, nowMs: Date.now(), text });
    const results = countResults(await transform(batch.event));
    head.push(batchHead(text, batch, results));
    lines.push(...(await batchLines(text, batch, transform)));
  }
  const coldLoads = spread(measureColdLoads({ bundle, env: lambdaEnv }, COLD_LOAD_RUNS));
  const rss = peakRss(templates);
  const hostile = hostileUsernames();
  lines.push(
    bundleLine('transform bundle', bundle, true),
    bundleLine('endpoint-check bundle', endpointCheckBundle, false),
    { name: `cold module load (${COLD_LOAD_RUNS} processes)`, value: `${ms(coldLoads)}`, goal: `≤ ${GOAL_COLD_LOAD_MS} ms`, pass: coldLoads.median <= GOAL_COLD_LOAD_MS },
    {
      name: `peak RSS, ${(rss.eventBytes / 1e6).toFixed(1)} MB event (${rss.records} records)`,
      value: `${(rss.maxRssBytes / 1024 / 1024).toFixed(1)} MiB`,
      goal: '≤ 150 MiB',
      pass: rss.maxRssBytes <= GOAL_PEAK_RSS_BYTES,
    },
    {
      name: `USERNAME_MODE=hash, ${(hostile.dataBytes / 1e6).toFixed(1)} MB of username arrays (${HOSTILE_RUNS} runs)`,
      value: `${ms(hostile.ms)}, ${(hostile.maxRssBytes / 1024 / 1024).toFixed(1)} MiB, Ok ${hostile.ok}`,
      goal: `≤ ${GOAL_HOSTILE_BATCH_MS} ms`,
      pass: hostile.ms.median <= GOAL_HOSTILE_BATCH_MS,
    },
  );
  print(head, lines);
}

/** The lines of one batch: handler times, the ratio (the goal), end-to-end times, and the old floor's bias. */
async function batchLines(text: BatchText, batch: Batch, transform: Transform): Promise<Line[]> {
  const eventText = JSON.stringify(batch.event);
  const [t, f, old] = await interleavedRuns([transform, async (e) => floorTransform(e), async (e) => allocatingFloorTransform(e)], eventText, WARMUP_RUNS, TIMED_RUNS);
  if (!t || !f || !old) throw new Error('interleavedRuns returned fewer series than transforms.');
  const records = batch.event.records.length;
  const ratio = spread(pairedRatios(t.handlerMs, f.handlerMs));
  const cpuRatio = spread(pairedRatios(t.handlerCpuMs, f.handlerCpuMs));
  const endToEndRatio = spread(pairedRatios(t.endToEndMs, f.endToEndMs));
  const oldFloorBias = spread(pairedRatios(old.handlerMs, f.handlerMs));
  return [
    { name: `${text}: transform`, value: throughput(records, batch.dataBytes, spread(t.handlerMs)) },
    { name: `${text}: floor`, value: throughput(records, batch.dataBytes, spread(f.handlerMs)) },
    { name: `${text}: ratio transform/floor`, value: ratioText(ratio), goal: `≤ ${GOAL_RATIO}`, pass: ratio.median <= GOAL_RATIO },
    { name: `${text}: ratio on CPU time`, value: `${ratioText(cpuRatio)}; transform ${ms(spread(t.handlerCpuMs))}` },
    { name: `${text}: end to end, transform`, value: `${ms(spread(t.endToEndMs))}` },
    { name: `${text}: end to end, floor`, value: `${ms(spread(f.endToEndMs))}` },
    { name: `${text}: end to end, ratio`, value: ratioText(endToEndRatio) },
    { name: `${text}: allocating floor/floor`, value: ratioText(oldFloorBias) },
  ];
}

function batchHead(text: BatchText, batch: Batch, results: Record<string, number>): string {
  const records = batch.event.records.length;
  const note = results.Ok === records ? '' : `  NOTE: ${records - (results.Ok ?? 0)} records not Ok; the figures do not measure the full path`;
  return `batch ${text}: ${records} records, ${batch.dataBytes.toLocaleString('en-US')} bytes of record data, ${(batch.eventBytes / 1e6).toFixed(2)} MB event; Ok ${results.Ok}, Dropped ${results.Dropped}, ProcessingFailed ${results.ProcessingFailed}${note}`;
}

/** `median [min–max]` in milliseconds. */
function ms(s: Spread): string {
  return `${s.median.toFixed(1)} ms [${s.min.toFixed(1)}–${s.max.toFixed(1)}]`;
}

function ratioText(s: Spread): string {
  return `${s.median.toFixed(2)} [${s.min.toFixed(2)}–${s.max.toFixed(2)}; p10–p90 ${s.p10.toFixed(2)}–${s.p90.toFixed(2)}]`;
}

function throughput(records: number, bytes: number, s: Spread): string {
  const seconds = s.median / 1000;
  return `${ms(s)}: ${Math.round(records / seconds).toLocaleString('en-US')} rec/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s`;
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

function hostileUsernames(): { ms: Spread; maxRssBytes: number; ok: number; dataBytes: number } {
  const { event, dataBytes } = hostileUsernameBatch(Date.now());
  const dir = path.join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'event-hostile-usernames.json');
  writeFileSync(file, JSON.stringify(event));
  const result = measureBatchTimes({ bundle, env: { ...lambdaEnv, USERNAME_MODE: 'hash' } }, file, HOSTILE_RUNS);
  return { ms: spread(result.ms), maxRssBytes: result.maxRssBytes, ok: result.ok, dataBytes };
}

function countResults(response: TransformResponse): Record<string, number> {
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

function print(head: readonly string[], lines: readonly Line[]): void {
  const out: string[] = [];
  out.push(`Transform benchmark: Node.js ${process.version}, bundle ${path.relative(root, bundle)}`);
  out.push(`Each time is the median of ${TIMED_RUNS} runs after ${WARMUP_RUNS} warm-up runs, [min–max] over the runs; ratios are medians of per-run ratios.`);
  out.push(...head);
  const width = Math.max(...lines.map((l) => l.name.length));
  const valueWidth = Math.max(...lines.map((l) => l.value.length));
  for (const line of lines) {
    const verdict = line.pass === undefined ? '' : line.pass ? 'PASS' : 'MISS  <<<<<<<<';
    out.push(`${line.name.padEnd(width)}  ${line.value.padEnd(valueWidth)}  ${(line.goal ?? '').padEnd(10)}  ${verdict}`.trimEnd());
  }
  const misses = lines.filter((l) => l.pass === false);
  if (misses.length > 0) out.push(`!!! MISS: ${misses.map((l) => `${l.name} ${l.value} (goal ${l.goal})`).join('; ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
