/**
 * Removes what the pack installed for one stream: dashboards and alerts that carry its marker, then the
 * destination and template when nothing else uses them (the server answers 409 while something does,
 * docs/reference/openobserve-management-api.md#install-and-uninstall-order). Folders and the stream stay:
 * they may hold the user's own objects and data.
 */
import type { PackAction, PackReport } from './actions';
import { ALERT_NAME_PREFIX, DASHBOARD_TITLE, DESTINATION_NAME, FOLDER_NAME, isOurs, TEMPLATE_NAME } from './constants';
import type { DeleteResult, ManagementApi } from './management-api';

export interface UninstallOptions {
  readonly api: ManagementApi;
  readonly stream: string;
  readonly dryRun: boolean;
  readonly onAction?: (action: PackAction) => void;
}

/** Deletes (or, with `dryRun`, lists) the pack's objects. Foreign dashboards and alerts are never touched. */
export async function uninstallPack(options: UninstallOptions): Promise<PackReport> {
  const { api, stream, dryRun } = options;
  const actions: PackAction[] = [];
  const record = (action: PackAction): void => {
    actions.push(action);
    options.onAction?.(action);
  };
  await api.checkAccess();

  const folderId = await api.folderId('dashboards', FOLDER_NAME);
  const candidates = [
    ...(await api.listDashboards({ title: DASHBOARD_TITLE })),
    ...(folderId === undefined ? [] : await api.listDashboards({ folder: folderId })),
  ];
  const seen = new Set<string>();
  for (const dashboard of candidates) {
    if (seen.has(dashboard.id) || !isOurs(dashboard.description, stream)) continue;
    seen.add(dashboard.id);
    if (!dryRun) await api.deleteDashboard(dashboard.id);
    record({ verb: 'delete', kind: 'dashboard', name: dashboard.title });
  }

  for (const alert of await api.listAlerts(stream, ALERT_NAME_PREFIX)) {
    if (!isOurs(alert.description, stream)) continue;
    if (!dryRun) await api.deleteAlert(alert.id);
    record({ verb: 'delete', kind: 'alert', name: alert.name });
  }

  // The destination goes before the template: the template is in use while the destination exists.
  for (const [kind, objectKind, name] of [
    ['destinations', 'destination', DESTINATION_NAME],
    ['templates', 'template', TEMPLATE_NAME],
  ] as const) {
    let result: DeleteResult = (await api.readNamed(kind, name)) === undefined ? 'missing' : 'deleted';
    if (result === 'deleted' && !dryRun) result = await api.deleteNamed(kind, name);
    if (result === 'deleted') record({ verb: 'delete', kind: objectKind, name, ...(dryRun ? { note: 'unless other alerts still use it' } : {}) });
    if (result === 'in-use') record({ verb: 'keep', kind: objectKind, name, note: 'still used by other alerts or destinations' });
  }
  record({ verb: 'keep', kind: 'folder', name: FOLDER_NAME, note: 'folders may hold your own dashboards and alerts' });
  record({ verb: 'keep', kind: 'stream', name: stream, note: 'it holds your data' });
  return { actions, warnings: [] };
}
