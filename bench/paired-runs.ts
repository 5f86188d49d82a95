/**
 * Times the transform and the floors on one batch, round after round, each transform run next to a floor
 * run so that drift in the machine's load falls on both. A run is what the Lambda runtime does with an
 * invocation: parse the event JSON it was handed, call the handler, stringify the response; the handler's
 * own time is taken inside it.
 */
import type { FirehoseTransformationEvent } from 'aws-lambda';
import type { TransformResponse } from '../functions/transform/types';

export type Transform = (event: FirehoseTransformationEvent) => Promise<TransformResponse>;

export interface RunTimes {
  /** Milliseconds in the handler, per timed run. */
  readonly handlerMs: number[];
  /**
   * Milliseconds of CPU time (user + system, every thread of the process) the handler used, per timed run.
   * Other processes on a shared machine stretch wall time, hardly CPU time; and a 512 MB Lambda function
   * has a fraction of one vCPU, which all its threads (the garbage collector's too) share.
   */
  readonly handlerCpuMs: number[];
  /** Milliseconds from the event text to the response text (runtime parse + handler + runtime stringify). */
  readonly endToEndMs: number[];
}

async function oneRun(transform: Transform, eventText: string, into: RunTimes): Promise<void> {
  const start = performance.now();
  const event = JSON.parse(eventText) as FirehoseTransformationEvent;
  const handlerStart = performance.now();
  const cpuStart = process.cpuUsage();
  const response = await transform(event);
  const cpu = process.cpuUsage(cpuStart);
  const handlerEnd = performance.now();
  const responseText = JSON.stringify(response);
  const end = performance.now();
  if (responseText.length === 0) throw new Error('The response serialised to nothing.');
  into.handlerMs.push(handlerEnd - handlerStart);
  into.handlerCpuMs.push((cpu.user + cpu.system) / 1000);
  into.endToEndMs.push(end - start);
}

/** Runs each transform once per round, in turn, `warmup` untimed rounds then `timed` timed ones. */
export async function interleavedRuns(transforms: readonly Transform[], eventText: string, warmup: number, timed: number): Promise<RunTimes[]> {
  const discard: RunTimes = { handlerMs: [], handlerCpuMs: [], endToEndMs: [] };
  const times: RunTimes[] = transforms.map(() => ({ handlerMs: [], handlerCpuMs: [], endToEndMs: [] }));
  for (let round = 0; round < warmup + timed; round += 1) {
    for (const [index, transform] of transforms.entries()) {
      await oneRun(transform, eventText, round < warmup ? discard : (times[index] as RunTimes));
    }
  }
  return times;
}

/** Transform time over floor time, round by round: the paired ratios whose median is the headline figure. */
export function pairedRatios(transformMs: readonly number[], floorMs: readonly number[]): number[] {
  return transformMs.map((t, i) => t / (floorMs[i] ?? t));
}
