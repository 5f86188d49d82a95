/**
 * Every panel of the dashboard executed in DuckDB over the baseline day and over days with attacks in them,
 * as the dashboard runs it: its default range (the last 24 hours, so `histogram(_timestamp)` takes 1-hour
 * buckets), the variables at "all" or with values selected. Each panel must return the columns its axes
 * name, and show what it is there to show; the Overview must show the same with the user activity log on
 * the stream as without it.
 */
import { DEFAULT_STREAM } from '../../functions/shared/pack/constants';
import { PACK_CONTENT } from '../../functions/shared/pack/content';
import { panelSql, renderedTabs } from './harness/dashboard-queries';
import { DetectionLab } from './harness/detection-lab';
import type { ResultRow } from './harness/duckdb-stream';
import { histogramInterval } from './harness/openobserve-sql';
import { SCENARIO_DAY_MS, generateScenario, scenarioPool } from './harness/scenario';
import { OFFICE_NAT_IP, baselineDay } from './scenarios/baseline-day';
import { sprayingWithoutSub } from './scenarios/credential-attacks';
import { attacksInADay } from './scenarios/delivery-and-mixes';
import { threatsInADay } from './scenarios/risky-sign-ins';

const DAY_US = 24 * 3_600_000_000;
const panels = PACK_CONTENT.dashboard.tabs.flatMap((t) => t.panels);
const overview = renderedTabs[0]?.panels.map((p) => p.title) ?? [];

let lab: DetectionLab;
let withoutLog: DetectionLab;
beforeAll(async () => {
  lab = await DetectionLab.open([baselineDay, attacksInADay, threatsInADay]);
  withoutLog = await DetectionLab.open([baselineDay], { userActivityLogs: false });
}, 120_000);
afterAll(() => {
  lab?.close();
  withoutLog?.close();
});

/** `sql` over the scenario's day in `on`, as the dashboard runs it over its default range. */
async function overDay(sql: string, scenario: string, on: DetectionLab = lab): Promise<ResultRow[]> {
  await on.db.useStream(DEFAULT_STREAM, `scenario_${scenario.replace(/-/g, '_')}`);
  const start = SCENARIO_DAY_MS * 1000;
  return on.db.query(sql, { startUs: start, endUs: start + DAY_US, nowMs: SCENARIO_DAY_MS + 24 * 3_600_000 + 600_000, histogramInterval: histogramInterval(DAY_US) });
}

/** The panel's query over the scenario's day, as the dashboard sends it with every variable at "all" or as given. */
const panel = (title: string, scenario: string, selected?: Readonly<Record<string, readonly string[]>>): Promise<ResultRow[]> => overDay(panelSql(title, selected), scenario);

describe('the dashboard panels in DuckDB', () => {
  test.each(panels.map((p) => p.title))('panel "%s" runs over a day and returns every column its axes name', async (title) => {
    // Prepare
    const axes = panels.find((p) => p.title === title)?.queries.flatMap((q) => [...q.fields.x, ...q.fields.y, ...q.fields.breakdown, ...[q.fields.name, q.fields.value_for_maps].filter((a) => a !== undefined)].map((a) => a.alias)) ?? [];

    // Act: the threat-protection day is the baseline day with the log's verdicts in it, so every panel has rows
    const rows = await panel(title, 'threats-in-a-day');

    // Assess
    expect(rows.length).toBeGreaterThan(0);
    for (const alias of axes) expect({ title, alias, returned: Object.hasOwn(rows[0] ?? {}, alias) }).toEqual({ title, alias, returned: true });
  });

  test.each(panels.map((p) => p.title))('panel "%s" runs with a user pool, an account and regions selected', async (title) => {
    const { userPoolId, accountId, region } = scenarioPool();

    // API sign-ins carry no pool id, so a selected pool can leave a panel empty; it must still run.
    await expect(panel(title, 'baseline-day', { user_pool: [userPoolId], aws_account_id: [accountId], aws_region: [region, 'us-east-1'] })).resolves.toEqual(expect.any(Array));
  });

  test('the success rate of a normal day counts results only: well above the alert threshold, below 100', async () => {
    const [row] = await panel('Sign-in success rate (%)', 'baseline-day');

    expect(Number(row?.success_rate)).toBeGreaterThan(85);
    expect(Number(row?.success_rate)).toBeLessThan(100);
  });

  test('the failure reasons show the broken release as InvalidParameterException at 14:00', async () => {
    const rows = await panel('Failed sign-ins over time by reason', 'baseline-day');
    const release = rows.filter((r) => r.reason === 'InvalidParameterException');

    expect(release.map((r) => String(r.ts).slice(11, 16))).toEqual(['14:00']);
    expect(Number(release[0]?.failures)).toBeGreaterThan(100);
  });

  test('the spraying candidates show the office NAT with its successes, and the sprayer with none', async () => {
    const sprayer = generateScenario(sprayingWithoutSub).offenders?.values[0];

    const normal = await panel('Password-spraying candidates (one IP, many users)', 'baseline-day');
    const attacked = await panel('Password-spraying candidates (one IP, many users)', 'attacks-in-a-day');

    expect(normal.find((r) => r.source_ip === OFFICE_NAT_IP)).toMatchObject({ successes: expect.stringMatching(/^\d{3}$/) });
    expect(attacked.find((r) => r.source_ip === sprayer)).toMatchObject({ users_failed: '40', successes: '0' });
  });

  test('sign-ups per hour show the managed-login surge as Signup_POST', async () => {
    const rows = await panel('Sign-ups per hour', 'attacks-in-a-day');
    const surge = Math.max(...rows.filter((r) => r.event_name === 'Signup_POST').map((r) => Number(r.events)));

    expect(surge).toBeGreaterThanOrEqual(50);
  });

  test('the admin changes list the identity-pool role swap with its identity pool', async () => {
    const rows = await panel('Admin changes to pools and users', 'attacks-in-a-day');

    expect(rows.find((r) => r.event_name === 'SetIdentityPoolRoles')).toMatchObject({ category: 'pool_admin', identity_pool_id: expect.stringMatching(/^eu-west-1:/) });
  });

  test.each(overview)('Overview panel "%s" shows the same day with the user activity log on the stream as without it', async (title) => {
    // Prepare: every row, in a stable order (a LIMIT cuts ties at random, and equal keys sort at random)
    const sql = panelSql(title).replace(/ LIMIT \d+$/, '');
    const rows = async (on: DetectionLab) => (await overDay(sql, 'baseline-day', on)).map((r) => JSON.stringify(r)).sort();

    // Act
    const [on, off] = [await rows(lab), await rows(withoutLog)];

    // Assess
    expect(on.length).toBeGreaterThan(0);
    expect(on).toEqual(off);
  });

  test("the comparison catches a panel that counts the log's SignIn events too", async () => {
    const counting = panelSql('Sign-in attempts').replace("event_type <> 'UserActivity' AND ", '');

    expect(await overDay(counting, 'baseline-day')).not.toEqual(await overDay(counting, 'baseline-day', withoutLog));
  });

  test('the account-security changes list the TOTP enrolments and e-mail changes of the day, and no sign-in', async () => {
    const names = new Set((await panel('Account-security changes', 'baseline-day')).map((r) => String(r.event_name)));

    expect([...names].sort()).toEqual(expect.arrayContaining(['VerifySoftwareToken', 'UpdateUserAttributes', 'ConfirmForgotPassword', 'AdminResetUserPassword']));
    expect(names.has('InitiateAuth')).toBe(false);
  });
});
