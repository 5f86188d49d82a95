/**
 * The OpenObserve management routes the installer uses (docs/reference/openobserve-management-api.md), each
 * answer parsed once into a typed value. Status mapping
 * (docs/reference/openobserve-management-api.md#authentication-and-status-codes): 401 wrong credentials or
 * the ingestion passcode, 403 missing role, 404 "Organization not found".
 */
import { ACCESS_KEY_LOCATION } from '../access-key-location';
import type { JsonObject } from './content';
import { PackForbiddenError, PackHttpError, PackOrganizationNotFoundError, PackUnauthorizedError } from './errors';
import type { ManagementClient, ManagementResponse } from './management-client';

export type FolderType = 'dashboards' | 'alerts';

export interface DashboardListItem {
  readonly id: string;
  readonly folderId: string;
  readonly title: string;
  readonly description: string;
  readonly hash: string;
}

export interface StoredDashboard {
  readonly version: number;
  /** The body at `v{version}`. */
  readonly body: unknown;
  readonly hash: string;
}

export interface AlertListItem {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export type DeleteResult = 'deleted' | 'missing' | 'in-use';

const enc = encodeURIComponent;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (record: Record<string, unknown>, key: string): string => {
  const value = record[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
};

/** OpenObserve's 404 body when the organization, not the object asked for, does not exist (docs/reference/openobserve-management-api.md#authentication-and-status-codes). */
const ORGANIZATION_NOT_FOUND = /organization not found/i;

export const UNAUTHORIZED_MESSAGE = `OpenObserve refused the credentials (401 Unauthorized): management calls need a user password or a service-account token; the Firehose access key (${ACCESS_KEY_LOCATION}) and its passcode only work for ingestion.`;

/** Maps an unexpected answer to the error the user can act on. */
export function failure(response: ManagementResponse, what: string, org = 'the organization'): Error {
  if (response.status === 401) return new PackUnauthorizedError(UNAUTHORIZED_MESSAGE);
  if (response.status >= 300 && response.status < 400) {
    return new PackHttpError(`OpenObserve redirected the request to ${what} (HTTP ${response.status}); give the base URL it redirects to, usually with https.`, response.status);
  }
  if (response.status === 403) {
    return new PackForbiddenError(
      `OpenObserve refused to ${what} (403 Forbidden); give the account a role with dashboards, folders, alerts, templates, destinations, streams and search permissions.`,
    );
  }
  if (response.status === 404 && ORGANIZATION_NOT_FOUND.test(response.message)) {
    return new PackOrganizationNotFoundError(`Organization '${org}' does not exist in OpenObserve (404); check the organization id, which is case-sensitive.`);
  }
  const detail = response.message === '' ? '' : `: ${response.message}`;
  return new PackHttpError(`OpenObserve answered HTTP ${response.status} when asked to ${what}${detail}.`, response.status);
}

const ok = (status: number): boolean => status >= 200 && status < 300;

/** 404 for the object itself; a 404 for the organization is a failure. */
const missing = (response: ManagementResponse): boolean => response.status === 404 && !ORGANIZATION_NOT_FOUND.test(response.message);

export class ManagementApi {
  constructor(
    private readonly client: ManagementClient,
    readonly org: string,
  ) {}

  get origin(): string {
    return this.client.origin;
  }

  private async call(what: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, extra: { query?: Record<string, string | undefined>; body?: unknown } = {}) {
    const response = await this.client.send({ method, path, ...extra });
    // `what` may hold a server-given id: scrubbed like the server's own text.
    return { response, fail: () => failure(response, this.client.scrub(what), this.org) };
  }

  /** `GET /config` (no auth): the server version, e.g. `v0.92.2`. */
  async serverVersion(): Promise<string> {
    const response = await this.client.send({ method: 'GET', path: '/config', anonymous: true });
    if (!ok(response.status) || !isRecord(response.json)) throw failure(response, 'report its version (GET /config)');
    return this.client.scrub(text(response.json, 'version'));
  }

  /** A cheap authenticated read that tells wrong credentials, missing role and missing org apart (docs/reference/openobserve-management-api.md#authentication-and-status-codes). */
  async checkAccess(): Promise<void> {
    const { response, fail } = await this.call('list dashboards', 'GET', `/api/${enc(this.org)}/dashboards`, { query: { title: '__o2c_access_probe__' } });
    if (!ok(response.status)) throw fail();
  }

  /** The stream's fields and their Arrow types, or undefined when the stream does not exist. */
  async streamSchema(stream: string): Promise<ReadonlyMap<string, string> | undefined> {
    const { response, fail } = await this.call(`read the schema of stream ${stream}`, 'GET', `/api/${enc(this.org)}/streams/${enc(stream)}/schema`, { query: { type: 'logs' } });
    if (missing(response)) return undefined;
    if (!ok(response.status) || !isRecord(response.json)) throw fail();
    const fields = new Map<string, string>();
    const schema = response.json.schema;
    if (Array.isArray(schema)) for (const f of schema) if (isRecord(f)) fields.set(text(f, 'name'), text(f, 'type'));
    return fields;
  }

  async createStream(stream: string, fields: readonly { name: string; type: string }[]): Promise<void> {
    const { response, fail } = await this.call(`create stream ${stream}`, 'POST', `/api/${enc(this.org)}/streams/${enc(stream)}`, {
      query: { type: 'logs' },
      body: { fields, settings: {} },
    });
    if (!ok(response.status)) throw fail();
  }

  async folderId(type: FolderType, name: string): Promise<string | undefined> {
    const { response, fail } = await this.call(`read the ${type} folder "${name}"`, 'GET', `/api/v2/${enc(this.org)}/folders/${type}/name/${enc(name)}`);
    if (missing(response)) return undefined;
    if (!ok(response.status) || !isRecord(response.json)) throw fail();
    return text(response.json, 'folderId') || undefined;
  }

  async createFolder(type: FolderType, name: string, description: string): Promise<string> {
    const { response, fail } = await this.call(`create the ${type} folder "${name}"`, 'POST', `/api/v2/${enc(this.org)}/folders/${type}`, { body: { name, description } });
    if (!ok(response.status) || !isRecord(response.json) || text(response.json, 'folderId') === '') throw fail();
    return text(response.json, 'folderId');
  }

  /** An alert template or destination by name, or undefined when there is none. */
  async readNamed(kind: 'templates' | 'destinations', name: string): Promise<unknown> {
    const { response, fail } = await this.call(`read alert ${kind} ${name}`, 'GET', `/api/${enc(this.org)}/alerts/${kind}/${enc(name)}`);
    if (missing(response)) return undefined;
    if (!ok(response.status)) throw fail();
    return response.json;
  }

  async writeNamed(kind: 'templates' | 'destinations', name: string, body: JsonObject, exists: boolean): Promise<void> {
    const path = exists ? `/api/${enc(this.org)}/alerts/${kind}/${enc(name)}` : `/api/${enc(this.org)}/alerts/${kind}`;
    const { response, fail } = await this.call(`${exists ? 'update' : 'create'} alert ${kind} ${name}`, exists ? 'PUT' : 'POST', path, { body });
    if (!ok(response.status)) throw fail();
  }

  /** 409 means other objects still use it (a destination using the template, alerts using the destination). */
  async deleteNamed(kind: 'templates' | 'destinations', name: string): Promise<DeleteResult> {
    const { response, fail } = await this.call(`delete alert ${kind} ${name}`, 'DELETE', `/api/${enc(this.org)}/alerts/${kind}/${enc(name)}`);
    if (response.status === 409) return 'in-use';
    if (missing(response)) return 'missing';
    if (!ok(response.status)) throw fail();
    return 'deleted';
  }

  /** Dashboards whose title contains `title` (case-insensitive, all folders), or those of one folder. */
  async listDashboards(filter: { title?: string; folder?: string }): Promise<DashboardListItem[]> {
    const { response, fail } = await this.call('list dashboards', 'GET', `/api/${enc(this.org)}/dashboards`, { query: filter });
    if (!ok(response.status) || !isRecord(response.json) || !Array.isArray(response.json.dashboards)) throw fail();
    return response.json.dashboards.filter(isRecord).map((d) => ({
      id: text(d, 'dashboard_id'),
      folderId: text(d, 'folder_id'),
      title: text(d, 'title'),
      description: text(d, 'description'),
      hash: text(d, 'hash'),
    }));
  }

  async readDashboard(id: string): Promise<StoredDashboard> {
    const { response, fail } = await this.call(`read dashboard ${id}`, 'GET', `/api/${enc(this.org)}/dashboards/${enc(id)}`);
    if (!ok(response.status) || !isRecord(response.json)) throw fail();
    const version = Number(response.json.version);
    return { version, body: response.json[`v${version}`], hash: text(response.json, 'hash') };
  }

  async createDashboard(folderId: string, body: JsonObject): Promise<{ id: string; hash: string }> {
    const { response, fail } = await this.call('create the dashboard', 'POST', `/api/${enc(this.org)}/dashboards`, { query: { folder: folderId }, body });
    if (!ok(response.status) || !isRecord(response.json)) throw fail();
    const stored = response.json[`v${Number(response.json.version)}`];
    return { id: isRecord(stored) ? text(stored, 'dashboardId') : '', hash: text(response.json, 'hash') };
  }

  /** `stale` on 409: someone saved the dashboard since `hash` was read (docs/reference/openobserve-management-api.md#idempotent-dashboard-update). */
  async updateDashboard(id: string, folderId: string, hash: string, body: JsonObject): Promise<'updated' | 'stale'> {
    const { response, fail } = await this.call(`update dashboard ${id}`, 'PUT', `/api/${enc(this.org)}/dashboards/${enc(id)}`, { query: { folder: folderId, hash }, body });
    if (response.status === 409) return 'stale';
    if (!ok(response.status)) throw fail();
    return 'updated';
  }

  async deleteDashboard(id: string): Promise<DeleteResult> {
    const { response, fail } = await this.call(`delete dashboard ${id}`, 'DELETE', `/api/${enc(this.org)}/dashboards/${enc(id)}`);
    if (missing(response)) return 'missing';
    if (!ok(response.status)) throw fail();
    return 'deleted';
  }

  /** v2 list (docs/reference/openobserve-management-api.md#alerts): the stream filter needs `stream_type` too. */
  async listAlerts(stream: string, nameSubstring: string): Promise<AlertListItem[]> {
    const { response, fail } = await this.call('list alerts', 'GET', `/api/v2/${enc(this.org)}/alerts`, {
      query: { stream_type: 'logs', stream_name: stream, alert_name_substring: nameSubstring },
    });
    if (!ok(response.status) || !isRecord(response.json) || !Array.isArray(response.json.list)) throw fail();
    return response.json.list.filter(isRecord).map((a) => ({ id: text(a, 'alert_id'), name: text(a, 'name'), description: text(a, 'description') }));
  }

  async readAlert(id: string): Promise<unknown> {
    const { response, fail } = await this.call(`read alert ${id}`, 'GET', `/api/v2/${enc(this.org)}/alerts/${enc(id)}`);
    if (!ok(response.status)) throw fail();
    return response.json;
  }

  async createAlert(folderId: string, body: JsonObject): Promise<string> {
    const { response, fail } = await this.call(`create alert ${String(body.name)}`, 'POST', `/api/v2/${enc(this.org)}/alerts`, { query: { folder: folderId }, body });
    if (!ok(response.status)) throw fail();
    return isRecord(response.json) ? text(response.json, 'id') : '';
  }

  async updateAlert(id: string, body: JsonObject): Promise<void> {
    const { response, fail } = await this.call(`update alert ${String(body.name)}`, 'PUT', `/api/v2/${enc(this.org)}/alerts/${enc(id)}`, { body });
    if (!ok(response.status)) throw fail();
  }

  async deleteAlert(id: string): Promise<DeleteResult> {
    const { response, fail } = await this.call(`delete alert ${id}`, 'DELETE', `/api/v2/${enc(this.org)}/alerts/${enc(id)}`);
    if (missing(response)) return 'missing';
    if (!ok(response.status)) throw fail();
    return 'deleted';
  }

  /** Runs `sql` over [start, end] µs, one hit at most (docs/reference/openobserve-management-api.md#search-dry-run): undefined when accepted, else the server's reason. */
  async trySearch(sql: string, startMicros: number, endMicros: number): Promise<string | undefined> {
    const { response, fail } = await this.call('run a search', 'POST', `/api/${enc(this.org)}/_search`, {
      query: { type: 'logs' },
      body: { query: { sql, start_time: startMicros, end_time: endMicros, from: 0, size: 1 } },
    });
    if (ok(response.status)) return undefined;
    if ([401, 403].includes(response.status) || ORGANIZATION_NOT_FOUND.test(response.message)) throw fail();
    return response.message || `HTTP ${response.status}`;
  }
}
