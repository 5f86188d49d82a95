/**
 * The replay pipeline: objects → bytes (gunzipped when gzip) → JSON values → items → `--since`/`--until`
 * → the stack's rule → once per event_id → the transform → the sink. Streams throughout: one object at a
 * time, one value at a time, so memory stays flat however large the input.
 */
import type { Checkpoint } from './checkpoint';
import { itemsOfValue, valueLocation } from './detect-format';
import { OutputClosedError, ReplayFatalError } from './errors';
import { itemEventId, itemEventTimeMs } from './event-time';
import { gunzipIfNeeded } from './gunzip-stream';
import { jsonValues, type ScanPosition } from './json-values';
import type { Progress } from './progress';
import { emptyStats, ProblemLog, type ReplayStats } from './replay-stats';
import type { DeliveryReport, DeliveryTicket, Sink } from './sinks/types';
import type { ReplayTransform } from './transform-port';
import type { ReplayItem, SourceObject } from './types';

export interface ReplayPlan {
  readonly sources: AsyncIterable<SourceObject>;
  readonly createSink: (report: DeliveryReport) => Sink;
  readonly rule: { matches(event: Record<string, unknown>): boolean };
  readonly transform: ReplayTransform;
  readonly sinceMs?: number;
  readonly untilMs?: number;
  readonly checkpoint: Checkpoint;
  readonly now: () => number;
  readonly progress?: Progress;
  /** Aborted (Ctrl-C): stop reading, deliver what is buffered, report the rest as unfinished. */
  readonly signal?: AbortSignal;
}

export interface ReplayResult {
  readonly stats: ReplayStats;
  readonly sinkLabel: string;
  /** Records that were not delivered, by reason (never content). */
  readonly failures: ProblemLog;
  /** Records skipped as unreadable, by reason. */
  readonly skipped: ProblemLog;
  /** Objects not finished (read errors, failed records): to retry. */
  readonly unfinished: string[];
  /** Set when the run stopped early. */
  readonly fatal?: string;
  /** Set when it stopped because the reader of stdout went away (`| head`): nothing to report. */
  readonly outputClosed?: true;
}

interface ObjectState {
  readonly name: string;
  readonly transient: boolean;
  readonly size: number;
  pending: number;
  failed: number;
  readDone: boolean;
}

/** Why a run stopped when `signal` was aborted. */
export const INTERRUPTED = 'interrupted (Ctrl-C).';

/** True when everything matched was delivered (or was meant not to be: duplicates, Dropped). */
export function replaySucceeded(result: ReplayResult): boolean {
  const s = result.stats;
  return result.fatal === undefined && result.unfinished.length === 0 && s.deliveryFailed === 0 && s.processingFailed === 0 && !foundNoEvent(result);
}

/**
 * True when the input held no event at all (a README, an empty folder, a wrong prefix): an error, unlike a
 * run whose events the rule did not match. Objects a checkpoint skipped held events in an earlier run.
 */
export function foundNoEvent(result: ReplayResult): boolean {
  const s = result.stats;
  return result.fatal === undefined && s.eventsRead === s.unreadable && s.objectsSkipped === 0;
}

/** Why an object is unfinished when its end could not be read; where and how much go with the object's name. */
export const TRUNCATED = 'the object ends inside a JSON value, so its last lines could not be read';
export const UNREADABLE_REST = 'the rest of the object could not be read';

/** Node's error code, or the error's class: what went wrong, never a message that may quote content. */
function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : typeof error;
}

const count = (n: number): string => n.toLocaleString('en-US');
const bytes = (n: number): string => `${count(n)} byte${n === 1 ? '' : 's'}`;

/** `file from line 12 on; about 1,234 of 5,678 bytes not read` (bytes as stored: compressed for gzip). */
function unreadWhere(source: SourceObject, line: number, readBytes: number): string {
  const rest = source.size !== undefined ? `; about ${count(Math.max(0, source.size - readBytes))} of ${bytes(source.size)} not read` : '';
  return `${source.name} from line ${count(line)} on${rest}`;
}

/** Passes the chunks on, counting their bytes into `counter`. */
async function* countBytes(chunks: AsyncIterable<Uint8Array>, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    counter.bytes += chunk.byteLength;
    yield chunk;
  }
}

