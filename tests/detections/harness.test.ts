/**
 * The detection harness itself: the DuckDB shims mean what OpenObserve means, a window shows exactly the rows
 * an OpenObserve search would, the one-statement evaluation of every run equals running the SQL run by run,
 * the silence is modelled, and scenarios reach OpenObserve whole and reproducibly.
 */
import { createHash } from 'node:crypto';
import { conditionsToSql, parseConditionTree } from '../../functions/shared/pack/conditions';
import { PACK_CONTENT } from '../../functions/shared/pack/content';
import { readSqlReferences } from '../../functions/shared/pack/sql-references';
import { renderPack } from '../../functions/shared/pack/render';
import { scheduledRunTimes } from './harness/alert-runs';
import { DetectionLab, labelProblems } from './harness/detection-lab';
import { deliver } from './harness/delivery';
import { SHIMMED_FUNCTIONS, StreamDatabase } from './harness/duckdb-stream';
import { histogramInterval, removeAllValuesPlaceholder } from './harness/openobserve-sql';
import { generateScenario } from './harness/scenario';
import { baselineDay } from './scenarios/baseline-day';
import { sprayingTwoCampaigns } from './scenarios/credential-attacks';
import { nearThresholdRedelivered } from './scenarios/delivery-and-mixes';
import { riskySignInsBlocked } from './scenarios/risky-sign-ins';
import { signUpSurgeManagedLogin } from './scenarios/sign-up-surges';

/**
 * DataFusion functions the pack may use because DuckDB gives them the same meaning; anything else needs a
 * shim. `string_agg(x, sep)`: both join the non-NULL values with `sep`, NULL when there are none, in no
 * promised order.
 */
const SAME_MEANING = ['count', 'sum', 'min', 'max', 'round', 'nullif', 'coalesce', 'lower', 'upper', 'cast', 'string_agg'];
const DAY_US = Date.UTC(2025, 5, 18) * 1000;

