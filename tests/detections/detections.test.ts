/**
 * Every labelled scenario against every alert of the security pack, executed in DuckDB as OpenObserve would
 * evaluate them (tests/detections/harness/). Attacks must be caught by the alerts meant for them, benign
 * traffic must raise nothing at the default thresholds, and the detection table of docs/security-pack.md must be the one
 * this run produces. The last block breaks alerts the way they were broken before, and shows the checks fail.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACK_CONTENT, type AlertContent, type JsonObject, type PackContent } from '../../functions/shared/pack/content';
import { QUALITY_TABLE_PATH } from '../../scripts/readme/placeholders';
import { DetectionLab, firedAlerts, labelProblems, type ScenarioOutcome } from './harness/detection-lab';
import { renderQualityTables } from './harness/quality-table';
import { SCENARIOS } from './scenarios';

const ROOT = path.resolve(__dirname, '..', '..');
const attacks = SCENARIOS.filter((s) => s.kind === 'attack').map((s) => s.id);
const benign = SCENARIOS.filter((s) => s.kind === 'benign').map((s) => s.id);

let lab: DetectionLab;
let outcomes: ScenarioOutcome[];
const outcome = (id: string): ScenarioOutcome => {
  const found = outcomes.find((o) => o.scenario.id === id);
  if (found === undefined) throw new Error(`No outcome for scenario ${id}.`);
  return found;
};

beforeAll(async () => {
  lab = await DetectionLab.open(SCENARIOS);
  outcomes = await lab.evaluate();
}, 180_000);
afterAll(() => lab?.close());

describe('the pack against the labelled scenarios', () => {
  test.each(attacks)('attack %s is caught by the alerts meant for it, which name the attacker', (id) => {
    expect(labelProblems(outcome(id))).toEqual([]);
  });

  test.each(benign)('benign %s raises no alert at the default thresholds', (id) => {
    expect(firedAlerts(outcome(id))).toEqual([]);
  });

  test('every pack alert is meant for at least one attack scenario, and every scenario names only pack alerts', () => {
    // Prepare
    const names = PACK_CONTENT.alerts.map((a) => a.name);
    const meant = new Set(SCENARIOS.flatMap((s) => s.detectedBy));

    // Assess
    expect(names.filter((name) => !meant.has(name))).toEqual([]);
    expect([...meant].filter((name) => !names.includes(name))).toEqual([]);
  });

  test('every scenario stored rows and every alert ran on it', () => {
    for (const o of outcomes) {
      expect({ id: o.scenario.id, stored: o.storedRows > 0, alerts: [...o.notifications.keys()] }).toEqual({ id: o.scenario.id, stored: true, alerts: PACK_CONTENT.alerts.map((a) => a.name) });
    }
  });

  test(`${QUALITY_TABLE_PATH} is what this run produces (run \`npm run detections\` after changing a scenario or an alert)`, () => {
    expect(readFileSync(path.join(ROOT, QUALITY_TABLE_PATH), 'utf8')).toBe(renderQualityTables(outcomes));
  });
});

/** The pack with one alert changed by `edit`; throws when the edit changes nothing, so no mutation is vacuous. */
function withAlert(name: string, edit: (alert: AlertContent & JsonObject) => AlertContent & JsonObject): PackContent {
  const alerts = PACK_CONTENT.alerts.map((alert) => {
    if (alert.name !== name) return alert;
    const changed = edit(JSON.parse(JSON.stringify(alert)) as AlertContent & JsonObject);
    if (JSON.stringify(changed) === JSON.stringify(alert)) throw new Error(`The edit of ${name} changed nothing.`);
    return changed;
  });
  return { ...PACK_CONTENT, alerts };
}

/** The outcome as the label of one of its alerts sees it: that alert's notifications, and that alert only. */
const alone = (o: ScenarioOutcome, name: string): ScenarioOutcome => ({
  ...o,
  scenario: { ...o.scenario, detectedBy: o.scenario.detectedBy.filter((n) => n === name) },
  notifications: new Map([[name, o.notifications.get(name) ?? []]]),
});

/** The alert's SQL with `from` replaced by `to` (every occurrence). */
const sql = (from: string, to: string) => (alert: AlertContent & JsonObject): AlertContent & JsonObject => ({
  ...alert,
  query_condition: { ...alert.query_condition, sql: (alert.query_condition.sql ?? '').split(from).join(to) },
});

/** What keeps the CloudTrail detections from counting a sign-in the user activity log records too. */
const CLOUDTRAIL_ONLY = "event_type <> 'UserActivity' AND ";
const FAILED_ACCOUNTS = "COUNT(DISTINCT CASE WHEN outcome = 'failure' THEN user_sub END) + COUNT(DISTINCT CASE WHEN outcome = 'failure' AND user_sub IS NULL THEN event_id END)";
const WRONG_CREDENTIALS = " AND (error_code IN ('NotAuthorizedException', 'UserNotFoundException') OR (error_code IS NULL AND http_status >= 400))";

