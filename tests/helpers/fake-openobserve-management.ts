/**
 * A loopback OpenObserve that implements the management routes the security pack uses, written from
 * docs/reference/openobserve-management-api.md (not from the installer): Basic auth with passwords and service-account
 * tokens (the ingestion passcode gets 401), 403 for an account without a role, 404 "Organization not found",
 * streams, folders, alert templates and destinations, v5 dashboards with the hash check (missing → 500,
 * stale → 409), v2 alerts with their create preconditions and real-time conditions stored as the server
 * stores them, and `_search` that fails on unknown columns
 * (code 20004). State is in memory and inspectable; every request is logged (the Authorization header masked).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAccount {
  readonly username: string;
  /** A password or a service-account token: both are accepted on management routes. */
  readonly secret: string;
  /** `none`: valid credentials without any role (Enterprise RBAC) → 403. */
  readonly role?: 'admin' | 'none';
}

export interface FakeOptions {
  readonly version?: string;
  readonly orgs?: readonly string[];
  readonly accounts?: readonly FakeAccount[];
  /** Ingestion passcodes: valid on `/aws/…/_kinesis_firehose` only, 401 here (docs/reference/openobserve-management-api.md#authentication-and-status-codes). */
  readonly passcodes?: readonly string[];
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly authorized: boolean;
}

type Json = Record<string, unknown>;
interface StoredDashboard {
  org: string;
  folderId: string;
  version: number;
  body: Json;
  hash: string;
  updatedAt: number;
}
interface StoredAlert {
  org: string;
  folderId: string;
  body: Json;
}

const NAME_FORBIDDEN = /[\s:#?'"%&/]/;
const SQL_WORDS = new Set(
  'select from where and or not in is null as group by order desc asc limit having case when then else end distinct cast varchar bigint true false like'.split(' '),
);

class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}
const reply = (status: number, body: unknown, headers?: Record<string, string>): Reply => new Reply(status, body, headers);
const message = (status: number, text: string): Reply => reply(status, { code: status, message: text });
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The columns a query names that are not in `fields`: words that are not SQL, functions, aliases or literals. */
function unknownColumns(sql: string, fields: ReadonlySet<string>): string[] {
  const stripped = sql.replace(/'(?:[^']|'')*'/g, ' ').replace(/"[^"]*"/g, ' ');
  const aliases = new Set([...stripped.matchAll(/\bas\s+([a-z_][a-z0-9_]*)/gi)].map((m) => (m[1] ?? '').toLowerCase()));
  const unknown: string[] = [];
  for (const m of stripped.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\b(\s*\()?/g)) {
    const word = m[1] ?? '';
    if (m[2] || SQL_WORDS.has(word.toLowerCase()) || aliases.has(word.toLowerCase()) || fields.has(word)) continue;
    if (!unknown.includes(word)) unknown.push(word);
  }
  return unknown;
}

/**
 * The end conditions of an alert's condition list (`ConditionList` in `src/config/src/meta/alerts/mod.rs`):
 * a bare list (legacy, ANDed) or a tree of `and`/`or`/`not` nodes; 0 for anything else.
 */
function conditionCount(list: unknown): number {
  if (Array.isArray(list)) return list.length;
  if (!isObject(list)) return 0;
  if (Array.isArray(list.and)) return list.and.reduce((n: number, c) => n + conditionCount(c), 0);
  if (Array.isArray(list.or)) return list.or.reduce((n: number, c) => n + conditionCount(c), 0);
  if ('not' in list) return conditionCount(list.not);
  return typeof list.column === 'string' ? 1 : 0;
}

/**
 * A condition list as the server stores and returns it: a bare list becomes `{"and": [...]}`
 * (`serialize_legacy_conditions`) and every condition carries `ignore_case` (serde default false).
 */
function storedConditions(list: unknown): unknown {
  if (Array.isArray(list)) return { and: list.map(storedConditions) };
  if (!isObject(list)) return list;
  if (Array.isArray(list.and)) return { and: list.and.map(storedConditions) };
  if (Array.isArray(list.or)) return { or: list.or.map(storedConditions) };
  if ('not' in list) return { not: storedConditions(list.not) };
  return { column: list.column, operator: list.operator, value: list.value, ignore_case: list.ignore_case === true };
}

