import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACK_CONTENT } from '../../../functions/shared/pack/content';
import { packMarker } from '../../../functions/shared/pack/constants';
import { PackRenderError, renderPack, type RenderOptions } from '../../../functions/shared/pack/render';

const GOLDEN_DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'pack-golden');
const WEBHOOK = 'https://hooks.example.com/services/T0000/B0000/golden';

const options = (overrides: Partial<RenderOptions> = {}): RenderOptions => ({
  stream: 'cognito_events',
  thresholds: PACK_CONTENT.thresholds,
  enableAlerts: true,
  webhookUrl: WEBHOOK,
  ...overrides,
});

/** Compares with the golden file; UPDATE_GOLDEN=1 rewrites it instead (review the diff in the commit). */
function expectGolden(name: string, value: unknown): void {
  const file = path.join(GOLDEN_DIR, name);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('renderPack', () => {
  const pack = renderPack(PACK_CONTENT, options());

  test('renders the dashboard body byte for byte as the golden file', () => {
    expectGolden('dashboard.json', pack.dashboard);
  });

  test.each(pack.alerts.map((a) => [a.name, a] as const))('renders alert %s byte for byte as its golden file', (name, alert) => {
    expectGolden(`alerts/${name}.json`, alert.body);
  });

  test('renders the template and destination as the golden files', () => {
    expectGolden('template.json', pack.template);
    expectGolden('destination.json', pack.destination);
  });

  test('leaves no placeholder in anything it renders', () => {
    const all = JSON.stringify([pack.dashboard, pack.alerts.map((a) => a.body), pack.template, pack.destination]);

    expect(all).not.toContain('{{');
  });

  test('puts the stream name in every query, panel and alert, and the marker in every description', () => {
    const other = renderPack(PACK_CONTENT, options({ stream: 'auth_events' }));

    expect(JSON.stringify(other.dashboard)).not.toContain('cognito_events');
    expect(other.dashboardQueries.every((q) => q.sql.includes('FROM "auth_events"'))).toBe(true);
    expect(other.alerts.every((a) => a.body.stream_name === 'auth_events' && String(a.body.description).endsWith(packMarker('auth_events')))).toBe(true);
    expect(other.dashboard.description).toContain(packMarker('auth_events'));
    expect(other.dashboardTitle).toBe('Cognito Security (auth_events)');
    expect(pack.dashboardTitle).toBe('Cognito Security');
  });

  test('puts the thresholds into the SQL and the trigger, as numbers', () => {
    const thresholds = { ...PACK_CONTENT.thresholds, cognito_password_spraying: { min_users: 42, period_minutes: 30, frequency_minutes: 10, silence_minutes: 0 } };

    const spraying = renderPack(PACK_CONTENT, options({ thresholds })).alerts.find((a) => a.name === 'cognito_password_spraying');

    expect(spraying?.query.sql).toMatch(/ >= 42 AND 100 \* /);
    expect(spraying?.body.trigger_condition).toMatchObject({ period: 30, frequency: 10, silence: 0 });
  });

  test('installs the alerts disabled when asked, with a boolean', () => {
    const disabled = renderPack(PACK_CONTENT, options({ enableAlerts: false }));

    expect(disabled.alerts.every((a) => a.body.enabled === false)).toBe(true);
  });

  test('runs dashboard queries with the "all values" placeholder for the pool variable', () => {
    expect(pack.dashboardQueries[0]?.sql).toContain("user_pool_id IN ('_o2_all_')");
    expect(pack.dashboardQueries).toHaveLength(PACK_CONTENT.dashboard.tabs.flatMap((t) => t.panels).length);
  });

  test('checks a real-time alert through the WHERE the server builds from its condition tree', () => {
    const admin = pack.alerts.find((a) => a.name === 'cognito_pool_admin_change');

    expect(admin?.query.sql).toMatch(/^SELECT COUNT\(\*\) AS matches FROM "cognito_events" WHERE \("category" = 'pool_admin' AND "outcome" = 'success' AND "read_only" = false AND \(NOT \("event_name" = 'UpdateUserPool' OR /);
    expect(admin?.query.columns).toEqual(['category', 'outcome', 'read_only', 'event_name']);
  });

  test('refuses a real-time alert whose conditions the server would store in another form', () => {
    const flat = PACK_CONTENT.alerts.map((a) => (a.is_real_time ? { ...a, query_condition: { ...a.query_condition, conditions: [{ column: 'outcome', operator: '=', value: 'success', ignore_case: false }] } } : a));

    expect(() => renderPack({ ...PACK_CONTENT, alerts: flat }, options())).toThrow(/must be an object, not a list/);
  });

  test('renders no destination without a webhook URL', () => {
    const { webhookUrl: _none, ...rest } = options();

    expect(renderPack(PACK_CONTENT, rest).destination).toBeUndefined();
  });

  test('refuses pack content that holds an unknown placeholder', () => {
    const broken = { ...PACK_CONTENT, template: { ...PACK_CONTENT.template, body: '{{nope}}' } };

    expect(() => renderPack(broken, options())).toThrow(PackRenderError);
  });
});