/** Runs a replay to the end (or to a fatal sink error) and resolves to its counts; rejects only on bugs. */
export async function runReplay(plan: ReplayPlan): Promise<ReplayResult> {
  const stats = emptyStats();
  const failures = new ProblemLog();
  const skipped = new ProblemLog();
  const unfinished: string[] = [];
  const open = new Map<string, ObjectState>();
  const seen = new Set<string>();

  const finish = (state: ObjectState): void => {
    if (!state.readDone || state.pending > 0) return;
    open.delete(state.name);
    stats.objectsDone++;
    stats.bytesDone += state.size;
    if (state.failed > 0) unfinished.push(state.name);
    else if (!state.transient) plan.checkpoint.add(state.name);
  };

  const settle = (tickets: readonly DeliveryTicket[], outcome: 'delivered' | 'failed', reason?: string): void => {
    for (const ticket of tickets) {
      const state = open.get(ticket.object);
      if (outcome === 'delivered') stats.delivered++;
      else {
        stats.deliveryFailed++;
        failures.add(reason ?? 'not delivered', ticket.object);
      }
      if (state === undefined) continue;
      state.pending--;
      if (outcome === 'failed') state.failed++;
      finish(state);
    }
  };

  const sink = plan.createSink({
    delivered: (tickets) => settle(tickets, 'delivered'),
    failed: (tickets, reason) => settle(tickets, 'failed', reason),
  });

  /** A record the pipeline could not process: counted and named as the Lambda's ProcessingFailed would be. */
  const failRecord = (reason: string, item: ReplayItem, state: ObjectState): undefined => {
    stats.processingFailed++;
    state.failed++;
    failures.add(reason, item.location);
    return undefined;
  };

  /**
   * The event as the sink takes it. The transform isolates each record itself (normaliseIsolated, as the
   * Lambda does); serialising an event nested deeper than the runtime's stack throws, and fails that event alone.
   */
  const recordOf = (item: ReplayItem & { kind: 'event' | 'log' | 'normalised' }, state: ObjectState): string | undefined => {
    if (sink.input === 'event') {
      if (item.kind === 'normalised') return item.raw.trim();
      try {
        return JSON.stringify(item.event);
      } catch (error) {
        return failRecord(`it could not be serialised (${errorCode(error)})`, item, state);
      }
    }
    const outcome = plan.transform.normalise(item.kind === 'normalised' ? item.record : item.event, plan.now());
    if (outcome.kind === 'dropped') {
      stats.dropped++;
      return undefined;
    }
    if (outcome.kind === 'failed') return failRecord(`the transform failed it: ${outcome.reason}`, item, state);
    if (outcome.restamped) stats.restamped++;
    return outcome.line;
  };

  /** The rule's verdict, or undefined when evaluating it threw (an array nested too deep to walk): that record fails. */
  const ruleMatches = (item: ReplayItem & { kind: 'event' }, state: ObjectState): boolean | undefined => {
    try {
      return plan.rule.matches(item.event);
    } catch (error) {
      return failRecord(`the rule could not be evaluated on it (${errorCode(error)})`, item, state);
    }
  };

  const handle = async (item: ReplayItem, state: ObjectState): Promise<void> => {
    stats.eventsRead++;
    if (item.kind === 'unreadable') {
      stats.unreadable++;
      skipped.add(item.reason, item.location);
      return;
    }
    if (plan.sinceMs !== undefined || plan.untilMs !== undefined) {
      const time = itemEventTimeMs(item);
      if (time === undefined || (plan.sinceMs !== undefined && time < plan.sinceMs) || (plan.untilMs !== undefined && time >= plan.untilMs)) {
        stats.outsideTime++;
        return;
      }
    }
    if (item.kind === 'event') {
      const matched = ruleMatches(item, state);
      if (matched === undefined) return;
      if (!matched) {
        stats.notMatched++;
        return;
      }
    }
    stats.matched++;
    const id = itemEventId(item);
    if (id !== undefined) {
      if (seen.has(id)) {
        stats.duplicates++;
        return;
      }
      seen.add(id);
    }
    const data = recordOf(item, state);
    if (data === undefined) return;
    state.pending++;
    await sink.write({ data: Buffer.from(data, 'utf8'), ticket: { object: state.name, location: item.location } });
  };

  let fatal: string | undefined;
  let outputClosed = false;
  try {
    for await (const source of plan.sources) {
      if (plan.signal?.aborted) break;
      stats.objectsListed++;
      stats.bytesListed += source.size ?? 0;
      if (source.transient !== true && plan.checkpoint.has(source.name)) {
        stats.objectsSkipped++;
        stats.bytesListed -= source.size ?? 0;
        continue;
      }
      const state: ObjectState = { name: source.name, transient: source.transient === true, size: source.size ?? 0, pending: 0, failed: 0, readDone: false };
      open.set(state.name, state);
      const position: ScanPosition = { line: 1 };
      const read = { bytes: 0 };
      try {
        reading: for await (const value of jsonValues(gunzipIfNeeded(countBytes(source.open(), read)), position)) {
          if (value.kind === 'truncated') {
            state.failed++;
            failures.add(TRUNCATED, `${valueLocation(source.name, value)} (${bytes(value.bytes)})`, 0);
            continue;
          }
          for (const item of itemsOfValue(value, source.name)) {
            if (plan.signal?.aborted) break reading;
            await handle(item, state);
            plan.progress?.update(stats);
          }
        }
      } catch (error) {
        if (error instanceof ReplayFatalError) throw error;
        state.failed++;
        failures.add(`${UNREADABLE_REST} (${errorCode(error)})`, unreadWhere(source, position.line, read.bytes), 0);
      }
      // An object left half-read stays open, and so unfinished.
      if (plan.signal?.aborted) break;
      state.readDone = true;
      finish(state);
      plan.progress?.update(stats);
    }
    if (plan.signal?.aborted) fatal = INTERRUPTED;
    else stats.listingDone = true;
    await sink.flush();
  } catch (error) {
    if (!(error instanceof ReplayFatalError)) throw error;
    fatal = error.message;
    outputClosed = error instanceof OutputClosedError;
  } finally {
    await sink.close();
  }
  // After a fatal error, whatever the sink still held was not delivered.
  for (const state of open.values()) {
    if (state.pending > 0) {
      stats.deliveryFailed += state.pending;
      failures.add('not sent: the run stopped', state.name, state.pending);
    }
    unfinished.push(state.name);
  }
  plan.progress?.done();
  return {
    stats, sinkLabel: sink.label, failures, skipped, unfinished,
    ...(fatal !== undefined ? { fatal } : {}),
    ...(outputClosed ? { outputClosed: true as const } : {}),
  };
}