describe('the checks fail when a detection is broken', () => {
  test.each([
    ['spraying counts distinct subs only (as before)', 'cognito_password_spraying', sql(FAILED_ACCOUNTS, "COUNT(DISTINCT CASE WHEN outcome = 'failure' THEN user_sub END)"), ['spraying-without-sub', 'spraying-managed-login']],
    ['the sign-up surge counts the SignUp API call only (as before)', 'cognito_signup_surge', sql("lower(event_name) IN ('signup', 'signup_post')", "event_name = 'SignUp'"), ['sign-up-surge-managed-login']],
    ['brute force counts rows, not events', 'cognito_brute_force_user', sql('COUNT(DISTINCT event_id)', 'COUNT(*)'), ['near-threshold-redelivered']],
    ['the sign-up surge counts rows, not events', 'cognito_signup_surge', sql('COUNT(DISTINCT event_id)', 'COUNT(*)'), ['near-threshold-redelivered']],
    ['the failure spike counts client errors (as before)', 'cognito_failed_signin_spike', sql(WRONG_CREDENTIALS, ''), ['baseline-day']],
    ['the success rate counts client errors (as before)', 'cognito_signin_success_rate_drop', sql(WRONG_CREDENTIALS, ''), ['baseline-day']],
    ["the success rate counts the user activity log's sign-ins too", 'cognito_signin_success_rate_drop', sql(CLOUDTRAIL_ONLY, ''), ['sign-ins-seen-twice', 'baseline-day']],
    ["the sign-up surge counts the user activity log's sign-ups too", 'cognito_signup_surge', sql(CLOUDTRAIL_ONLY, ''), ['sign-ins-seen-twice']],
    ['the high-risk alert takes Medium risk for High', 'cognito_high_risk_sign_in', sql("risk_level = 'High'", "risk_level IN ('Medium', 'High')"), ['medium-risk-second-factor']],
    ["the high-risk alert reads the risk level only, not Cognito's blocks", 'cognito_high_risk_sign_in', sql(" OR risk_decision = 'Block'", ''), ['risky-sign-ins-blocked']],
    ['the breached-password alert takes a known flag for a detection', 'cognito_compromised_credentials', sql('compromised_credentials = true', 'compromised_credentials IS NOT NULL'), ['baseline-day', 'medium-risk-second-factor']],
    ['the breached-password alert reports blocked attempts only', 'cognito_compromised_credentials', sql('compromised_credentials = true', "compromised_credentials = true AND risk_decision = 'Block'"), ['breached-passwords']],
    ['the new-country alert counts passed sign-ins only, not those waiting for a second factor', 'cognito_new_country_sign_in', sql("outcome IN ('success', 'unknown')", "outcome = 'success'"), ['sign-in-from-new-country']],
    ['the new-country alert counts failed sign-ins too', 'cognito_new_country_sign_in', sql("outcome IN ('success', 'unknown')", "outcome IN ('success', 'unknown', 'failure')"), ['new-country-look-alikes']],
    ['the new-country alert reports users without a history in the window', 'cognito_new_country_sign_in', sql('HAVING MIN(first_seen_us) < to_unixtime(now()) * 1000000 - {{recent_minutes}} * 60000000 AND ', 'HAVING '), ['new-country-look-alikes', 'baseline-day']],
    ['the MFA alert takes any new authenticator after a sign-in for a takeover', 'cognito_mfa_change_after_sign_in', sql("MIN(CASE WHEN challenge_name IN ('SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP')", "MIN(CASE WHEN category = 'sign_in'"), ['baseline-day']],
  ] as const)('%s', async (_what, name, edit, broken) => {
    // Act
    const mutated = await lab.evaluate({ content: withAlert(name, edit), scenarios: broken, alerts: [name] });

    // Assess: the shipped alert holds on these scenarios, the broken one does not
    for (const id of broken) {
      expect(labelProblems(alone(outcome(id), name))).toEqual([]);
      expect(labelProblems(alone(mutated.find((o) => o.scenario.id === id) as ScenarioOutcome, name))).not.toEqual([]);
    }
  });

  test.each([
    ['a 20-minute period misses the High-risk verdict log delivery brings 25 minutes late', 'cognito_high_risk_sign_in', { period_minutes: 20 }, ['verdicts-reported-late']],
    ['a 20-minute period misses the breached password log delivery brings 25 minutes late', 'cognito_compromised_credentials', { period_minutes: 20 }, ['verdicts-reported-late']],
    ['a silence as long as the period loses a verdict delivered just after a notification', 'cognito_high_risk_sign_in', { silence_minutes: 30 }, ['risky-sign-ins-blocked']],
    ['a silence as long as the period loses a breached password delivered just after a notification', 'cognito_compromised_credentials', { silence_minutes: 30 }, ['breached-passwords']],
    ['a look-back 2 hours longer still holds the earlier trip, so the repeated one is not new', 'cognito_new_country_sign_in', { lookback_minutes: 10_080 + 120 }, ['new-country-after-lookback']],
    ['a look-back 3 hours shorter has forgotten the earlier trip, so the repeated one is new', 'cognito_new_country_sign_in', { lookback_minutes: 10_080 - 180 }, ['new-country-look-alikes']],
  ] as const)('the edge of the window: %s', async (_what, name, change, scenarios) => {
    // Act
    const thresholds = { ...PACK_CONTENT.thresholds, [name]: { ...PACK_CONTENT.thresholds[name], ...change } };
    const moved = await lab.evaluate({ thresholds, scenarios, alerts: [name] });

    // Assess: the defaults hold on these scenarios, the moved window does not
    for (const id of scenarios) {
      expect(labelProblems(alone(outcome(id), name))).toEqual([]);
      expect(labelProblems(alone(moved.find((o) => o.scenario.id === id) as ScenarioOutcome, name))).not.toEqual([]);
    }
  });

  test('the real-time alert that drops identity pools from its list misses the identity-pool scenarios', async () => {
    // Prepare
    const withoutIdentityPools = withAlert('cognito_auth_config_change', (alert) => {
      const text = JSON.stringify(alert.query_condition.conditions).replace(/\{"column":"event_name","operator":"=","value":"(UpdateIdentityPool|SetIdentityPoolRoles)","ignore_case":false\},?/g, '');
      return { ...alert, query_condition: { ...alert.query_condition, conditions: JSON.parse(text.replace(',]', ']')) } };
    });

    // Act
    const mutated = await lab.evaluate({ content: withoutIdentityPools, scenarios: ['identity-pool-unauthenticated', 'identity-pool-roles-swapped'], alerts: ['cognito_auth_config_change'] });

    // Assess
    expect(mutated.map((o) => labelProblems(o).length)).toEqual([1, 1]);
  });

  test('the general admin-change alert without read_only = false reports the baseline configuration reads', async () => {
    // Prepare
    const withReads = withAlert('cognito_pool_admin_change', (alert) => {
      const text = JSON.stringify(alert.query_condition.conditions).replace('{"column":"read_only","operator":"=","value":"false","ignore_case":false},', '');
      return { ...alert, query_condition: { ...alert.query_condition, conditions: JSON.parse(text) } };
    });

    // Act
    const [day] = await lab.evaluate({ content: withReads, scenarios: ['baseline-day'], alerts: ['cognito_pool_admin_change'] });

    // Assess
    expect(firedAlerts(day as ScenarioOutcome)).toEqual(['cognito_pool_admin_change']);
  });
});

