import { PACK_CONTENT } from '../../../functions/shared/pack/content';
import { installPack } from '../../../functions/shared/pack/install';
import { uninstallPack } from '../../../functions/shared/pack/uninstall';
import { FakeOpenObserveManagement, startFakeOpenObserve } from '../../helpers/fake-openobserve-management';
import { apiFor, installOptions } from './pack-fixtures';

let fake: FakeOpenObserveManagement;
beforeEach(async () => {
  fake = await startFakeOpenObserve();
});
afterEach(() => fake.stop());

/** A user's own dashboard and alert that look like the pack's but carry no marker. */
async function addForeignContent(): Promise<{ dashboardId: string; alertId: string }> {
  const api = apiFor(fake);
  const packDashboard = [...fake.dashboards.values()][0]?.body ?? {};
  const dashboardId = (await api.createDashboard('default', { ...packDashboard, description: 'my copy' })).id;
  const packAlert = [...fake.alerts.values()][0]?.body ?? {};
  const alertId = await api.createAlert('default', { ...packAlert, description: 'my own alert' });
  return { dashboardId, alertId };
}

describe('uninstallPack', () => {
  test('deletes the pack dashboard, alerts, destination and template, and keeps folders and the stream', async () => {
    await installPack(installOptions(fake));

    const report = await uninstallPack({ api: apiFor(fake), stream: 'cognito_events', dryRun: false });

    expect(fake.dashboards.size).toBe(0);
    expect(fake.alerts.size).toBe(0);
    expect(fake.destinations.size).toBe(0);
    expect(fake.templates.size).toBe(0);
    expect(fake.streams.has('default/cognito_events')).toBe(true);
    expect(report.actions.filter((a) => a.verb === 'delete').map((a) => a.kind)).toEqual([
      'dashboard',
      ...PACK_CONTENT.alerts.map(() => 'alert'),
      'destination',
      'template',
    ]);
  });

  test("leaves foreign dashboards and alerts alone, and keeps the destination they still use", async () => {
    await installPack(installOptions(fake));
    const foreign = await addForeignContent();

    const report = await uninstallPack({ api: apiFor(fake), stream: 'cognito_events', dryRun: false });

    expect([...fake.dashboards.keys()]).toEqual([foreign.dashboardId]);
    expect([...fake.alerts.keys()]).toEqual([foreign.alertId]);
    expect(report.actions).toContainEqual(expect.objectContaining({ verb: 'keep', kind: 'destination' }));
    expect(report.actions).toContainEqual(expect.objectContaining({ verb: 'keep', kind: 'template' }));
  });

  test("removes only the given stream's pack when two streams have one", async () => {
    await installPack(installOptions(fake));
    await installPack(installOptions(fake, { stream: 'other_events' }));

    await uninstallPack({ api: apiFor(fake), stream: 'other_events', dryRun: false });

    expect([...fake.dashboards.values()].map((d) => d.body.title)).toEqual(['Cognito Security']);
    expect([...fake.alerts.values()].every((a) => a.body.stream_name === 'cognito_events')).toBe(true);
    expect(fake.alerts.size).toBe(PACK_CONTENT.alerts.length);
  });

  test('with dry run lists what it would delete and deletes nothing', async () => {
    await installPack(installOptions(fake));
    const before = fake.writes().length;

    const report = await uninstallPack({ api: apiFor(fake), stream: 'cognito_events', dryRun: true });

    expect(fake.writes()).toHaveLength(before);
    expect(report.actions.filter((a) => a.verb === 'delete')).toHaveLength(1 + PACK_CONTENT.alerts.length + 2);
  });

  test('on a server without the pack deletes nothing and succeeds', async () => {
    const report = await uninstallPack({ api: apiFor(fake), stream: 'cognito_events', dryRun: false });

    expect(fake.writes()).toEqual([]);
    expect(report.actions.every((a) => a.verb === 'keep')).toBe(true);
  });
});