/** An alert body as stored: `enabled` defaults to false, real-time conditions in their stored form. */
function storedAlert(body: Json): Json {
  const condition = isObject(body.query_condition) ? body.query_condition : undefined;
  const conditions = condition !== undefined && condition.type === 'custom' ? { query_condition: { ...condition, conditions: storedConditions(condition.conditions) } } : {};
  return { ...body, ...conditions, enabled: body.enabled === true };
}

function v5Problem(body: Json): string | undefined {
  const version = body.version;
  if (typeof version !== 'number' || version < 1 || version > 8) return `unsupported version: ${String(version)}`;
  if (version !== 5) return undefined;
  if (typeof body.description !== 'string') return 'missing field `description`';
  if (!Array.isArray(body.tabs)) return 'missing field `tabs`';
  for (const tab of body.tabs) {
    if (!isObject(tab) || typeof tab.tabId !== 'string' || !Array.isArray(tab.panels)) return 'invalid tab';
    for (const panel of tab.panels) {
      if (!isObject(panel) || typeof panel.id !== 'string' || typeof panel.type !== 'string') return 'invalid panel';
      if (!isObject(panel.config) || typeof panel.config.show_legends !== 'boolean') return 'missing field `show_legends`';
      const mapType = panel.config.map_type;
      if (mapType !== undefined && mapType !== null && (!isObject(mapType) || (mapType.type !== undefined && typeof mapType.type !== 'string'))) return 'invalid type: map_type';
      if (!isObject(panel.layout) || ['x', 'y', 'w', 'h', 'i'].some((k) => typeof (panel.layout as Json)[k] !== 'number')) return 'missing field `layout`';
      if (!Array.isArray(panel.queries)) return 'missing field `queries`';
      for (const q of panel.queries) {
        if (!isObject(q) || typeof q.query !== 'string' || !isObject(q.fields) || !isObject(q.config)) return 'invalid query';
        if (typeof q.config.promql_legend !== 'string') return 'missing field `promql_legend`';
        if (!isObject(q.fields.filter)) return 'data did not match any variant of untagged enum PanelFilter';
        for (const role of ['x', 'y', 'z', 'breakdown']) {
          const items = q.fields[role];
          if (!Array.isArray(items)) return `missing field \`${role}\``;
          for (const item of items) if (!isObject(item) || typeof item.label !== 'string' || typeof item.column !== 'string') return 'missing field `label`';
        }
        // `PanelFields`' optional single axes (`Option<AxisItem>`): absent or null, else a whole axis item.
        for (const role of ['name', 'value_for_maps']) {
          const item = q.fields[role];
          if (item !== undefined && item !== null && (!isObject(item) || typeof item.label !== 'string' || typeof item.alias !== 'string' || typeof item.column !== 'string')) return 'missing field `label`';
        }
      }
    }
  }
  return undefined;
}

export class FakeOpenObserveManagement {
  readonly requests: LoggedRequest[] = [];
  readonly streams = new Map<string, Map<string, string>>();
  readonly folders = new Map<string, { folderId: string; name: string; description: string }>();
  readonly templates = new Map<string, Json>();
  readonly destinations = new Map<string, Json>();
  readonly dashboards = new Map<string, StoredDashboard>();
  readonly alerts = new Map<string, StoredAlert>();
  /** True: requests are logged and never answered (a hung server). */
  stalled = false;
  /** Runs before each request is handled (tests use it to simulate a concurrent edit). */
  beforeRequest?: (method: string, path: string) => void;
  version: string;
  private readonly orgs: Set<string>;
  private readonly accounts: readonly FakeAccount[];
  private readonly passcodes: readonly string[];
  private server?: http.Server;
  private nextId = 1;