describe('DuckDB as OpenObserve', () => {
  let db: StreamDatabase;
  beforeAll(async () => {
    db = await StreamDatabase.open();
  });
  afterAll(() => db.close());

  test.each([
    ['1 hour', 3_600],
    ['5 minute', 300],
    ['30 second', 30],
    ['1 day', 86_400],
  ])('histogram(ts, %s) buckets like date_bin from 2001-01-01', async (interval, seconds) => {
    // Prepare: date_bin's bucket start, computed by hand
    const origin = Date.UTC(2001, 0, 1) * 1000;
    const ts = DAY_US + 13 * 3_600_000_000 + 47 * 60_000_000 + 13_123_456;
    const width = seconds * 1_000_000;
    const expected = new Date((origin + Math.floor((ts - origin) / width) * width) / 1000).toISOString().replace('T', ' ').replace('.000Z', '');

    // Act
    const [row] = await db.run(`SELECT CAST(histogram(${ts}, '${interval}') AS VARCHAR) AS bucket`);

    // Assess
    expect(row?.bucket).toBe(expected);
  });

  test('histogram(ts) takes the bucket OpenObserve picks for the query range', () => {
    expect([histogramInterval(24 * 3_600_000_000), histogramInterval(15 * 60_000_000), histogramInterval(2 * 3_600_000_000), histogramInterval(60_000_000)]).toEqual(['1 hour', '10 second', '1 minute', '10 second']);
  });

  test('integers divide as integers, NULLs sort first on DESC, str_match is a substring match', async () => {
    expect(await db.run(`SELECT 7 / 2 AS q, 100.0 * 1 / 8 AS f, str_match('Mozilla/5.0', 'zill') AS m`)).toEqual([{ q: 3, f: 12.5, m: true }]);
    expect((await db.run('SELECT x FROM (VALUES (1), (NULL), (3)) AS t(x) ORDER BY x DESC')).map((r) => r.x)).toEqual([null, 3, 1]);
  });

  test("to_unixtime gives whole seconds, now() is the window's time, string_agg skips NULLs", async () => {
    // Prepare
    const at = DAY_US + 13 * 3_600_000_000 + 999_999;
    await db.load('clock_check', []);
    await db.useStream('cognito_events', 'clock_check');

    // Act
    const [unix] = await db.run(`SELECT to_unixtime(make_timestamp(${at})) AS s, string_agg(x, ', ') AS joined FROM (VALUES ('a'), (NULL), ('a')) AS t(x)`);
    const [clock] = await db.query('SELECT to_unixtime(now()) * 1000000 AS now_us, COUNT(*) AS n FROM "cognito_events"', { startUs: at - 60_000_000, endUs: at, nowMs: at / 1000 });

    // Assess
    expect(unix).toEqual({ s: String(Math.floor(at / 1_000_000)), joined: 'a, a' });
    expect(clock).toEqual({ now_us: String(Math.floor(at / 1_000_000) * 1_000_000), n: '0' });
  });

  test('every function a pack query uses is shimmed or means the same in both engines', () => {
    const pack = renderPack(PACK_CONTENT, { stream: 'cognito_events', thresholds: PACK_CONTENT.thresholds, enableAlerts: true });
    const used = new Set(
      [...pack.dashboardQueries, ...pack.alerts.map((a) => a.query)].flatMap((q) => {
        const read = readSqlReferences(q.sql);
        if (!read.ok) throw new Error(`${q.owner}: ${read.reason}`);
        return read.refs.functions;
      }),
    );

    expect([...used].filter((fn) => !SAME_MEANING.includes(fn) && !(SHIMMED_FUNCTIONS as readonly string[]).includes(fn))).toEqual([]);
  });

  test('the "all values" placeholder is rewritten as the server rewrites it, and one in another form is refused', () => {
    expect(removeAllValuesPlaceholder(`SELECT 1 FROM "s" WHERE user_pool_id IN ('_o2_all_') AND aws_region NOT IN ('_o2_all_') AND x = '_o2_all_' AND y IN ('a', '_o2_all_') AND z IN ('b')`)).toBe(
      `SELECT 1 FROM "s" WHERE TRUE AND FALSE AND TRUE AND TRUE AND z IN ('b')`,
    );
    expect(() => removeAllValuesPlaceholder(`SELECT '_o2_all_' || x AS y FROM "s"`)).toThrow('_o2_all_');
  });

  test('a real-time condition reads a record as the server does: a missing column fails a condition and passes its negation', async () => {
    // Prepare
    const tree = parseConditionTree({ and: [{ column: 'outcome', operator: '=', value: 'failure', ignore_case: false }, { not: { column: 'error_code', operator: '=', value: 'InvalidParameterException', ignore_case: false } }] }, 'check');
    const row = (id: string, errorCode?: string) => ({ record: { _timestamp: DAY_US, event_id: id, schema_version: 1, category: 'sign_in', outcome: 'failure', ...(errorCode === undefined ? {} : { error_code: errorCode }) }, ingestedAt: DAY_US / 1000 });
    await db.load('condition_check', [row('no-code'), row('client-error', 'InvalidParameterException'), row('wrong-password', 'NotAuthorizedException')]);

    // Act
    const perRecord = await db.matching('condition_check', conditionsToSql(tree, { perRecord: true }));
    const plainSql = await db.matching('condition_check', conditionsToSql(tree));

    // Assess
    expect(perRecord.map((r) => r.event_id).sort()).toEqual(['no-code', 'wrong-password']);
    expect(plainSql.map((r) => r.event_id)).toEqual(['wrong-password']);
  });

  test('a window shows rows with start <= _timestamp < end that were ingested by then', async () => {
    // Prepare
    const at = (minute: number) => DAY_US + minute * 60_000_000;
    const row = (id: string, minute: number, ingestedMinute: number) => ({ record: { _timestamp: at(minute), event_id: id, schema_version: 1, category: 'other', outcome: 'unknown' }, ingestedAt: at(ingestedMinute) / 1000 });
    await db.load('window_check', [row('start', 0, 1), row('inside', 5, 6), row('late', 6, 20), row('end', 10, 11)]);
    await db.useStream('cognito_events', 'window_check');

    // Act
    const seen = await db.query('SELECT event_id FROM "cognito_events" ORDER BY _timestamp', { startUs: at(0), endUs: at(10), nowMs: at(15) / 1000 });

    // Assess
    expect(seen.map((r) => r.event_id)).toEqual(['start', 'inside']);
  });
});

