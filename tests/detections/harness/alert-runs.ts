/**
 * An alert evaluated the way OpenObserve's scheduler evaluates it (v0.92.2, `src/core/src/alerts/scheduler/
 * handlers.rs` and `TriggerCondition` in `src/config/src/meta/alerts/mod.rs`;
 * docs/reference/openobserve-management-api.md#how-alerts-are-evaluated):
 * - a scheduled alert with `align_time` runs at every multiple of `frequency` (UTC), over the rows with
 *   `run − period <= _timestamp < run` that had been ingested by then; it fires when its row count meets
 *   `operator`/`threshold`; after firing the next run is `max(frequency, silence)` later, aligned down to a
 *   multiple of `frequency`. Every run's SQL is evaluated in one DuckDB statement (StreamDatabase.runsOf);
 *   a test holds it to the same SQL run window by window;
 * - a real-time alert evaluates each record as it is ingested against its condition tree (here: the tree
 *   as SQL with the per-record meaning of a missing column); after a notification it stays quiet for
 *   `silence` minutes.
 */
import { conditionsToSql, parseConditionTree } from '../../../functions/shared/pack/conditions';
import type { RenderedAlert } from '../../../functions/shared/pack/render';
import type { ResultRow, StreamDatabase } from './duckdb-stream';
import { removeAllValuesPlaceholder } from './openobserve-sql';

const MINUTE_MS = 60_000;

/** One notification: when it was sent and the rows it lists. */
export interface Notification {
  readonly at: number;
  readonly rows: readonly ResultRow[];
}

/** The span of a scenario's data: first event time and last ingestion, epoch ms. */
export interface DataSpan {
  readonly firstEventMs: number;
  readonly lastIngestedMs: number;
}

interface Trigger {
  readonly period: number;
  readonly frequency: number;
  readonly silence: number;
  readonly operator: string;
  readonly threshold: number;
}

function trigger(alert: RenderedAlert): Trigger {
  const t = alert.body.trigger_condition as Record<string, unknown> | undefined;
  const number = (key: string): number => {
    const value = t?.[key];
    if (typeof value !== 'number') throw new Error(`Alert ${alert.name} has no numeric trigger_condition.${key}.`);
    return value;
  };
  return { period: number('period'), frequency: number('frequency'), silence: number('silence'), operator: String(t?.operator), threshold: number('threshold') };
}

function meets(count: number, operator: string, threshold: number): boolean {
  switch (operator) {
    case '>=':
      return count >= threshold;
    case '>':
      return count > threshold;
    case '=':
      return count === threshold;
    case '<':
      return count < threshold;
    case '<=':
      return count <= threshold;
    default:
      throw new Error(`Trigger operator ${operator} is not modelled by the harness.`);
  }
}

/** The times a scheduled alert runs while the scenario's data can reach it: every `frequency` step from the first event until its period has passed the last ingestion. */
export function scheduledRunTimes(frequencyMinutes: number, periodMinutes: number, span: DataSpan): number[] {
  const step = frequencyMinutes * MINUTE_MS;
  const runs: number[] = [];
  for (let run = Math.ceil(span.firstEventMs / step) * step; run <= span.lastIngestedMs + periodMinutes * MINUTE_MS + step; run += step) runs.push(run);
  return runs;
}

/** A scheduled alert: every run's result at once, then the scheduler's walk, skipping the runs a silence covers. */
async function scheduledRuns(db: StreamDatabase, alert: RenderedAlert, stream: string, table: string, span: DataSpan): Promise<Notification[]> {
  const { period, frequency, silence, operator, threshold } = trigger(alert);
  const runs = scheduledRunTimes(frequency, period, span);
  const results = await db.runsOf(removeAllValuesPlaceholder(alert.query.sql), stream, table, runs, period * MINUTE_MS);
  const step = frequency * MINUTE_MS;
  const notifications: Notification[] = [];
  let next = runs[0] ?? 0;
  for (const run of runs) {
    if (run < next) continue;
    const rows = results.get(run) ?? [];
    if (meets(rows.length, operator, threshold)) {
      notifications.push({ at: run, rows });
      next = Math.floor((run + Math.max(step, silence * MINUTE_MS)) / step) * step;
    }
  }
  return notifications;
}

/** A real-time alert over every stored record of `table`, in ingestion order. */
async function realTimeRuns(db: StreamDatabase, alert: RenderedAlert, table: string): Promise<Notification[]> {
  const { silence } = trigger(alert);
  const condition = (alert.body.query_condition as Record<string, unknown> | undefined)?.conditions;
  const where = conditionsToSql(parseConditionTree(condition, `Alert ${alert.name}`), { perRecord: true });
  const notifications: Notification[] = [];
  let quietUntil = Number.NEGATIVE_INFINITY;
  for (const row of await db.matching(table, where)) {
    const at = Number(row.ingested_at_ms);
    if (at < quietUntil) continue;
    notifications.push({ at, rows: [row] });
    quietUntil = at + silence * MINUTE_MS;
  }
  return notifications;
}

/** The notifications `alert` (rendered for `stream`) sends over the scenario data in `table`. */
export async function evaluateAlert(db: StreamDatabase, alert: RenderedAlert, stream: string, table: string, span: DataSpan): Promise<Notification[]> {
  return alert.body.is_real_time === true ? realTimeRuns(db, alert, table) : scheduledRuns(db, alert, stream, table, span);
}