  constructor(options: FakeOptions = {}) {
    this.version = options.version ?? 'v0.92.2';
    this.orgs = new Set(options.orgs ?? ['default']);
    this.accounts = options.accounts ?? [{ username: 'admin@example.com', secret: 'Complexpass#123', role: 'admin' }];
    this.passcodes = options.passcodes ?? [];
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('the fake is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Writes: every logged request but GETs and `_search`. */
  writes(): LoggedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/_search'));
  }

  /** Adds a stream as ingestion would: `_timestamp` plus `fields` (name → Arrow type). */
  addStream(org: string, name: string, fields: Readonly<Record<string, string>>): void {
    this.streams.set(`${org}/${name}`, new Map([['_timestamp', 'Int64'], ...Object.entries(fields)]));
  }

  /** An edit made in the UI: changes the body, and so the hash. */
  editDashboard(id: string, edit: (body: Json) => void): void {
    const stored = this.dashboards.get(id);
    if (!stored) throw new Error(`no dashboard ${id}`);
    edit(stored.body);
    stored.hash = this.hashOf(stored.body);
  }

  private id(prefix: string): string {
    return `${prefix}${String(this.nextId++).padStart(6, '0')}`;
  }

  private hashOf(body: Json): string {
    return String(BigInt(`0x${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 15)}`));
  }

  private folderKey(org: string, type: string, id: string): string {
    return `${org}/${type}/${id}`;
  }

  private ensureDefaultFolders(org: string): void {
    for (const type of ['dashboards', 'alerts']) {
      const key = this.folderKey(org, type, 'default');
      if (!this.folders.has(key)) this.folders.set(key, { folderId: 'default', name: 'default', description: '' });
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    const method = req.method ?? 'GET';
    let body: unknown;
    let result: Reply;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      body = raw;
    }
    const authorized = typeof req.headers.authorization === 'string';
    this.requests.push({ method, path: url.pathname, query, body, authorized });
    this.beforeRequest?.(method, url.pathname);
    if (this.stalled) return;
    if (raw !== '' && typeof body === 'string') result = message(400, 'malformed JSON');
    else if (raw !== '' && !String(req.headers['content-type'] ?? '').startsWith('application/json')) result = message(415, 'expected application/json');
    else result = this.route(method, url.pathname, query, body, req.headers.authorization);
    const payload = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
    res.writeHead(result.status, { 'Content-Type': typeof result.body === 'string' ? 'text/plain' : 'application/json', ...result.headers });
    res.end(payload);
  }

  private authenticate(header: string | undefined): Reply | undefined {
    const unauthorized = reply(401, 'Unauthorized Access', { 'WWW-Authenticate': 'Bearer realm="openobserve"' });
    const match = /^Basic (.+)$/.exec(header ?? '');
    if (!match?.[1]) return unauthorized;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const [user, secret] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    const account = this.accounts.find((a) => a.username === user && a.secret === secret);
    // The passcode is compared as a password on management routes, and fails
    // (docs/reference/openobserve-management-api.md#authentication-and-status-codes).
    if (!account || this.passcodes.includes(secret)) return unauthorized;
    if (account.role === 'none') return reply(403, 'Unauthorized Access');
    return undefined;
  }

  private route(method: string, path: string, query: Record<string, string>, body: unknown, auth: string | undefined): Reply {
    if (method === 'GET' && path === '/config') {
      return reply(200, { version: this.version, service_account_enabled: true, rbac_enabled: false, sql_reserved_keywords: [] });
    }
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'api') return reply(404, 'Not Found');
    const denied = this.authenticate(auth);
    if (denied) return denied;
    const v2 = parts[1] === 'v2';
    const org = parts[v2 ? 2 : 1] ?? '';
    if (!this.orgs.has(org)) return message(404, 'Organization not found');
    this.ensureDefaultFolders(org);
    const rest = parts.slice(v2 ? 3 : 2);
    const b = isObject(body) ? body : {};
    if (v2 && rest[0] === 'folders') return this.folderRoute(method, org, rest, b);
    if (v2 && rest[0] === 'alerts') return this.alertRoute(method, org, rest, query, b);
    if (!v2 && rest[0] === 'streams') return this.streamRoute(method, org, rest, query, b);
    if (!v2 && rest[0] === 'alerts' && (rest[1] === 'templates' || rest[1] === 'destinations')) return this.namedRoute(method, org, rest[1], rest[2], b);
    if (!v2 && rest[0] === 'dashboards') return this.dashboardRoute(method, org, rest, query, b);
    if (!v2 && rest[0] === '_search' && method === 'POST') return this.search(org, b);
    return reply(404, 'Not Found');
  }

