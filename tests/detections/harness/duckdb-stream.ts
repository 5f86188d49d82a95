/**
 * The stream in a real SQL engine: DuckDB, with a table of every schema v1 column at its type and a view
 * named like the stream that shows only what an OpenObserve search would see — rows of the query's time
 * range, `_timestamp >= start AND _timestamp < end` (`apply_combined_filter`,
 * `src/search/src/datafusion/table_provider/helpers.rs` at v0.92.2), that had been ingested by then. The
 * pack's SQL then runs as written.
 *
 * OpenObserve runs SQL on Apache DataFusion; where DuckDB differs, a setting or a macro makes it behave like
 * OpenObserve, each saying what it assumes (see SHIMS). docs/reference/openobserve-management-api.md#sql-dialect.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { SCHEMA_V1, type FieldName, type FieldType } from '../../../functions/transform/schema';
import type { StoredRow } from './delivery';

const DUCKDB_TYPES: Readonly<Record<FieldType, string>> = { string: 'VARCHAR', json: 'VARCHAR', integer: 'BIGINT', boolean: 'BOOLEAN' };
const COLUMNS = Object.keys(SCHEMA_V1) as FieldName[];
/** Not a schema field: when the row was stored, to hide it from runs that happened before. */
const INGESTED_COLUMN = 'o2_ingested_at_us';

/**
 * DuckDB settings and macros that give OpenObserve's meaning to what the pack's SQL uses:
 * - `integer_division`: DataFusion divides two integers as integers (`7 / 2` is 3); DuckDB's `/` would
 *   return 3.5. Queries that want a fraction write `100.0 * …`, as the pack does.
 * - `default_null_order`: DataFusion sorts NULL as the largest value (first on DESC), as PostgreSQL does.
 * - `histogram(ts [, interval])`: OpenObserve rewrites it to `date_bin(interval, to_timestamp_micros(ts),
 *   '2001-01-01T00:00:00')` (`rewrite_histogram.rs`, `src/search/src/datafusion/optimizer/logical_optimizer/`).
 *   DuckDB's `time_bucket` with the same origin buckets identically for intervals of a day or less; the shim
 *   assumes UTC (no timezone argument, which the pack never passes) and no month-long intervals. Without an
 *   interval OpenObserve picks one from the query's time range (`generate_histogram_interval`,
 *   `src/search/src/sql/visitor/histogram_interval.rs`); the harness computes it the same way and sets it per query.
 * - `str_match(field, text)`: OpenObserve's case-sensitive substring match, which the server writes for a
 *   `contains` condition (`build_expr`, `src/core/src/alerts/mod.rs`); DuckDB's `contains` does the same.
 * - `to_unixtime(ts)`: DataFusion's whole seconds since the epoch of a timestamp, as a 64-bit integer.
 * - `now()`: DataFusion's time when the query starts. The scheduler is taken to be punctual (as everywhere in
 *   the harness), so a run's `now()` is the run's time, and a single query's the window's `nowMs`; the harness
 *   writes that time in place of `now()` ({@link atTime}), since DuckDB's own is the wall clock.
 */
const SHIMS = [
  'SET integer_division = true',
  "SET default_null_order = 'postgres'",
  "SET VARIABLE o2_histogram_interval = '1 hour'",
  `CREATE MACRO histogram(ts) AS time_bucket(CAST(getvariable('o2_histogram_interval') AS INTERVAL), make_timestamp(ts), TIMESTAMP '2001-01-01 00:00:00'),
     (ts, width) AS time_bucket(CAST(width AS INTERVAL), make_timestamp(ts), TIMESTAMP '2001-01-01 00:00:00')`,
  'CREATE MACRO str_match(field, text) AS contains(field, text)',
  'CREATE MACRO to_unixtime(ts) AS CAST(epoch_us(ts) // 1000000 AS BIGINT)',
] as const;

/** The functions SHIMS and {@link atTime} give OpenObserve's meaning to; every other function the pack uses must mean the same in both engines. */
export const SHIMMED_FUNCTIONS = ['histogram', 'str_match', 'to_unixtime', 'now'] as const;

const NOW_CALL = /\bnow\s*\(\s*\)/gi;

/** `sql` with every `now()` replaced by the timestamp of `microsExpression` (µs since the epoch). */
export function atTime(sql: string, microsExpression: string): string {
  return sql.replace(NOW_CALL, `make_timestamp(${microsExpression})`);
}

/** What one query sees: rows with `start <= _timestamp < end` (µs) that were ingested by `now` (ms). */
export interface QueryWindow {
  readonly startUs: number;
  readonly endUs: number;
  readonly nowMs: number;
  /** `histogram(ts)`'s bucket, e.g. `1 hour`. */
  readonly histogramInterval?: string;
}

export type ResultRow = Record<string, unknown>;

function appendValue(appender: Awaited<ReturnType<DuckDBConnection['createAppender']>>, type: FieldType | 'timestamp', value: unknown): void {
  if (value === undefined || value === null) appender.appendNull();
  else if (type === 'integer' || type === 'timestamp') appender.appendBigInt(BigInt(value as number));
  else if (type === 'boolean') appender.appendBoolean(value as boolean);
  else appender.appendVarchar(typeof value === 'string' ? value : JSON.stringify(value));
}

