/**
 * Turns the pack files into the exact bodies sent to OpenObserve: the stream name, thresholds, destination
 * and `enabled` flag filled in, the managed-by marker appended to every description. Pure: same input,
 * same bytes (the golden files in tests/fixtures/pack-golden hold them).
 */
import { SCHEMA_V1, type FieldName } from '../../transform/schema';
import { ALL_VALUES_PLACEHOLDER, ARROW_TYPES, DASHBOARD_TITLE, DEFAULT_STREAM, DESTINATION_NAME, packMarker } from './constants';
import { ConditionTreeError, conditionsToSql, parseConditionTree } from './conditions';
import type { JsonObject, JsonValue, PackContent, Thresholds } from './content';
import { readSqlReferences } from './sql-references';

export interface RenderOptions {
  readonly stream: string;
  readonly thresholds: Thresholds;
  readonly enableAlerts: boolean;
  /** The destination the alerts post to (ours, or one that already exists). */
  readonly destinationName?: string;
  /** Given: our destination is rendered with it. */
  readonly webhookUrl?: string;
}

/** A query as `_search` runs it at install time, with the schema fields it reads. */
export interface RenderedQuery {
  /** `panel "Sign-in attempts"` or `alert cognito_password_spraying`, for messages. */
  readonly owner: string;
  readonly sql: string;
  readonly columns: readonly string[];
}

export interface RenderedAlert {
  readonly name: string;
  readonly body: JsonObject;
  readonly query: RenderedQuery;
}

export interface RenderedPack {
  readonly stream: string;
  readonly marker: string;
  /** Every schema v1 field but `_timestamp` (OpenObserve adds it), with its Arrow type. */
  readonly streamFields: readonly { readonly name: string; readonly type: string }[];
  readonly dashboardTitle: string;
  readonly dashboard: JsonObject;
  readonly dashboardQueries: readonly RenderedQuery[];
  readonly alerts: readonly RenderedAlert[];
  readonly template: JsonObject;
  readonly destination?: JsonObject;
}

/** A pack file that still holds a placeholder after rendering: a broken pack, not bad user input. */
export class PackRenderError extends Error {
  override name = 'PackRenderError';
}

type Values = Readonly<Record<string, string | number | boolean>>;
const PLACEHOLDER = /\{\{([a-z_][a-z0-9_]*)\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{([a-z_][a-z0-9_]*)\}\}$/;

function fill(value: JsonValue | undefined, values: Values, where: string): JsonValue | undefined {
  if (typeof value === 'string') {
    const whole = WHOLE_PLACEHOLDER.exec(value);
    const wholeValue = whole?.[1] !== undefined ? values[whole[1]] : undefined;
    if (wholeValue !== undefined) return wholeValue;
    const text = value.replace(PLACEHOLDER, (match, key: string) => (values[key] === undefined ? match : String(values[key])));
    if (text.includes('{{')) throw new PackRenderError(`${where} holds an unknown placeholder in ${JSON.stringify(value)}.`);
    return text;
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, values, where) ?? null);
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) out[key] = fill(item, values, where);
    return out;
  }
  return value;
}

function fillObject(value: JsonObject, values: Values, where: string): JsonObject {
  const out = fill(value, values, where);
  if (out === null || typeof out !== 'object' || Array.isArray(out)) throw new PackRenderError(`${where} is not an object.`);
  return out;
}

function fillText(text: string, values: Values, where: string): string {
  const out = fill(text, values, where);
  if (typeof out !== 'string') throw new PackRenderError(`${where} has a query that is not text.`);
  return out;
}

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

function query(owner: string, sql: string): RenderedQuery {
  // Dashboard variables become the "all values" placeholder, which the server turns into TRUE.
  const runnable = sql.replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/g, quote(ALL_VALUES_PLACEHOLDER));
  const refs = readSqlReferences(runnable);
  if (!refs.ok) throw new PackRenderError(`The SQL of ${owner} cannot be read: ${refs.reason}.`);
  return { owner, sql: runnable, columns: refs.refs.columns };
}

function alertQuery(name: string, body: JsonObject, stream: string): RenderedQuery {
  const condition = body.query_condition;
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) {
    throw new PackRenderError(`Alert ${name} has no query_condition.`);
  }
  if (typeof condition.sql === 'string' && condition.sql !== '') return query(`alert ${name}`, condition.sql);
  // A real-time alert has a condition tree instead of SQL; the WHERE the server builds from it checks its columns.
  let where: string;
  try {
    where = conditionsToSql(parseConditionTree(condition.conditions, `Alert ${name}`));
  } catch (error) {
    if (error instanceof ConditionTreeError) throw new PackRenderError(error.message);
    throw error;
  }
  return query(`alert ${name}`, `SELECT COUNT(*) AS matches FROM "${stream}" WHERE ${where}`);
}

/** Renders the whole pack for one stream. Throws PackRenderError only when the pack files are broken. */
export function renderPack(content: PackContent, options: RenderOptions): RenderedPack {
  const { stream } = options;
  const marker = packMarker(stream);
  const dashboardTitle = stream === DEFAULT_STREAM ? DASHBOARD_TITLE : `${DASHBOARD_TITLE} (${stream})`;
  const common: Values = {
    stream,
    enabled: options.enableAlerts,
    destination: options.destinationName ?? DESTINATION_NAME,
    ...(options.webhookUrl !== undefined ? { webhook_url: options.webhookUrl } : {}),
  };

  const dashboard = fillObject(content.dashboard, common, 'The dashboard');
  dashboard.title = dashboardTitle;
  dashboard.description = `${content.dashboard.description} ${marker}`;
  const dashboardQueries = content.dashboard.tabs.flatMap((tab) =>
    tab.panels.flatMap((panel) => panel.queries.map((q) => query(`panel "${panel.title}"`, fillText(q.query, common, panel.title)))),
  );

  const alerts = content.alerts.map((alert): RenderedAlert => {
    const values: Values = { ...common, ...content.thresholds[alert.name], ...options.thresholds[alert.name] };
    const body = fillObject(alert, values, `Alert ${alert.name}`);
    body.description = `${String(body.description)} ${marker}`;
    return { name: alert.name, body, query: alertQuery(alert.name, body, stream) };
  });

  const streamFields = (Object.keys(SCHEMA_V1) as FieldName[])
    .filter((name) => name !== '_timestamp')
    .map((name) => ({ name, type: ARROW_TYPES[SCHEMA_V1[name].type] }));

  return {
    stream,
    marker,
    streamFields,
    dashboardTitle,
    dashboard,
    dashboardQueries,
    alerts,
    template: fillObject(content.template, common, 'The alert template'),
    ...(options.webhookUrl !== undefined ? { destination: fillObject(content.destination, common, 'The destination') } : {}),
  };
}
