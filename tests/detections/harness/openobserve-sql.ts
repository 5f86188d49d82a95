/**
 * What OpenObserve does to a query before it runs it, for the parts the pack relies on:
 * - a dashboard variable left at "all" is the placeholder `_o2_all_`, and the search rewriter turns
 *   `field IN ('_o2_all_')` into TRUE and `field NOT IN ('_o2_all_')` into FALSE
 *   (`RemoveDashboardAllVisitor`, `src/search/src/sql/rewriter/remove_dashboard_placeholder.rs`);
 * - a dashboard variable with values selected becomes their quoted list (the UI substitutes `$name`);
 * - `histogram(ts)` without an interval gets one from the query's time range (`generate_histogram_interval`,
 *   `src/search/src/sql/visitor/histogram_interval.rs`, at v0.92.2).
 */
import { ALL_VALUES_PLACEHOLDER } from '../../../functions/shared/pack/constants';

const MINUTE_US = 60_000_000;
const HOUR_US = 60 * MINUTE_US;

/** `generate_histogram_interval`: the longest range threshold the query's range reaches picks the bucket. */
const HISTOGRAM_INTERVALS: readonly (readonly [minimumUs: number, interval: string])[] = [
  [24 * 60 * HOUR_US, '1 day'],
  [24 * 30 * HOUR_US, '12 hour'],
  [24 * 28 * HOUR_US, '6 hour'],
  [24 * 21 * HOUR_US, '3 hour'],
  [24 * 15 * HOUR_US, '2 hour'],
  [6 * HOUR_US, '1 hour'],
  [2 * HOUR_US, '1 minute'],
  [HOUR_US, '30 second'],
  [30 * MINUTE_US, '15 second'],
  [15 * MINUTE_US, '10 second'],
];

/** The bucket `histogram(_timestamp)` gets over a query range of `rangeUs` µs. */
export function histogramInterval(rangeUs: number): string {
  return HISTOGRAM_INTERVALS.find(([minimum]) => rangeUs >= minimum)?.[1] ?? '10 second';
}

const IN_LIST = /("[^"]+"|[A-Za-z_][A-Za-z0-9_]*)\s+(NOT\s+)?IN\s*\(([^()]*)\)/gi;
const EQUALS_ALL = new RegExp(`("[^"]+"|[A-Za-z_][A-Za-z0-9_]*)\\s*(=|!=|<>)\\s*'${ALL_VALUES_PLACEHOLDER}'`, 'gi');

/**
 * The query as the server runs it once the "all values" placeholder is rewritten: an IN list holding it is
 * TRUE (NOT IN: FALSE), an equality with it TRUE (inequality: FALSE). Throws if one is left in another form.
 */
export function removeAllValuesPlaceholder(sql: string): string {
  const out = sql
    .replace(IN_LIST, (match, _column: string, not: string | undefined, list: string) => (list.split(',').some((item) => item.trim() === `'${ALL_VALUES_PLACEHOLDER}'`) ? (not === undefined ? 'TRUE' : 'FALSE') : match))
    .replace(EQUALS_ALL, (_m, _column: string, op: string) => (op === '=' ? 'TRUE' : 'FALSE'));
  if (out.includes(ALL_VALUES_PLACEHOLDER)) throw new Error(`The placeholder ${ALL_VALUES_PLACEHOLDER} is left in a form the harness does not rewrite: ${sql}`);
  return out;
}

/** A dashboard query with its `$variables` replaced by selected values, as the UI sends it. */
export function selectVariables(sql: string, values: Readonly<Record<string, readonly string[]>>): string {
  return sql.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_match, name: string) => {
    const selected = values[name];
    if (selected === undefined) throw new Error(`No value given for the dashboard variable $${name}.`);
    return selected.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
  });
}
