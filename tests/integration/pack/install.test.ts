import { PACK_CONTENT } from '../../../functions/shared/pack/content';
import { PackForbiddenError, PackHttpError, PackOrganizationNotFoundError, PackQueryRejectedError, PackServerTooOldError, PackUnauthorizedError } from '../../../functions/shared/pack/errors';
import { installPack } from '../../../functions/shared/pack/install';
import { FakeOpenObserveManagement, startFakeOpenObserve } from '../../helpers/fake-openobserve-management';
import { ADMIN, apiFor, installOptions } from './pack-fixtures';

let fake: FakeOpenObserveManagement;
const fakes: FakeOpenObserveManagement[] = [];
async function freshFake(options?: ConstructorParameters<typeof FakeOpenObserveManagement>[0]): Promise<FakeOpenObserveManagement> {
  const started = await startFakeOpenObserve(options);
  fakes.push(started);
  return started;
}
beforeEach(async () => {
  fake = await freshFake({
    accounts: [{ ...ADMIN, role: 'admin' }, { username: 'viewer@example.com', secret: 'viewer-pass', role: 'none' }],
    passcodes: ['INGEST-PASSCODE'],
  });
});
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.stop()));
});

const writeLine = (r: { method: string; path: string }): string => `${r.method} ${r.path}`;