describe('alert evaluation', () => {
  let lab: DetectionLab;
  beforeAll(async () => {
    lab = await DetectionLab.open([sprayingTwoCampaigns, nearThresholdRedelivered, signUpSurgeManagedLogin]);
  }, 60_000);
  afterAll(() => lab.close());

  test('runs every frequency step from the first event until the period has passed the last ingestion', () => {
    const t0 = Date.UTC(2025, 5, 18, 2, 13);
    expect(scheduledRunTimes(5, 15, { firstEventMs: t0, lastIngestedMs: t0 + 4 * 60_000 }).map((ms) => new Date(ms).toISOString().slice(11, 16))).toEqual(['02:15', '02:20', '02:25', '02:30', '02:35']);
  });

  test("a run's now() is the run's time", async () => {
    // Prepare
    const runs = [Date.UTC(2025, 5, 18, 10, 5), Date.UTC(2025, 5, 18, 10, 10)];

    // Act
    const byRun = await lab.db.runsOf('SELECT to_unixtime(now()) AS s, COUNT(*) AS n FROM "cognito_events"', 'cognito_events', 'scenario_spraying_two_campaigns', runs, 15 * 60_000);

    // Assess
    expect(runs.map((run) => byRun.get(run))).toEqual(runs.map((run) => [{ s: String(run / 1000), n: '0' }]));
  });

  test('evaluating every run in one statement gives what the SQL gives run by run, for every scheduled alert', async () => {
    // Prepare
    const pack = renderPack(PACK_CONTENT, { stream: 'cognito_events', thresholds: PACK_CONTENT.thresholds, enableAlerts: true });
    const scenarios = [['scenario_spraying_two_campaigns', sprayingTwoCampaigns], ['scenario_sign_up_surge_managed_login', signUpSurgeManagedLogin]] as const;
    let compared = 0;
    for (const [table, scenario] of scenarios) {
      const events = generateScenario(scenario).events;
      const first = Math.min(...events.map((e) => e.at));
      const runs = scheduledRunTimes(5, 60, { firstEventMs: first, lastIngestedMs: first + 45 * 60_000 });
      await lab.db.useStream('cognito_events', table);
      for (const alert of pack.alerts.filter((a) => !a.body.is_real_time)) {
        const period = Number((alert.body.trigger_condition as { period: number }).period) * 60_000;
        const sql = removeAllValuesPlaceholder(alert.query.sql);

        // Act
        const batched = await lab.db.runsOf(sql, 'cognito_events', table, runs, period);
        for (const run of runs) {
          const single = await lab.db.query(sql, { startUs: (run - period) * 1000, endUs: run * 1000, nowMs: run });
          const sort = (rows: readonly unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

          // Assess
          expect({ alert: alert.name, run, rows: sort(batched.get(run) ?? []) }).toEqual({ alert: alert.name, run, rows: sort(single) });
          compared += single.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  test('a silence longer than the period hides the second of two campaigns; the default silence does not', async () => {
    // Act
    const [quiet] = await lab.evaluate({ scenarios: ['spraying-two-campaigns'], alerts: ['cognito_password_spraying'], thresholds: { ...PACK_CONTENT.thresholds, cognito_password_spraying: { ...PACK_CONTENT.thresholds.cognito_password_spraying, silence_minutes: 60 } } });
    const [shipped] = await lab.evaluate({ scenarios: ['spraying-two-campaigns'], alerts: ['cognito_password_spraying'] });

    // Assess
    expect(labelProblems(quiet as never)).toEqual([expect.stringMatching(/^cognito_password_spraying never named source_ip /)]);
    expect(labelProblems(shipped as never)).toEqual([]);
  });
});

describe('scenarios through the pipeline', () => {
  test('the baseline reaches OpenObserve whole: one stored row per event, none restamped, redelivery adds copies only', () => {
    // Prepare
    const { events } = generateScenario(baselineDay);

    // Act
    const once = deliver(events, { seed: baselineDay.seed });
    const twice = deliver(events, { seed: baselineDay.seed, redelivered: 1 });

    // Assess
    expect(once).toHaveLength(events.length);
    expect(once.filter((r) => r.record.restamped !== undefined)).toEqual([]);
    expect(new Set(once.map((r) => r.record.event_id)).size).toBe(events.length);
    expect(twice).toHaveLength(2 * events.length);
    expect(new Set(twice.map((r) => r.record.event_id)).size).toBe(events.length);
  });

  test("the user activity log adds its own rows and changes none of CloudTrail's", () => {
    // Prepare
    const { events } = generateScenario(baselineDay);
    const cloudTrail = events.filter((e) => e.via !== 'log-delivery');
    const key = (r: { record: unknown; ingestedAt: number }) => JSON.stringify([r.record, r.ingestedAt]);

    // Act
    const both = deliver(events, { seed: baselineDay.seed, redelivered: 0.15 });
    const alone = deliver(cloudTrail, { seed: baselineDay.seed, redelivered: 0.15 });

    // Assess
    expect(both.filter((r) => r.record.event_type !== 'UserActivity').map(key).sort()).toEqual(alone.map(key).sort());
    expect(both.length - alone.length).toBeGreaterThan(2000);
  });

  test("a sign-in's user activity event reaches OpenObserve as the transform writes it, with threat protection's verdict", () => {
    // Prepare
    const { events, offenders } = generateScenario(riskySignInsBlocked);

    // Act
    const rows = deliver(events, { seed: riskySignInsBlocked.seed }).map((r) => r.record).filter((r) => r.event_type === 'UserActivity');

    // Assess
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.user_sub))).toEqual(new Set(offenders?.values));
    for (const row of rows) {
      expect(row).toMatchObject({ event_source: 'USER_ACTIVITY', event_name: 'SignIn', category: 'sign_in', aws_account_id: '111122223333', aws_region: 'eu-west-1', compromised_credentials: false, has_context_data: true });
      expect(row.challenges).toBe('[{"challengeName":"Password","challengeResponse":"Success"}]');
    }
    expect(rows.map((r) => [r.risk_level, r.risk_decision, r.outcome]).sort()).toEqual([
      ['High', 'Block', 'failure'],
      ['High', 'Block', 'failure'],
      ['High', 'NoRisk', 'success'],
      ['Medium', 'Block', 'failure'],
    ]);
  });

  test('a scenario is the same bytes every time: its seed is all it depends on', () => {
    const digest = (json: unknown) => createHash('sha256').update(JSON.stringify(json)).digest('hex');
    const again = { ...sprayingTwoCampaigns };

    expect(digest(generateScenario(again))).toBe(digest(generateScenario(sprayingTwoCampaigns)));
  });
});
