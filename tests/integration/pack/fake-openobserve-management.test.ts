/** The fake itself, held to docs/reference/openobserve-management-api.md with plain HTTP calls. */
import { FakeOpenObserveManagement, startFakeOpenObserve } from '../../helpers/fake-openobserve-management';

const ADMIN = { username: 'admin@example.com', secret: 'Complexpass#123' };
const basic = (user: string, secret: string): string => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

let fake: FakeOpenObserveManagement;
beforeAll(async () => {
  fake = await startFakeOpenObserve({
    accounts: [{ ...ADMIN, role: 'admin' }, { username: 'viewer@example.com', secret: 'viewer-pass', role: 'none' }],
    passcodes: ['INGEST-PASSCODE'],
  });
});
afterAll(() => fake.stop());

async function call(method: string, path: string, body?: unknown, auth = basic(ADMIN.username, ADMIN.secret)) {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers: { Authorization: auth, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: the fake's answers are read field by field in each test
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json, headers: response.headers };
}

const axis = (alias: string) => ({ label: alias, alias, column: alias, color: null });
const dashboard = (title: string) => ({
  version: 5,
  title,
  description: '',
  tabs: [
    {
      tabId: 'default',
      name: 'Overview',
      panels: [
        {
          id: 'Panel_ID1',
          type: 'metric',
          title: 'n',
          description: '',
          config: { show_legends: false },
          queryType: 'sql',
          queries: [
            {
              query: 'SELECT COUNT(*) AS n FROM "s"',
              vrlFunctionQuery: '',
              customQuery: true,
              fields: { stream: 's', stream_type: 'logs', x: [], y: [axis('n')], z: [], breakdown: [], filter: { filterType: 'group', logicalOperator: 'AND', conditions: [] } },
              config: { promql_legend: '' },
            },
          ],
          layout: { x: 0, y: 0, w: 12, h: 8, i: 1 },
        },
      ],
    },
  ],
});