  private streamRoute(method: string, org: string, rest: string[], query: Record<string, string>, body: Json): Reply {
    const name = rest[1] ?? '';
    const key = `${org}/${name}`;
    if (query.type !== 'logs') return message(400, 'stream type must be given');
    if (method === 'GET' && rest[2] === 'schema') {
      const fields = this.streams.get(key);
      if (!fields) return message(404, 'stream not found');
      return reply(200, { name, storage_type: 'disk', stream_type: 'logs', stats: {}, schema: [...fields].map(([n, type]) => ({ name: n, type })), settings: {} });
    }
    if (method === 'POST' && rest.length === 2) {
      if (this.streams.has(key)) return message(400, 'stream already exists');
      if (!Array.isArray(body.fields)) return message(422, 'missing field `fields`');
      const fields = new Map<string, string>([['_timestamp', 'Int64']]);
      for (const f of body.fields) if (isObject(f) && typeof f.name === 'string' && typeof f.type === 'string') fields.set(f.name, f.type);
      this.streams.set(key, fields);
      return message(200, 'stream created');
    }
    return reply(404, 'Not Found');
  }

  private folderRoute(method: string, org: string, rest: string[], body: Json): Reply {
    const type = rest[1] ?? '';
    if (!['dashboards', 'alerts', 'reports'].includes(type)) return message(400, 'invalid folder type');
    if (method === 'GET' && rest[2] === 'name') {
      const found = [...this.folders].find(([k, f]) => k.startsWith(`${org}/${type}/`) && f.name === rest[3]);
      return found ? reply(200, found[1]) : message(404, 'Folder not found');
    }
    if (method === 'POST' && rest.length === 2) {
      if (typeof body.name !== 'string' || body.name.trim() === '') return message(400, 'Folder name cannot be empty');
      const folder = { folderId: this.id('fld'), name: body.name, description: String(body.description ?? '') };
      this.folders.set(this.folderKey(org, type, folder.folderId), folder);
      return reply(200, folder);
    }
    return reply(404, 'Not Found');
  }

