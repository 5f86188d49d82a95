import { PACK_CONTENT } from '../../../functions/shared/pack/content';
import { readSqlReferences } from '../../../functions/shared/pack/sql-references';
import { techniquesOf } from '../../../scripts/readme/alert-table';

const panels = PACK_CONTENT.dashboard.tabs.flatMap((tab) => tab.panels);
/** v5 chart types; `maps` is OpenObserve's world map (docs/reference/openobserve-management-api.md#world-map-panel-maps). */
const PANEL_TYPES = ['area', 'area-stacked', 'bar', 'h-bar', 'line', 'scatter', 'stacked', 'h-stacked', 'pie', 'donut', 'table', 'metric', 'gauge', 'maps'];
/** v5 dashboards use a 48-column grid (docs/reference/openobserve-management-api.md#dashboard-body-schema-v5). */
const GRID_COLUMNS = 48;
/** The categories the user activity log writes too (a sign-in, sign-up or recovery recorded twice). */
const SHARED_CATEGORIES = /category (=|IN) \(?'(sign_in|sign_up|password)'/;

describe('the pack files', () => {
  test('the dashboard is v5 with an Overview tab of eleven CloudTrail panels and a Threat protection tab of seven', () => {
    const tabs = PACK_CONTENT.dashboard.tabs.map((t) => [t.name, t.panels.map((p) => p.title)]);

    expect(PACK_CONTENT.dashboard.version).toBe(5);
    expect(tabs).toEqual([
      [
        'Overview',
        [
          'Sign-in attempts',
          'Sign-in success rate (%)',
          'Failed sign-ins and failing IPs',
          'Failed sign-ins over time by reason',
          'Sign-in outcomes over time',
          'Top source IPs with failures',
          'Password-spraying candidates (one IP, many users)',
          'Brute-force targets (one user, many failures)',
          'Sign-ups per hour',
          'Admin changes to pools and users',
          'Account-security changes',
        ],
      ],
      [
        'Threat protection',
        [
          'Compromised credentials detected',
          'High-risk or blocked sign-ins',
          'Sign-ins by country',
          'Risk decisions over time',
          'Risk levels over time',
          'Riskiest users',
          'Compromised-credential detections',
        ],
      ],
    ]);
  });

  test('a sign-in is counted once: the Overview reads CloudTrail only, the Threat protection tab the user activity log only', () => {
    const [overview, threatProtection] = PACK_CONTENT.dashboard.tabs;
    const queries = (tab: typeof overview) => (tab?.panels ?? []).flatMap((p) => p.queries.map((q) => [p.title, q.query] as const));

    for (const [title, sql] of queries(overview)) {
      if (!SHARED_CATEGORIES.test(sql)) continue;
      expect({ title, cloudTrailOnly: sql.includes("WHERE event_type <> 'UserActivity' AND ") || sql.includes("event_type = 'AwsApiCall'") }).toEqual({ title, cloudTrailOnly: true });
    }
    for (const [title, sql] of queries(threatProtection)) expect({ title, userActivityOnly: sql.includes("WHERE event_type = 'UserActivity' AND ") }).toEqual({ title, userActivityOnly: true });
  });

  test("every alert that counts sign-ins, sign-ups or password recovery counts CloudTrail's or the user activity log's, not both", () => {
    // The MFA alert only asks whether a sign-in came before the change: the log's SignIn, which names the user, may answer.
    const eitherSource = ['cognito_mfa_change_after_sign_in'];
    for (const alert of PACK_CONTENT.alerts) {
      const sql = alert.query_condition.sql ?? '';
      if (!SHARED_CATEGORIES.test(sql) && !/'ForgotPassword'|lower\(event_name\)/.test(sql)) continue;
      const oneSource = /WHERE event_type (<>|=) 'UserActivity' AND /.test(sql);
      expect({ alert: alert.name, oneSource }).toEqual({ alert: alert.name, oneSource: !eitherSource.includes(alert.name) });
    }
  });

  test('every panel is custom SQL on the templated stream, in a known chart type, with the fields v5 requires', () => {
    for (const panel of panels) {
      // biome-ignore lint/suspicious/noExplicitAny: the wire shape, beyond what the typed interfaces name
      const raw = panel as unknown as Record<string, any>;
      expect(PANEL_TYPES).toContain(panel.type);
      expect(raw.queryType).toBe('sql');
      expect(typeof raw.config.show_legends).toBe('boolean');
      if (panel.type === 'maps') {
        // The world map joins `name` to its regions and colours them by `value_for_maps`; it reads config.map_type.type.
        expect(raw.config.map_type).toEqual({ type: 'world' });
        for (const q of raw.queries) expect([typeof q.fields.name?.alias, typeof q.fields.value_for_maps?.alias]).toEqual(['string', 'string']);
      }
      for (const q of raw.queries) {
        expect(q.customQuery).toBe(true);
        expect(q.fields.stream).toBe('{{stream}}');
        expect(q.fields.stream_type).toBe('logs');
        expect(q.fields.filter).toEqual({ filterType: 'group', logicalOperator: 'AND', conditions: [] });
        expect(q.config).toEqual({ promql_legend: '' });
        expect(q.query).toContain('FROM "{{stream}}"');
      }
    }
  });

  test('panel and tab ids are unique and each tab stays on the grid without overlaps', () => {
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    expect(new Set(PACK_CONTENT.dashboard.tabs.map((t) => t.tabId)).size).toBe(PACK_CONTENT.dashboard.tabs.length);
    for (const tab of PACK_CONTENT.dashboard.tabs) expectTiled(tab.panels);
  });

  function expectTiled(tabPanels: readonly (typeof panels)[number][]): void {
    const cells = new Set<string>();
    for (const { layout, title } of tabPanels) {
      expect({ title, fits: layout.x >= 0 && layout.x + layout.w <= GRID_COLUMNS }).toEqual({ title, fits: true });
      for (let x = layout.x; x < layout.x + layout.w; x += 1) {
        for (let y = layout.y; y < layout.y + layout.h; y += 1) {
          expect({ title, overlaps: cells.has(`${x},${y}`) }).toEqual({ title, overlaps: false });
          cells.add(`${x},${y}`);
        }
      }
    }
  }

  test('the alerts are there, with names OpenObserve accepts and the cognito_ prefix, each naming its ATT&CK technique first', () => {
    const names = PACK_CONTENT.alerts.map((a) => a.name);

    expect([...names].sort()).toEqual([
      'cognito_auth_config_change',
      'cognito_brute_force_user',
      'cognito_compromised_credentials',
      'cognito_credential_stuffing',
      'cognito_email_change_then_password_reset',
      'cognito_failed_signin_spike',
      'cognito_high_risk_sign_in',
      'cognito_mass_password_reset',
      'cognito_mfa_change_after_sign_in',
      'cognito_new_country_sign_in',
      'cognito_password_spraying',
      'cognito_pool_admin_change',
      'cognito_signin_after_failures',
      'cognito_signin_success_rate_drop',
      'cognito_signup_surge',
      'cognito_user_enumeration',
    ]);
    for (const alert of PACK_CONTENT.alerts) {
      expect(alert.name).toMatch(/^cognito_[a-z_]+$/);
      expect({ alert: alert.name, description: alert.description }).toEqual({ alert: alert.name, description: expect.stringMatching(/^ATT&CK T\d{4}(\.\d{3})? [A-Z][^:]*: /) });
      // Every technique the description names is in its head, where the alert table of docs/security-pack.md reads them.
      expect({ alert: alert.name, head: techniquesOf(alert.description) }).toEqual({ alert: alert.name, head: [...alert.description.matchAll(/T\d{4}(?:\.\d{3})?/g)].map((m) => m[0]) });
    }
  });

  test('scheduled alerts return one row per offender and fire on one row; configuration changes are real-time', () => {
    const realTime = ['cognito_auth_config_change', 'cognito_pool_admin_change'];
    for (const alert of PACK_CONTENT.alerts) {
      // biome-ignore lint/suspicious/noExplicitAny: the wire shape, beyond what the typed interfaces name
      const raw = alert as unknown as Record<string, any>;
      if (realTime.includes(alert.name)) {
        expect(alert.is_real_time).toBe(true);
        expect(alert.query_condition.type).toBe('custom');
        continue;
      }
      expect(alert.is_real_time).toBe(false);
      expect(alert.query_condition.sql).toMatch(/GROUP BY [a-z_]+ HAVING /);
      expect(alert.query_condition.sql).not.toMatch(/select\s+\*/i);
      expect(raw.trigger_condition).toMatchObject({ operator: '>=', threshold: 1, frequency_type: 'minutes', align_time: true });
    }
  });

  test('the two real-time alerts split configuration changes: the general one excludes exactly the authentication list', () => {
    // Prepare
    const conditions = (name: string) => PACK_CONTENT.alerts.find((a) => a.name === name)?.query_condition.conditions as { and: Record<string, unknown>[] };
    const auth = conditions('cognito_auth_config_change').and.find((c) => 'or' in c);
    const general = conditions('cognito_pool_admin_change').and.find((c) => 'not' in c);

    // Assess
    expect(auth).toBeDefined();
    expect(general?.not).toEqual(auth);
  });

  test('scheduled alerts stay quiet for no longer than the window they report, so no attack fits inside a silence', () => {
    for (const alert of PACK_CONTENT.alerts.filter((a) => !a.is_real_time)) {
      const t = PACK_CONTENT.thresholds[alert.name] ?? {};
      // A look-back alert reports its recent window; its period is the history it compares with.
      const reported = t.recent_minutes ?? t.period_minutes ?? 0;
      expect({ alert: alert.name, silenceWithinReported: (t.silence_minutes ?? 0) <= reported }).toEqual({ alert: alert.name, silenceWithinReported: true });
    }
  });

  test('a look-back alert takes its history as its period', () => {
    const lookBack = PACK_CONTENT.alerts.filter((a) => JSON.stringify(a).includes('{{lookback_minutes}}'));

    expect(lookBack.map((a) => [a.name, (a as unknown as { trigger_condition: { period: string } }).trigger_condition.period])).toEqual([['cognito_new_country_sign_in', '{{lookback_minutes}}']]);
  });

  test("each alert's placeholders are exactly its keys in thresholds.json plus the common ones", () => {
    const common = new Set(['stream', 'enabled', 'destination']);
    for (const alert of PACK_CONTENT.alerts) {
      const used = new Set([...JSON.stringify(alert).matchAll(/\{\{([a-z_]+)\}\}/g)].map((m) => m[1] ?? ''));
      const keys = Object.keys(PACK_CONTENT.thresholds[alert.name] ?? {});
      expect({ alert: alert.name, used: [...used].filter((k) => !common.has(k)).sort() }).toEqual({ alert: alert.name, used: keys.sort() });
    }
    expect(Object.keys(PACK_CONTENT.thresholds).sort()).toEqual(PACK_CONTENT.alerts.map((a) => a.name).sort());
  });

  test('threshold placeholders in SQL appear only on the right of a HAVING comparison, or as the start of the recent window', () => {
    for (const alert of PACK_CONTENT.alerts) {
      const sql = alert.query_condition.sql;
      if (sql === undefined) continue;
      const result = readSqlReferences(sql);
      expect(result.ok && result.refs.comparisons.every((c) => c.literals.every((l) => l.kind !== 'placeholder'))).toBe(true);
      const beforeHaving = sql.slice(0, sql.lastIndexOf('HAVING')).split('to_unixtime(now()) * 1000000 - {{recent_minutes}} * 60000000').join('');
      expect(beforeHaving).not.toMatch(/\{\{(?!stream)/);
    }
  });

  test('the template and destination use names OpenObserve accepts and point at each other', () => {
    expect(PACK_CONTENT.template.name).toMatch(/^[a-z0-9_]+$/);
    expect(PACK_CONTENT.destination.name).toMatch(/^[a-z0-9_]+$/);
    expect(PACK_CONTENT.destination.template).toBe(PACK_CONTENT.template.name);
    expect(PACK_CONTENT.destination.url).toBe('{{webhook_url}}');
  });
});
