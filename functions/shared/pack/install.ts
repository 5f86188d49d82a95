/**
 * Installs or updates the pack in the order the server needs: version probe, access check, stream, query
 * dry-runs, folders, template, destination, dashboard, alerts
 * (docs/reference/openobserve-management-api.md#install-and-uninstall-order). Idempotent: objects are found
 * by name (dashboards by title and marker, then PUT with their hash; alerts by name and marker, then PUT by
 * id) and left alone when they already hold the pack's content. With `dryRun` only reads are made.
 */
import { shorten } from '../secret-scrubber';
import { ALERT_NAME_PREFIX, DESTINATION_NAME, DRY_RUN_WINDOW_MICROS, FOLDER_DESCRIPTION, FOLDER_NAME, isOurs, MIN_SERVER_VERSION, TEMPLATE_NAME } from './constants';
import { PACK_CONTENT, type JsonObject, type PackContent, type Thresholds } from './content';
import { PackHttpError, PackQueryRejectedError, PackServerTooOldError } from './errors';
import type { FolderType, ManagementApi } from './management-api';
import type { PackAction, PackReport } from './actions';
import { type RenderedPack, type RenderedQuery, renderPack } from './render';
import { sameContent } from './same-content';
import { formatVersion, isOlderThan, parseServerVersion } from './server-version';

export interface InstallOptions {
  readonly api: ManagementApi;
  readonly stream: string;
  readonly thresholds: Thresholds;
  readonly enableAlerts: boolean;
  readonly webhookUrl?: string;
  readonly dryRun: boolean;
  /** Epoch ms; the query dry-runs cover the hour before it. */
  readonly now: () => number;
  readonly content?: PackContent;
  /** Called as each action is decided (progress). */
  readonly onAction?: (action: PackAction) => void;
}

class Run {
  readonly actions: PackAction[] = [];
  readonly warnings: string[] = [];
  constructor(readonly options: InstallOptions) {}
  record(action: PackAction): void {
    this.actions.push(action);
    this.options.onAction?.(action);
  }
}

/** Refuses servers older than v0.15.0; an unreadable version is a warning, not a refusal. */
export async function checkServerVersion(api: ManagementApi, warnings: string[]): Promise<string> {
  const reported = await api.serverVersion();
  const version = parseServerVersion(reported);
  if (version === undefined) {
    warnings.push(`OpenObserve reported version '${shorten(reported.replace(/\s+/g, ' '), 40)}', which is not a release number; the pack needs ${formatVersion(MIN_SERVER_VERSION)} or later.`);
  } else if (isOlderThan(version, MIN_SERVER_VERSION)) {
    throw new PackServerTooOldError(
      `OpenObserve ${formatVersion(version)} is older than ${formatVersion(MIN_SERVER_VERSION)}, the oldest release the pack supports; upgrade OpenObserve, or import the files in content/ through its UI.`,
    );
  }
  return reported;
}

async function ensureStream(run: Run, pack: RenderedPack): Promise<{ existed: boolean; missing: ReadonlySet<string> }> {
  const { api, dryRun } = run.options;
  const schema = await api.streamSchema(pack.stream);
  if (schema === undefined) {
    if (!dryRun) await api.createStream(pack.stream, pack.streamFields);
    run.record({ verb: 'create', kind: 'stream', name: pack.stream, note: `${pack.streamFields.length} schema v1 fields` });
    return { existed: false, missing: new Set() };
  }
  const missing = new Set<string>();
  for (const field of pack.streamFields) {
    const type = schema.get(field.name);
    if (type === undefined) missing.add(field.name);
    else if (type !== field.type) {
      run.warnings.push(`Stream ${pack.stream} stores ${field.name} as ${type}, not ${field.type} as schema v1 does; queries on it may fail until the stream is recreated.`);
    }
  }
  run.record({ verb: 'unchanged', kind: 'stream', name: pack.stream, ...(missing.size > 0 ? { note: `${missing.size} schema v1 fields not received yet` } : {}) });
  return { existed: true, missing };
}

async function dryRunQueries(run: Run, queries: readonly RenderedQuery[], stream: { existed: boolean; missing: ReadonlySet<string> }): Promise<void> {
  const { api, dryRun, now } = run.options;
  if (!stream.existed && dryRun) {
    run.warnings.push('The stream does not exist yet, so the queries were not run; the install itself runs them after creating it.');
    return;
  }
  const end = now() * 1000;
  const rejected: string[] = [];
  for (const q of queries) {
    const absent = q.columns.filter((c) => stream.missing.has(c));
    if (absent.length > 0) {
      run.warnings.push(`The ${q.owner} reads ${absent.join(', ')}, which the stream has not received yet; it shows an error until such events arrive.`);
      continue;
    }
    const reason = await api.trySearch(q.sql, end - DRY_RUN_WINDOW_MICROS, end);
    if (reason !== undefined) rejected.push(`${q.owner} (${reason})`);
  }
  if (rejected.length > 0) {
    throw new PackQueryRejectedError(
      `OpenObserve rejected ${rejected.length} pack ${rejected.length === 1 ? 'query' : 'queries'}, first the ${rejected[0]}; check that the stream holds schema v1 records, then run the install again.`,
    );
  }
}

async function ensureFolder(run: Run, type: FolderType): Promise<string> {
  const { api, dryRun } = run.options;
  const existing = await api.folderId(type, FOLDER_NAME);
  if (existing !== undefined) {
    run.record({ verb: 'unchanged', kind: 'folder', name: `${type}/${FOLDER_NAME}` });
    return existing;
  }
  const id = dryRun ? '' : await api.createFolder(type, FOLDER_NAME, FOLDER_DESCRIPTION);
  run.record({ verb: 'create', kind: 'folder', name: `${type}/${FOLDER_NAME}` });
  return id;
}