describe('the user activity log on the same stream', () => {
  let withoutLog: DetectionLab;
  beforeAll(async () => {
    withoutLog = await DetectionLab.open(SCENARIOS, { userActivityLogs: false });
  }, 180_000);
  afterAll(() => withoutLog?.close());

  /** Each alert's notifications per scenario, rows in a stable order. */
  const sent = (runs: readonly ScenarioOutcome[], alerts: readonly string[]) =>
    runs.flatMap((o) => alerts.map((alert) => ({ scenario: o.scenario.id, alert, notifications: (o.notifications.get(alert) ?? []).map((n) => ({ at: n.at, rows: n.rows.map((r) => JSON.stringify(r)).sort() })) })));

  test('changes no notification of the CloudTrail alerts: with it turned off, every scenario notifies the same', async () => {
    // Prepare: the alerts on threat protection's verdicts read the log only, so without it they have nothing
    const cloudTrailAlerts = PACK_CONTENT.alerts.filter((a) => !(a.query_condition.sql ?? '').includes("WHERE event_type = 'UserActivity'")).map((a) => a.name);
    expect(PACK_CONTENT.alerts.length - cloudTrailAlerts.length).toBe(3);

    // Act
    const off = await withoutLog.evaluate({ alerts: cloudTrailAlerts });

    // Assess
    expect(sent(off, cloudTrailAlerts)).toEqual(sent(outcomes, cloudTrailAlerts));
    expect(outcomes.filter((o) => o.storedRows > (off.find((x) => x.scenario.id === o.scenario.id)?.storedRows ?? 0)).length).toBeGreaterThan(SCENARIOS.length / 2);
  });

  test("the comparison catches a CloudTrail alert that counts the log's sign-ins too", async () => {
    // Prepare
    const counting = withAlert('cognito_signin_success_rate_drop', sql(CLOUDTRAIL_ONLY, ''));
    const scope = { content: counting, scenarios: ['baseline-day'], alerts: ['cognito_signin_success_rate_drop'] };

    // Act
    const [on, off] = [await lab.evaluate(scope), await withoutLog.evaluate(scope)];

    // Assess
    expect(sent(on, scope.alerts)).not.toEqual(sent(off, scope.alerts));
  });
});
