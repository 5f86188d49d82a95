/**
 * Every query of the pack through OpenObserve's own parsers, as the installer renders it (stream and
 * thresholds filled in) and as the dashboard sends it (variables at "all", and with values selected):
 * - the UI's DataFusion grammar, `@openobserve/node-sql-parser` build `datafusionsql`;
 * - sqlparser-rs with the PostgreSQL dialect, which OpenObserve parses every search with
 *   (`Parser::parse_sql(&PostgreSqlDialect {}, …)`, `src/search/src/sql/mod.rs`, sqlparser 0.62 at v0.92.2),
 *   through `@guanmingchiu/sqlparser-ts` 0.62.0. That package is ESM with a WebAssembly init, which jest's
 *   CommonJS VM cannot import, so it runs in a child process (support/sqlparser-rs.mjs).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Parser } from '@openobserve/node-sql-parser/build/datafusionsql';
import { PACK_CONTENT, type Thresholds } from '../../functions/shared/pack/content';
import { renderPack } from '../../functions/shared/pack/render';
import { selectVariables } from './harness/openobserve-sql';

const RUNNER = path.join(__dirname, 'support', 'sqlparser-rs.mjs');

/** Every threshold at the top of its range: the numbers the installer can write into SQL. */
const largest: Thresholds = Object.fromEntries(
  Object.entries(PACK_CONTENT.thresholds).map(([alert, keys]) => [alert, Object.fromEntries(Object.entries(keys).map(([key, value]) => [key, key.endsWith('_percent') ? 100 : key.endsWith('_minutes') ? value : 1_000_000]))]),
);

function packQueries(): { owner: string; sql: string }[] {
  const queries: { owner: string; sql: string }[] = [];
  for (const [label, thresholds] of [['default thresholds', PACK_CONTENT.thresholds], ['largest thresholds', largest]] as const) {
    const pack = renderPack(PACK_CONTENT, { stream: 'cognito_events', thresholds, enableAlerts: true });
    queries.push(...pack.alerts.map((a) => ({ owner: `${a.query.owner} (${label})`, sql: a.query.sql })));
    queries.push(...pack.dashboardQueries.map((q) => ({ owner: `${q.owner} ("all" selected)`, sql: q.sql })));
  }
  const dashboard = renderPack(PACK_CONTENT, { stream: 'auth_events', thresholds: PACK_CONTENT.thresholds, enableAlerts: true }).dashboard as unknown as typeof PACK_CONTENT.dashboard;
  const selected = { user_pool: ['eu-west-1_Ab12Cd34E', 'eu-west-1_Zz98Yx76W'], aws_account_id: ['111122223333'], aws_region: ['eu-west-1', 'us-east-1'] };
  for (const panel of dashboard.tabs.flatMap((t) => t.panels)) {
    for (const q of panel.queries) queries.push({ owner: `panel "${panel.title}" (values selected)`, sql: selectVariables(q.query, selected) });
  }
  return queries;
}

/** null when sqlparser-rs parses the SQL into one statement, else its message; one child process for all. */
function sqlparserRs(sqls: readonly string[]): (string | null)[] {
  const result = spawnSync(process.execPath, [RUNNER], { input: JSON.stringify(sqls), encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`The sqlparser-rs runner failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as (string | null)[];
}

const queries = packQueries();
const BROKEN = `SELECT source_ip, COUNT(DISTINCT event_id AS failures FROM "cognito_events" GROUP BY source_ip`;

describe("OpenObserve's SQL parsers", () => {
  test('the queries cover every alert and panel, with the variables and thresholds substituted', () => {
    const panels = PACK_CONTENT.dashboard.tabs.flatMap((t) => t.panels).length;

    expect(queries).toHaveLength(2 * (PACK_CONTENT.alerts.length + panels) + panels);
    expect(queries.filter((q) => /\{\{|\$[a-z_]/.test(q.sql))).toEqual([]);
  });

  test('the UI grammar (node-sql-parser, datafusionsql) accepts every query', () => {
    const parser = new Parser();
    const refused = queries.flatMap((q) => {
      try {
        parser.astify(q.sql);
        return [];
      } catch (error) {
        return [`${q.owner}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`];
      }
    });

    expect(refused).toEqual([]);
    expect(() => parser.astify(BROKEN)).toThrow();
  });

  test('sqlparser-rs (PostgreSQL dialect) parses every query into one statement', () => {
    const results = sqlparserRs([...queries.map((q) => q.sql), BROKEN]);
    const broken = results.pop();

    expect(queries.flatMap((q, i) => (results[i] === null ? [] : [`${q.owner}: ${results[i]}`]))).toEqual([]);
    expect(broken).toMatch(/Expected/);
  });
});