describe('fake OpenObserve management API', () => {
  test('answers GET /config without credentials, with the version', async () => {
    const response = await fetch(`${fake.url}/config`);

    expect(await response.json()).toMatchObject({ version: 'v0.92.2' });
  });

  test('refuses the ingestion passcode on management routes with 401 Unauthorized Access', async () => {
    const { status, json, headers } = await call('GET', '/api/default/dashboards', undefined, basic(ADMIN.username, 'INGEST-PASSCODE'));

    expect([status, json, headers.get('www-authenticate')]).toEqual([401, 'Unauthorized Access', 'Bearer realm="openobserve"']);
  });

  test('answers 403 to an account without a role, and 404 Organization not found to an unknown org', async () => {
    expect((await call('GET', '/api/default/dashboards', undefined, basic('viewer@example.com', 'viewer-pass'))).status).toBe(403);
    expect(await call('GET', '/api/nope/dashboards')).toMatchObject({ status: 404, json: { message: 'Organization not found' } });
  });

  test('creates a stream once with _timestamp added, and says so the second time', async () => {
    const first = await call('POST', '/api/default/streams/s1?type=logs', { fields: [{ name: 'outcome', type: 'Utf8' }], settings: {} });
    const again = await call('POST', '/api/default/streams/s1?type=logs', { fields: [], settings: {} });
    const schema = await call('GET', '/api/default/streams/s1/schema?type=logs');

    expect([first.status, again.status]).toEqual([200, 400]);
    expect(schema.json.schema).toEqual([
      { name: '_timestamp', type: 'Int64' },
      { name: 'outcome', type: 'Utf8' },
    ]);
    expect((await call('GET', '/api/default/streams/none/schema?type=logs')).status).toBe(404);
  });

  test('finds folders by name after creating them, and 404s before', async () => {
    expect((await call('GET', '/api/v2/default/folders/dashboards/name/F1')).status).toBe(404);
    const created = await call('POST', '/api/v2/default/folders/dashboards', { name: 'F1', description: '' });

    expect(await call('GET', '/api/v2/default/folders/dashboards/name/F1')).toMatchObject({ status: 200, json: { folderId: created.json.folderId } });
  });

  test('creates a v5 dashboard, lists it by title substring across folders, and returns the id in the wrapper', async () => {
    const created = await call('POST', '/api/default/dashboards', dashboard('Fake Board'));
    const listed = await call('GET', '/api/default/dashboards?title=fake%20bo');

    expect(created.json.version).toBe(5);
    expect(created.json.v5.dashboardId).toMatch(/^7/);
    expect(listed.json.dashboards).toEqual([expect.objectContaining({ dashboard_id: created.json.v5.dashboardId, title: 'Fake Board', hash: created.json.hash, folder_id: 'default' })]);
  });

  test('creates two dashboards with the same title: titles are not unique', async () => {
    await call('POST', '/api/default/dashboards', dashboard('Twice'));
    await call('POST', '/api/default/dashboards', dashboard('Twice'));

    expect((await call('GET', '/api/default/dashboards?title=Twice')).json.dashboards).toHaveLength(2);
  });

  test('rejects a dashboard whose filter is a bare array (422) or whose title is blank (500)', async () => {
    const bad = dashboard('Bad');
    (bad.tabs[0]?.panels[0]?.queries[0]?.fields as Record<string, unknown>).filter = [];

    expect((await call('POST', '/api/default/dashboards', bad)).status).toBe(422);
    expect((await call('POST', '/api/default/dashboards', dashboard('  '))).status).toBe(500);
  });

  test('takes a world-map panel with its name and value axes, and rejects one whose name axis lacks its label (422)', async () => {
    // Prepare
    const map = (name: Record<string, unknown>) => {
      const board = dashboard('Map');
      const panel = board.tabs[0]?.panels[0] as Record<string, unknown> & { config: Record<string, unknown>; queries: { fields: Record<string, unknown> }[] };
      panel.type = 'maps';
      panel.config.map_type = { type: 'world' };
      Object.assign(panel.queries[0]?.fields ?? {}, { y: [], name, value_for_maps: axis('n') });
      return board;
    };

    // Act
    const good = await call('POST', '/api/default/dashboards', map(axis('country')));
    const bad = await call('POST', '/api/default/dashboards', map({ alias: 'country', column: 'country' }));

    // Assess
    expect(good.status).toBe(200);
    expect(bad.status).toBe(422);
  });

  test('updates a dashboard only with its current hash and real folder: missing 500, stale 409, wrong folder 404', async () => {
    const created = await call('POST', '/api/default/dashboards', dashboard('Hashed'));
    const id = created.json.v5.dashboardId;
    const changed = { ...dashboard('Hashed'), description: 'changed' };

    expect((await call('PUT', `/api/default/dashboards/${id}?folder=default`, changed)).status).toBe(500);
    expect((await call('PUT', `/api/default/dashboards/${id}?folder=default&hash=1`, changed)).status).toBe(409);
    expect((await call('PUT', `/api/default/dashboards/${id}?folder=other&hash=${created.json.hash}`, changed)).status).toBe(404);
    const ok = await call('PUT', `/api/default/dashboards/${id}?folder=default&hash=${created.json.hash}`, changed);
    expect(ok.status).toBe(200);
    expect(ok.json.hash).not.toBe(created.json.hash);
    expect((await call('PUT', '/api/default/dashboards/7nope?folder=default&hash=1', changed)).status).toBe(404);
  });

  test('refuses a destination without an existing template, and deleting a template a destination uses (409)', async () => {
    expect((await call('POST', '/api/default/alerts/destinations', { name: 'd1', type: 'http', url: 'https://x', method: 'post', template: 'nope' })).status).toBe(404);
    await call('POST', '/api/default/alerts/templates', { name: 't1', type: 'http', body: '{}' });
    expect((await call('POST', '/api/default/alerts/templates', { name: 't1', type: 'http', body: '{}' })).status).toBe(400);
    expect((await call('POST', '/api/default/alerts/destinations', { name: 'd1', type: 'http', url: 'https://x', method: 'post', template: 't1' })).status).toBe(200);

    expect((await call('DELETE', '/api/default/alerts/templates/t1')).status).toBe(409);
  });

  test('enforces alert preconditions: stream with a schema, existing destination, no SELECT *, real-time needs conditions', async () => {
    const alert = {
      name: 'a1', stream_type: 'logs', stream_name: 's1', is_real_time: false, destinations: ['d1'],
      query_condition: { type: 'sql', sql: 'SELECT outcome FROM "s1"' }, trigger_condition: { period: 5 },
    };

    expect((await call('POST', '/api/v2/default/alerts', { ...alert, stream_name: 'nope' })).status).toBe(404);
    expect((await call('POST', '/api/v2/default/alerts', { ...alert, destinations: ['missing'] })).status).toBe(404);
    expect((await call('POST', '/api/v2/default/alerts', { ...alert, destinations: [] })).status).toBe(400);
    expect((await call('POST', '/api/v2/default/alerts', { ...alert, name: 'a b' })).status).toBe(400);
    expect((await call('POST', '/api/v2/default/alerts', { ...alert, query_condition: { type: 'sql', sql: 'select  * from "s1"' } })).status).toBe(400);
    expect((await call('POST', '/api/v2/default/alerts', { ...alert, is_real_time: true })).status).toBe(400);
    const created = await call('POST', '/api/v2/default/alerts', alert);
    expect(created.json).toMatchObject({ message: 'Alert saved', name: 'a1' });
  });

  test('stores real-time conditions as the server does: a bare list becomes {"and": [...]}, a tree stays as sent', async () => {
    // Prepare
    const condition = { column: 'outcome', operator: '=', value: 'success' };
    const alert = (conditions: unknown) => ({
      name: 'rt', stream_type: 'logs', stream_name: 's1', is_real_time: true, destinations: ['d1'],
      query_condition: { type: 'custom', conditions }, trigger_condition: { period: 1 },
    });
    const tree = { and: [{ ...condition, ignore_case: false }, { not: { or: [{ column: 'event_name', operator: '=', value: 'X', ignore_case: false }] } }] };

    // Act
    const bare = await call('POST', '/api/v2/default/alerts', alert([condition]));
    const nested = await call('POST', '/api/v2/default/alerts', alert(tree));

    // Assess
    expect((await call('GET', `/api/v2/default/alerts/${bare.json.id}`)).json.query_condition.conditions).toEqual({ and: [{ ...condition, ignore_case: false }] });
    expect((await call('GET', `/api/v2/default/alerts/${nested.json.id}`)).json.query_condition.conditions).toEqual(tree);
    expect((await call('POST', '/api/v2/default/alerts', alert({ and: [] }))).status).toBe(400);
  });

  test('lists alerts by stream and name substring, creates duplicates by name, updates and deletes by id', async () => {
    const alert = {
      name: 'dup_alert', stream_type: 'logs', stream_name: 's1', is_real_time: false, destinations: ['d1'], enabled: true,
      query_condition: { type: 'sql', sql: 'SELECT outcome FROM "s1"' }, trigger_condition: { period: 5 },
    };
    const first = await call('POST', '/api/v2/default/alerts', alert);
    await call('POST', '/api/v2/default/alerts', alert);
    const listed = await call('GET', '/api/v2/default/alerts?stream_type=logs&stream_name=s1&alert_name_substring=dup_');

    expect(listed.json.list).toHaveLength(2);
    expect((await call('PUT', `/api/v2/default/alerts/${first.json.id}`, { ...alert, description: 'x' })).status).toBe(200);
    expect((await call('GET', `/api/v2/default/alerts/${first.json.id}`)).json).toMatchObject({ description: 'x', id: first.json.id });
    expect((await call('DELETE', '/api/default/alerts/destinations/d1')).status).toBe(409);
    expect((await call('DELETE', `/api/v2/default/alerts/${first.json.id}`)).status).toBe(200);
    expect((await call('PUT', `/api/v2/default/alerts/${first.json.id}`, alert)).status).toBe(404);
  });

  test('runs a search over known columns and fails with 20004 on an unknown one', async () => {
    const query = (sql: string) => ({ query: { sql, start_time: 0, end_time: 1, from: 0, size: 1 } });

    expect((await call('POST', '/api/default/_search?type=logs', query(`SELECT outcome, COUNT(*) AS n FROM "s1" WHERE outcome = 'x y' GROUP BY outcome ORDER BY n`))).status).toBe(200);
    expect(await call('POST', '/api/default/_search?type=logs', query('SELECT source_ip FROM "s1"'))).toMatchObject({ status: 400, json: { code: 20004 } });
  });

  test('when stalled, logs a request and never answers it', async () => {
    fake.stalled = true;
    const controller = new AbortController();
    const pending = fetch(`${fake.url}/config`, { signal: controller.signal }).then(
      () => 'answered',
      () => 'aborted',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();

    expect(await pending).toBe('aborted');
    fake.stalled = false;
  });

  test('logs each request with whether it carried credentials', () => {
    expect(fake.requests.some((r) => r.path === '/config' && !r.authorized)).toBe(true);
    expect(fake.writes().every((r) => r.method !== 'GET')).toBe(true);
  });
});