describe('installPack', () => {
  test('creates stream, folders, template, destination, dashboard and alerts, in the contract order', async () => {
    // Act
    const report = await installPack(installOptions(fake));

    // Assess
    expect(fake.writes().map(writeLine)).toEqual([
      'POST /api/default/streams/cognito_events',
      'POST /api/v2/default/folders/dashboards',
      'POST /api/v2/default/folders/alerts',
      'POST /api/default/alerts/templates',
      'POST /api/default/alerts/destinations',
      'POST /api/default/dashboards',
      ...PACK_CONTENT.alerts.map(() => 'POST /api/v2/default/alerts'),
    ]);
    expect(report.actions.every((a) => a.verb === 'create')).toBe(true);
    expect(report.dashboardId).toBe([...fake.dashboards.keys()][0]);
    expect(fake.streams.get('default/cognito_events')?.get('http_status')).toBe('Int64');
    expect(fake.streams.get('default/cognito_events')?.get('read_only')).toBe('Boolean');
    expect(fake.streams.get('default/cognito_events')?.get('request_parameters')).toBe('Utf8');
  });

  test('runs every panel and alert query through _search before the first content is written', async () => {
    await installPack(installOptions(fake));

    const paths = fake.requests.map((r) => `${r.method} ${r.path}`);
    const searches = paths.flatMap((p, i) => (p.endsWith('/_search') ? [i] : []));
    const firstFolder = paths.indexOf('POST /api/v2/default/folders/dashboards');
    expect(searches).toHaveLength(PACK_CONTENT.dashboard.tabs.flatMap((t) => t.panels).length + PACK_CONTENT.alerts.length);
    expect(Math.max(...searches)).toBeLessThan(firstFolder);
    expect(paths.indexOf('POST /api/default/streams/cognito_events')).toBeLessThan(Math.min(...searches));
  });

  test('a second run writes nothing and reports everything unchanged', async () => {
    await installPack(installOptions(fake));
    const before = fake.writes().length;

    const report = await installPack(installOptions(fake));

    expect(fake.writes()).toHaveLength(before);
    expect(report.actions.map((a) => a.verb)).toEqual(report.actions.map(() => 'unchanged'));
  });

  test('a changed threshold updates that one alert in place, by id', async () => {
    await installPack(installOptions(fake));
    const ids = [...fake.alerts.keys()];
    const before = fake.writes().length;
    const thresholds = { ...PACK_CONTENT.thresholds, cognito_password_spraying: { min_users: 25, period_minutes: 15, frequency_minutes: 5, silence_minutes: 60 } };

    const report = await installPack(installOptions(fake, { thresholds }));

    const spraying = [...fake.alerts].find(([, a]) => a.body.name === 'cognito_password_spraying');
    expect(fake.writes().slice(before).map(writeLine)).toEqual([`PUT /api/v2/default/alerts/${spraying?.[0]}`]);
    expect([...fake.alerts.keys()]).toEqual(ids);
    expect(String((spraying?.[1]?.body.query_condition as { sql: string } | undefined)?.sql)).toMatch(/ >= 25 AND /);
    expect(report.actions.filter((a) => a.verb === 'update')).toEqual([{ verb: 'update', kind: 'alert', name: 'cognito_password_spraying' }]);
  });

  test('a dashboard edited in the UI is put back in place with its current hash, keeping its id', async () => {
    const first = await installPack(installOptions(fake));
    const id = first.dashboardId ?? '';
    fake.editDashboard(id, (body) => {
      body.title = 'Cognito Security';
      (body.tabs as { name: string }[])[0]!.name = 'Edited';
    });

    const report = await installPack(installOptions(fake));

    expect(report.actions).toContainEqual({ verb: 'update', kind: 'dashboard', name: 'Cognito Security' });
    expect([...fake.dashboards.keys()]).toEqual([id]);
    expect((fake.dashboards.get(id)?.body.tabs as { name: string }[] | undefined)?.[0]?.name).toBe('Overview');
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.query).toMatchObject({ folder: expect.stringMatching(/^fld/), hash: expect.stringMatching(/^[0-9]+$/) });
  });

  test('re-reads the hash and retries once when the dashboard changes between read and write (409)', async () => {
    const first = await installPack(installOptions(fake));
    const id = first.dashboardId ?? '';
    fake.editDashboard(id, (body) => void (body.description = 'edited [managed-by o2-cognito pack=cognito-security v1 stream=cognito_events]'));
    let raced = false;
    fake.beforeRequest = (method, path) => {
      if (method === 'PUT' && path.includes('/dashboards/') && !raced) {
        raced = true;
        fake.editDashboard(id, (body) => void (body.role = 'raced'));
      }
    };

    await installPack(installOptions(fake));

    const puts = fake.requests.filter((r) => r.method === 'PUT' && r.path.includes('/dashboards/'));
    expect(puts).toHaveLength(2);
    expect(fake.dashboards.get(id)?.body.description).toBe(PACK_CONTENT.dashboard.description + ' [managed-by o2-cognito pack=cognito-security v1 stream=cognito_events]');
  });

  test('gives up with a PackHttpError when the dashboard keeps changing under it', async () => {
    const first = await installPack(installOptions(fake));
    const id = first.dashboardId ?? '';
    const edit = (n: number) => (body: Record<string, unknown>) => void (body.description = `edit ${n} [managed-by o2-cognito pack=cognito-security v1 stream=cognito_events]`);
    fake.editDashboard(id, edit(0));
    let edits = 0;
    fake.beforeRequest = (method, path) => {
      if (method === 'PUT' && path.includes('/dashboards/')) fake.editDashboard(id, edit(++edits));
    };

    const error = await installPack(installOptions(fake)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PackHttpError);
    expect((error as PackHttpError).status).toBe(409);
    expect(edits).toBe(2);
  });

  test("leaves a user's own dashboard with the same title alone and creates the pack's next to it", async () => {
    const api = apiFor(fake);
    await installPack(installOptions(fake));
    const ours = [...fake.dashboards.keys()][0] ?? '';
    const theirs = (await api.createDashboard('default', { ...(fake.dashboards.get(ours)?.body ?? {}), description: 'my own' })).id;
    const theirsHash = fake.dashboards.get(theirs)?.hash;

    const report = await installPack(installOptions(fake));

    expect(report.actions).toContainEqual({ verb: 'unchanged', kind: 'dashboard', name: 'Cognito Security' });
    expect(fake.dashboards.get(theirs)?.hash).toBe(theirsHash);
  });

  test("leaves a user's own alert with a pack alert's name alone and creates the pack's next to it", async () => {
    await installPack(installOptions(fake));
    const [packId, packAlert] = [...fake.alerts].find(([, a]) => a.body.name === 'cognito_password_spraying') ?? [];
    fake.alerts.delete(packId ?? '');
    const theirs = await apiFor(fake).createAlert('default', { ...(packAlert?.body ?? {}), description: 'mine', enabled: false });

    const report = await installPack(installOptions(fake));

    expect(report.actions).toContainEqual({ verb: 'create', kind: 'alert', name: 'cognito_password_spraying' });
    expect(fake.alerts.get(theirs)?.body).toMatchObject({ description: 'mine', enabled: false });
  });

  test('refuses a server older than v0.15.0 before any other call', async () => {
    fake.version = 'v0.14.7';

    await expect(installPack(installOptions(fake))).rejects.toThrow(PackServerTooOldError);
    expect(fake.requests.map((r) => r.path)).toEqual(['/config']);
  });

  test('warns about a version it cannot read and goes on', async () => {
    fake.version = 'nightly';

    const report = await installPack(installOptions(fake));

    expect(report.warnings[0]).toContain("'nightly'");
    expect(fake.dashboards.size).toBe(1);
  });

  test.each([
    ['the ingestion passcode', { username: ADMIN.username, secret: 'INGEST-PASSCODE' }, 'default', PackUnauthorizedError],
    ['an account without a role', { username: 'viewer@example.com', secret: 'viewer-pass' }, 'default', PackForbiddenError],
    ['an organization that does not exist', ADMIN, 'nope', PackOrganizationNotFoundError],
  ])('stops at the access check with %s, having written nothing', async (_name, credentials, org, errorClass) => {
    await expect(installPack(installOptions(fake, { api: apiFor(fake, credentials, org) }))).rejects.toThrow(errorClass);
    expect(fake.writes()).toEqual([]);
  });

  test('says the Firehose access key only works for ingestion when it gets the 401', async () => {
    await expect(installPack(installOptions(fake, { api: apiFor(fake, { username: ADMIN.username, secret: 'INGEST-PASSCODE' }) }))).rejects.toThrow(/Firehose access key/);
  });

  test('on a stream that has not seen every field, warns about the queries that read them, skips their dry-run, and installs', async () => {
    fake.addStream('default', 'cognito_events', {
      category: 'Utf8', outcome: 'Utf8', event_type: 'Utf8', user_pool_id: 'Utf8', aws_account_id: 'Utf8', aws_region: 'Utf8', source_ip: 'Utf8', user_sub: 'Utf8', event_name: 'Utf8', http_status: 'Utf8',
    });

    const report = await installPack(installOptions(fake));

    expect(report.actions[0]).toEqual({ verb: 'unchanged', kind: 'stream', name: 'cognito_events', note: expect.stringMatching(/fields not received yet/) });
    expect(report.warnings).toContainEqual(expect.stringContaining('stores http_status as Utf8, not Int64'));
    expect(report.warnings).toContainEqual(expect.stringMatching(/panel "Admin changes to pools and users" reads .*principal_arn/));
    expect(report.warnings.some((w) => w.includes('panel "Sign-in attempts"'))).toBe(false);
    // A stream without user activity logs (no Plus plan): the threat-protection queries wait for their fields.
    expect(report.warnings).toContainEqual(expect.stringMatching(/alert cognito_compromised_credentials reads .*compromised_credentials/));
    expect(fake.dashboards.size).toBe(1);
    expect(fake.alerts.size).toBe(PACK_CONTENT.alerts.length);
  });

  test('stops before writing any content when OpenObserve rejects a query', async () => {
    const content = structuredClone(PACK_CONTENT) as typeof PACK_CONTENT;
    const panel = content.dashboard.tabs[0]?.panels[0] as unknown as { queries: { query: string }[] }; // the readonly typed view, made writable for this one edit
    panel.queries[0]!.query = 'SELECT COUNT(*) AS attempts FROM "{{stream}}" WHERE not_a_field = \'x\' AND user_pool_id IN ($user_pool)';

    await expect(installPack(installOptions(fake, { content }))).rejects.toThrow(PackQueryRejectedError);
    expect(fake.writes().map(writeLine)).toEqual(['POST /api/default/streams/cognito_events']);
  });

  test('without a webhook URL or an existing destination, installs the dashboard and skips the alerts with a warning', async () => {
    const report = await installPack(installOptions(fake, { webhookUrl: undefined }));

    expect(fake.dashboards.size).toBe(1);
    expect(fake.alerts.size).toBe(0);
    expect(report.actions.filter((a) => a.kind === 'alert').every((a) => a.verb === 'skip')).toBe(true);
    expect(report.warnings).toContainEqual(expect.stringContaining('need a destination'));
  });

  test('keeps using the pack destination from an earlier run when no webhook URL is given', async () => {
    await installPack(installOptions(fake));

    const report = await installPack(installOptions(fake, { webhookUrl: undefined }));

    expect(report.actions).toContainEqual(expect.objectContaining({ verb: 'keep', kind: 'destination' }));
    expect(report.actions.filter((a) => a.kind === 'alert').every((a) => a.verb === 'unchanged')).toBe(true);
  });

  test('installs the alerts disabled when asked', async () => {
    await installPack(installOptions(fake, { enableAlerts: false }));

    expect([...fake.alerts.values()].every((a) => a.body.enabled === false)).toBe(true);
  });

  describe('dry run', () => {
    test('on an empty server makes no writes and lists everything as to be created', async () => {
      const report = await installPack(installOptions(fake, { dryRun: true }));

      expect(fake.writes()).toEqual([]);
      expect(report.actions.every((a) => a.verb === 'create')).toBe(true);
      expect(report.actions).toHaveLength(6 + PACK_CONTENT.alerts.length);
    });

    test('on an installed server makes no writes and lists what would change', async () => {
      await installPack(installOptions(fake));
      const before = fake.writes().length;
      const thresholds = { ...PACK_CONTENT.thresholds, cognito_signup_surge: { min_sign_ups: 500, period_minutes: 60, frequency_minutes: 15, silence_minutes: 60 } };

      const report = await installPack(installOptions(fake, { dryRun: true, thresholds }));

      expect(fake.writes()).toHaveLength(before);
      expect(report.actions.filter((a) => a.verb !== 'unchanged')).toEqual([{ verb: 'update', kind: 'alert', name: 'cognito_signup_surge' }]);
    });
  });
});