  private namedRoute(method: string, org: string, kind: 'templates' | 'destinations', name: string | undefined, body: Json): Reply {
    const store = kind === 'templates' ? this.templates : this.destinations;
    const key = (n: string): string => `${org}/${n}`;
    const problem = (): string | undefined => {
      if (typeof body.name !== 'string' || body.name === '' || NAME_FORBIDDEN.test(body.name)) return 'invalid name';
      if (kind === 'templates' && typeof body.body !== 'string') return 'template body missing';
      if (kind === 'destinations') {
        if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) return 'destination url missing';
        // ≤ v0.50: a destination without a template is a pipeline destination
        // (docs/reference/openobserve-management-api.md#templates-and-destinations).
        if (typeof body.template !== 'string' || !this.templates.has(key(body.template))) return `Template ${String(body.template)} not found`;
      }
      return undefined;
    };
    if (name === undefined) {
      if (method === 'GET') return reply(200, [...store].filter(([k]) => k.startsWith(`${org}/`)).map(([, v]) => v));
      if (method !== 'POST') return reply(404, 'Not Found');
      const bad = problem();
      if (bad) return message(bad.endsWith('not found') ? 404 : 400, bad);
      if (store.has(key(String(body.name)))) return message(400, `${kind === 'templates' ? 'Template' : 'Destination'} with this name already exists`);
      store.set(key(String(body.name)), { ...body });
      return message(200, 'saved');
    }
    const stored = store.get(key(name));
    if (!stored) return message(404, `${kind === 'templates' ? 'Template' : 'Destination'} not found`);
    if (method === 'GET') return reply(200, stored);
    if (method === 'PUT') {
      const bad = problem();
      if (bad) return message(bad.endsWith('not found') ? 404 : 400, bad);
      store.set(key(name), { ...body, name });
      return message(200, 'updated');
    }
    if (method === 'DELETE') {
      const inUse =
        kind === 'templates'
          ? [...this.destinations].some(([k, d]) => k.startsWith(`${org}/`) && d.template === name)
          : [...this.alerts.values()].some((a) => a.org === org && Array.isArray(a.body.destinations) && a.body.destinations.includes(name));
      if (inUse) return message(409, `${kind === 'templates' ? 'Template' : 'Destination'} is currently used`);
      store.delete(key(name));
      return message(200, 'deleted');
    }
    return reply(404, 'Not Found');
  }

  private dashboardRoute(method: string, org: string, rest: string[], query: Record<string, string>, body: Json): Reply {
    const id = rest[1];
    const wrapper = (d: StoredDashboard, dashboardId: string): Json => ({
      v1: null, v2: null, v3: null, v4: null, v5: null, v6: null, v7: null, v8: null,
      [`v${d.version}`]: { ...d.body, dashboardId },
      version: d.version,
      hash: d.hash,
      updatedAt: d.updatedAt,
    });
    const validate = (): Reply | undefined => {
      if (typeof body.title !== 'string' || body.title.trim() === '') return message(500, 'Dashboard should have title');
      const problem = v5Problem(body);
      return problem ? message(422, problem) : undefined;
    };
    const folderExists = (folderId: string): boolean => this.folders.has(this.folderKey(org, 'dashboards', folderId));
    if (id === undefined && method === 'POST') {
      const folderId = query.folder ?? 'default';
      if (!folderExists(folderId)) return message(404, 'Folder not found');
      const bad = validate();
      if (bad) return bad;
      const newId = this.id('7');
      const { dashboardId: _ignored, ...content } = body;
      const stored: StoredDashboard = { org, folderId, version: Math.min(Number(body.version), 5), body: { ...content, owner: 'admin@example.com' }, hash: '', updatedAt: Date.now() };
      stored.hash = this.hashOf(stored.body);
      this.dashboards.set(newId, stored);
      return reply(200, wrapper(stored, newId));
    }
    if (id === undefined && method === 'GET') {
      const title = query.title?.toLowerCase();
      const folder = query.folder ?? (title === undefined ? 'default' : undefined);
      const items = [...this.dashboards]
        .filter(([, d]) => d.org === org && (folder === undefined || d.folderId === folder))
        .filter(([, d]) => title === undefined || String(d.body.title).toLowerCase().includes(title))
        .map(([dashId, d]) => ({
          dashboard_id: dashId,
          folder_id: d.folderId,
          folder_name: this.folders.get(this.folderKey(org, 'dashboards', d.folderId))?.name,
          title: d.body.title,
          description: d.body.description,
          owner: d.body.owner,
          version: d.version,
          hash: d.hash,
          updatedAt: d.updatedAt,
        }));
      return reply(200, { dashboards: items });
    }
    const stored = id === undefined ? undefined : this.dashboards.get(id);
    if (!stored || stored.org !== org || id === undefined) return message(404, 'Dashboard not found');
    if (method === 'GET') return reply(200, wrapper(stored, id));
    if (method === 'DELETE') {
      this.dashboards.delete(id);
      return message(200, 'Dashboard deleted');
    }
    if (method === 'PUT') {
      if (query.folder !== stored.folderId) return message(404, 'Folder not found');
      if (query.hash === undefined || !/^[0-9]+$/.test(query.hash)) return message(500, 'Request to update existing dashboard with missing or invalid hash value. BUG');
      if (query.hash !== stored.hash) return message(409, 'Conflict: Failed to save due to concurrent changes. Please refresh the page and try again.');
      const bad = validate();
      if (bad) return bad;
      const { dashboardId: _ignored, ...content } = body;
      stored.body = { ...content, owner: stored.body.owner };
      stored.version = Math.min(Number(body.version), 5);
      stored.hash = this.hashOf(stored.body);
      stored.updatedAt = Date.now();
      return reply(200, wrapper(stored, id));
    }
    return reply(404, 'Not Found');
  }

  private alertProblem(org: string, body: Json): Reply | undefined {
    if (typeof body.name !== 'string' || body.name === '' || NAME_FORBIDDEN.test(body.name)) return message(400, 'Alert name cannot contain these characters');
    if (!Array.isArray(body.destinations) || body.destinations.length === 0) return message(400, 'Alert destination missing');
    for (const d of body.destinations) if (!this.destinations.has(`${org}/${String(d)}`)) return message(404, `Alert destination ${String(d)} not found`);
    const fields = this.streams.get(`${org}/${String(body.stream_name)}`);
    if (body.stream_type !== 'logs' || !fields || fields.size === 0) return message(404, `Stream ${String(body.stream_name)} not found`);
    const condition = isObject(body.query_condition) ? body.query_condition : {};
    if (body.is_real_time === true) {
      if (condition.type !== 'custom' || conditionCount(condition.conditions) === 0) return message(400, 'Realtime alert should have custom query');
    } else if (condition.type === 'sql') {
      if (typeof condition.sql !== 'string' || condition.sql.trim() === '') return message(400, 'Alert with SQL mode should have a query');
      if (/select[ ]+\*/i.test(condition.sql)) return message(400, 'Alert query should not be SELECT *');
    }
    if (!isObject(body.trigger_condition)) return message(422, 'missing field `trigger_condition`');
    return undefined;
  }

  private alertRoute(method: string, org: string, rest: string[], query: Record<string, string>, body: Json): Reply {
    const id = rest[1];
    if (id === undefined && method === 'POST') {
      const folderId = query.folder ?? 'default';
      if (!this.folders.has(this.folderKey(org, 'alerts', folderId))) return message(404, 'Folder not found');
      const bad = this.alertProblem(org, body);
      if (bad) return bad;
      const newId = this.id('2Zalert');
      this.alerts.set(newId, { org, folderId, body: storedAlert(body) });
      return reply(200, { code: 200, message: 'Alert saved', id: newId, name: body.name });
    }
    if (id === undefined && method === 'GET') {
      const substring = query.alert_name_substring?.toLowerCase();
      const list = [...this.alerts]
        .filter(([, a]) => a.org === org)
        .filter(([, a]) => query.stream_type === undefined || (a.body.stream_type === query.stream_type && (query.stream_name === undefined || a.body.stream_name === query.stream_name)))
        .filter(([, a]) => substring === undefined || String(a.body.name).toLowerCase().includes(substring))
        .filter(([, a]) => query.folder === undefined || a.folderId === query.folder)
        .map(([alertId, a]) => ({
          alert_id: alertId,
          folder_id: a.folderId,
          name: a.body.name,
          description: a.body.description,
          condition: a.body.query_condition,
          trigger_condition: a.body.trigger_condition,
          enabled: a.body.enabled,
          is_real_time: a.body.is_real_time,
        }));
      return reply(200, { list });
    }
    const stored = id === undefined ? undefined : this.alerts.get(id);
    if (!stored || stored.org !== org || id === undefined) return message(404, 'Alert not found');
    if (method === 'GET') return reply(200, { ...stored.body, id, folder_id: stored.folderId });
    if (method === 'DELETE') {
      this.alerts.delete(id);
      return message(200, 'Alert deleted');
    }
    if (method === 'PUT') {
      const bad = this.alertProblem(org, body);
      if (bad) return bad;
      stored.body = storedAlert(body);
      return message(200, 'Alert Updated');
    }
    return reply(404, 'Not Found');
  }

  private search(org: string, body: Json): Reply {
    const q = isObject(body.query) ? body.query : {};
    if (typeof q.sql !== 'string' || typeof q.start_time !== 'number' || typeof q.end_time !== 'number') return message(400, 'invalid search request');
    const stream = /from\s+"([^"]+)"/i.exec(q.sql)?.[1];
    const fields = stream === undefined ? undefined : this.streams.get(`${org}/${stream}`);
    if (!fields) return message(404, `Stream not found: ${String(stream)}`);
    const unknown = unknownColumns(q.sql, new Set(fields.keys()));
    if (unknown.length > 0) return reply(400, { code: 20004, message: `Search field not found: ${unknown[0]}` });
    return reply(200, { took: 1, hits: [], total: 0, from: 0, size: 0 });
  }
}

/** Starts a fake on 127.0.0.1, port 0; stop it in afterAll. */
export function startFakeOpenObserve(options?: FakeOptions): Promise<FakeOpenObserveManagement> {
  return new FakeOpenObserveManagement(options).start();
}