/** One in-memory DuckDB database; each loaded scenario is a table, the stream view points at one of them. */
export class StreamDatabase {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(): Promise<StreamDatabase> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    for (const statement of SHIMS) await connection.run(statement);
    return new StreamDatabase(instance, connection);
  }

  /** Creates `table` with every schema v1 column and stores the rows; a field outside schema v1 is refused. */
  async load(table: string, rows: readonly StoredRow[]): Promise<void> {
    const columns = COLUMNS.map((name) => `"${name}" ${name === '_timestamp' ? 'BIGINT' : DUCKDB_TYPES[SCHEMA_V1[name].type]}`);
    await this.connection.run(`CREATE OR REPLACE TABLE "${table}" (${[...columns, `${INGESTED_COLUMN} BIGINT`].join(', ')})`);
    const appender = await this.connection.createAppender(table);
    for (const { record, ingestedAt } of rows) {
      const unknown = Object.keys(record).filter((key) => !Object.hasOwn(SCHEMA_V1, key));
      if (unknown.length > 0) throw new Error(`A stored record holds ${unknown.join(', ')}, which schema v1 does not define.`);
      for (const name of COLUMNS) appendValue(appender, SCHEMA_V1[name].type, record[name]);
      appendValue(appender, 'timestamp', ingestedAt * 1000);
      appender.endRow();
    }
    appender.closeSync();
  }

  /** Points the view named `stream` at `table`, as OpenObserve's search would read it for a window. */
  async useStream(stream: string, table: string): Promise<void> {
    const select = COLUMNS.map((name) => `"${name}"`).join(', ');
    await this.connection.run(
      `CREATE OR REPLACE VIEW "${stream}" AS SELECT ${select} FROM "${table}" WHERE _timestamp >= getvariable('o2_start_us') AND _timestamp < getvariable('o2_end_us') AND ${INGESTED_COLUMN} <= getvariable('o2_now_us')`,
    );
  }

  /** Runs `sql` over the stream as it looked in `window`; values as JSON (BIGINT as text). */
  async query(sql: string, window: QueryWindow): Promise<ResultRow[]> {
    await this.connection.run(`SET VARIABLE o2_start_us = ${window.startUs}`);
    await this.connection.run(`SET VARIABLE o2_end_us = ${window.endUs}`);
    await this.connection.run(`SET VARIABLE o2_now_us = ${window.nowMs * 1000}`);
    if (window.histogramInterval !== undefined) await this.connection.run(`SET VARIABLE o2_histogram_interval = '${window.histogramInterval}'`);
    const result = await this.connection.runAndReadAll(atTime(sql, "getvariable('o2_now_us')"));
    return result.getRowObjectsJson() as ResultRow[];
  }

  /**
   * `sql` run once per scheduled run in one statement: each run `r` sees the rows of `table` with
   * `r − period <= _timestamp < r` ingested by `r`, exactly what {@link query} shows through the view, joined
   * LATERAL so the SQL keeps its meaning per run (an aggregate over no rows still gives its one row). Only
   * `FROM "<stream>"` and `now()` (the run's time) are replaced. Result rows carry `o2_run_us`.
   */
  async runsOf(sql: string, stream: string, table: string, runsMs: readonly number[], periodMs: number): Promise<Map<number, ResultRow[]>> {
    const from = `FROM "${stream}"`;
    if (sql.split(from).length !== 2) throw new Error(`The query must read ${from} exactly once: ${sql}`);
    const select = COLUMNS.map((name) => `"${name}"`).join(', ');
    const windowed = `(SELECT ${select} FROM "${table}" WHERE _timestamp >= o2_runs.o2_run_us - ${periodMs * 1000} AND _timestamp < o2_runs.o2_run_us AND ${INGESTED_COLUMN} <= o2_runs.o2_run_us) AS "${stream}"`;
    await this.connection.run(`CREATE OR REPLACE TEMP TABLE o2_runs AS SELECT unnest([${runsMs.map((ms) => ms * 1000).join(', ')}]::BIGINT[]) AS o2_run_us`);
    const rows = await this.run(`SELECT o2_runs.o2_run_us, o2_result.* FROM o2_runs, LATERAL (${atTime(sql.replace(from, `FROM ${windowed}`), 'o2_runs.o2_run_us')}) AS o2_result`);
    const byRun = new Map<number, ResultRow[]>();
    for (const { o2_run_us: runUs, ...row } of rows) {
      const runMs = Number(runUs) / 1000;
      byRun.set(runMs, [...(byRun.get(runMs) ?? []), row]);
    }
    return byRun;
  }

  /**
   * The rows of `table` for which `where` holds, in ingestion order, each with `ingested_at_ms`: what a
   * real-time alert sees, one record at a time as it is ingested.
   */
  async matching(table: string, where: string): Promise<ResultRow[]> {
    const select = COLUMNS.map((name) => `"${name}"`).join(', ');
    return this.run(`SELECT ${select}, ${INGESTED_COLUMN} // 1000 AS ingested_at_ms FROM "${table}" WHERE ${where} ORDER BY ${INGESTED_COLUMN}, _timestamp`);
  }

  /** Runs SQL outside any window (for checks of the harness itself). */
  async run(sql: string): Promise<ResultRow[]> {
    return (await this.connection.runAndReadAll(sql)).getRowObjectsJson() as ResultRow[];
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