async function ensureNamed(run: Run, kind: 'templates' | 'destinations', name: string, body: JsonObject): Promise<void> {
  const { api, dryRun } = run.options;
  const stored = await api.readNamed(kind, name);
  const objectKind = kind === 'templates' ? 'template' : 'destination';
  if (stored !== undefined && sameContent(body, stored)) {
    run.record({ verb: 'unchanged', kind: objectKind, name });
    return;
  }
  if (!dryRun) await api.writeNamed(kind, name, body, stored !== undefined);
  run.record({ verb: stored === undefined ? 'create' : 'update', kind: objectKind, name });
}

/** The destination the alerts use, or undefined when there is none to use. */
async function ensureDestination(run: Run, pack: RenderedPack, exists: boolean): Promise<string | undefined> {
  if (pack.destination !== undefined) {
    await ensureNamed(run, 'destinations', DESTINATION_NAME, pack.destination);
    return DESTINATION_NAME;
  }
  if (exists) {
    run.record({ verb: 'keep', kind: 'destination', name: DESTINATION_NAME, note: 'no webhook URL given; the existing one is used' });
    return DESTINATION_NAME;
  }
  return undefined;
}

async function ensureDashboard(run: Run, pack: RenderedPack, folderId: string): Promise<string | undefined> {
  const { api, dryRun, stream } = run.options;
  const matches = (await api.listDashboards({ title: pack.dashboardTitle })).filter((d) => d.title === pack.dashboardTitle && isOurs(d.description, stream));
  const [current, ...others] = matches;
  if (others.length > 0) run.warnings.push(`${matches.length} dashboards titled "${pack.dashboardTitle}" carry the pack's marker; only ${current?.id} is updated.`);
  if (current === undefined) {
    const created = dryRun ? undefined : await api.createDashboard(folderId, pack.dashboard);
    run.record({ verb: 'create', kind: 'dashboard', name: pack.dashboardTitle });
    return created?.id;
  }
  let stored = await api.readDashboard(current.id);
  if (stored.version === 5 && sameContent(pack.dashboard, stored.body)) {
    run.record({ verb: 'unchanged', kind: 'dashboard', name: pack.dashboardTitle });
    return current.id;
  }
  if (!dryRun) {
    // A 409 means the dashboard was saved between our read and our write: read its new hash, try once more.
    if ((await api.updateDashboard(current.id, current.folderId, stored.hash || current.hash, pack.dashboard)) === 'stale') {
      stored = await api.readDashboard(current.id);
      if ((await api.updateDashboard(current.id, current.folderId, stored.hash, pack.dashboard)) === 'stale') {
        throw new PackHttpError(`Dashboard "${pack.dashboardTitle}" kept changing while it was being updated (409 Conflict); run the install again.`, 409);
      }
    }
  }
  run.record({ verb: 'update', kind: 'dashboard', name: pack.dashboardTitle });
  return current.id;
}

async function ensureAlerts(run: Run, pack: RenderedPack, folderId: string): Promise<void> {
  const { api, dryRun, stream } = run.options;
  const existing = (await api.listAlerts(stream, ALERT_NAME_PREFIX)).filter((a) => isOurs(a.description, stream));
  for (const alert of pack.alerts) {
    const match = existing.find((a) => a.name === alert.name);
    if (match === undefined) {
      if (!dryRun) await api.createAlert(folderId, alert.body);
      run.record({ verb: 'create', kind: 'alert', name: alert.name });
      continue;
    }
    if (sameContent(alert.body, await api.readAlert(match.id))) {
      run.record({ verb: 'unchanged', kind: 'alert', name: alert.name });
      continue;
    }
    if (!dryRun) await api.updateAlert(match.id, alert.body);
    run.record({ verb: 'update', kind: 'alert', name: alert.name });
  }
}

/** Installs (or, with `dryRun`, plans) the pack. Throws a PackError subclass on anything it cannot do. */
export async function installPack(options: InstallOptions): Promise<PackReport> {
  const run = new Run(options);
  const { api } = options;
  const serverVersion = await checkServerVersion(api, run.warnings);
  await api.checkAccess();
  const destinationExists = options.webhookUrl === undefined && (await api.readNamed('destinations', DESTINATION_NAME)) !== undefined;
  const hasDestination = options.webhookUrl !== undefined || destinationExists;
  const pack = renderPack(options.content ?? PACK_CONTENT, {
    stream: options.stream,
    thresholds: options.thresholds,
    enableAlerts: options.enableAlerts,
    ...(options.webhookUrl !== undefined ? { webhookUrl: options.webhookUrl } : {}),
  });
  const stream = await ensureStream(run, pack);
  await dryRunQueries(run, [...pack.dashboardQueries, ...(hasDestination ? pack.alerts.map((a) => a.query) : [])], stream);

  const dashboardFolder = await ensureFolder(run, 'dashboards');
  const alertFolder = hasDestination ? await ensureFolder(run, 'alerts') : '';
  await ensureNamed(run, 'templates', TEMPLATE_NAME, pack.template);
  const destination = await ensureDestination(run, pack, destinationExists);
  const dashboardId = await ensureDashboard(run, pack, dashboardFolder);
  if (destination === undefined) {
    for (const alert of pack.alerts) run.record({ verb: 'skip', kind: 'alert', name: alert.name, note: 'no destination' });
    run.warnings.push('The alerts were not installed because they need a destination; give a webhook URL to create one.');
  } else {
    await ensureAlerts(run, pack, alertFolder);
  }
  return { actions: run.actions, warnings: run.warnings, serverVersion, ...(dashboardId ? { dashboardId } : {}) };
}
