/**
 * Measurements that need a fresh Node process: the cold module-load time of a bundle, and the peak resident
 * memory of one invocation on a large event. Each child prints one JSON line on stderr (the handler owns
 * stdout).
 */
import { spawnSync } from 'node:child_process';

export interface ChildOptions {
  readonly bundle: string;
  readonly env: NodeJS.ProcessEnv;
}

/** Milliseconds to `require` the bundle in a fresh process (its config parse included), one value per run. */
export function measureColdLoads(options: ChildOptions, runs: number): number[] {
  const script = `
    const start = process.hrtime.bigint();
    require(${JSON.stringify(options.bundle)});
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    process.stderr.write(JSON.stringify({ ms }) + '\\n');`;
  return Array.from({ length: runs }, () => runChild(script, options.env).ms as number);
}

export interface PeakRss {
  readonly maxRssBytes: number;
  readonly records: number;
  readonly ok: number;
}

/** Peak RSS of a fresh process that reads the event file, loads the bundle and runs the handler once. */
export function measurePeakRss(options: ChildOptions, eventFile: string): PeakRss {
  const script = `
    const fs = require('node:fs');
    const event = JSON.parse(fs.readFileSync(${JSON.stringify(eventFile)}, 'utf8'));
    const { handler } = require(${JSON.stringify(options.bundle)});
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true;
    Promise.resolve(handler(event, { awsRequestId: 'bench-rss', functionName: 'bench' })).then((response) => {
      process.stdout.write = write;
      const ok = response.records.filter((r) => r.result === 'Ok').length;
      // resourceUsage().maxRSS is in kilobytes (KiB).
      const maxRssBytes = process.resourceUsage().maxRSS * 1024;
      process.stderr.write(JSON.stringify({ maxRssBytes, records: response.records.length, ok }) + '\\n');
    });`;
  const result = runChild(script, options.env);
  return { maxRssBytes: Number(result.maxRssBytes), records: Number(result.records), ok: Number(result.ok) };
}

export interface BatchTimes {
  /** Milliseconds of each invocation, in order. */
  readonly ms: number[];
  readonly maxRssBytes: number;
  readonly ok: number;
}

/** A fresh process with `options.env` (its own USERNAME_MODE…) runs the handler on the event `runs` times. */
export function measureBatchTimes(options: ChildOptions, eventFile: string, runs: number): BatchTimes {
  const script = `
    const fs = require('node:fs');
    const event = JSON.parse(fs.readFileSync(${JSON.stringify(eventFile)}, 'utf8'));
    const { handler } = require(${JSON.stringify(options.bundle)});
    process.stdout.write = () => true;
    (async () => {
      const ms = [];
      let ok = 0;
      for (let run = 0; run < ${runs}; run += 1) {
        const start = process.hrtime.bigint();
        const response = await handler(event, { awsRequestId: 'bench-batch', functionName: 'bench' });
        ms.push(Number(process.hrtime.bigint() - start) / 1e6);
        ok = response.records.filter((r) => r.result === 'Ok').length;
      }
      process.stderr.write(JSON.stringify({ ms, ok, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\\n');
    })();`;
  const result = runChild(script, options.env);
  return { ms: result.ms as number[], maxRssBytes: Number(result.maxRssBytes), ok: Number(result.ok) };
}

function runChild(script: string, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const child = spawnSync(process.execPath, ['-e', script], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const line = child.stderr.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    throw new Error(`A benchmark child process failed (exit ${child.status}): ${child.stderr.slice(-500)}`);
  }
  return JSON.parse(line) as Record<string, unknown>;
}
