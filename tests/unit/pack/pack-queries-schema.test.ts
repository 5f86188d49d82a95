/**
 * Every query of the pack against schema v1: a column renamed or retyped in functions/transform/schema.ts,
 * or a category/outcome value removed, fails here instead of in a user's dashboard.
 */
import { CATEGORIES, OUTCOMES, SCHEMA_V1, type FieldSpec } from '../../../functions/transform/schema';
import { PACK_CONTENT, type AxisItem, type PanelQuery } from '../../../functions/shared/pack/content';
import { readSqlReferences } from '../../../functions/shared/pack/sql-references';
import { conditionLeaves, parseConditionTree } from '../../../functions/shared/pack/conditions';
import { IDENTITY_POOL_OPERATIONS, USER_POOL_OPERATIONS } from '../../../functions/transform/api-categories';

/** Every operation the transform knows: an event name a condition compares with must be one. */
const KNOWN_OPERATIONS = [...Object.values(USER_POOL_OPERATIONS), ...Object.values(IDENTITY_POOL_OPERATIONS)].flat() as string[];

type Schema = Readonly<Record<string, FieldSpec>>;
interface Vocabulary {
  readonly categories: readonly string[];
  readonly outcomes: readonly string[];
}
const V1: Vocabulary = { categories: CATEGORIES, outcomes: OUTCOMES };

/** The dashboard's variables and the field each filters (`field IN ($variable)`): pool, account, region. */
const DASHBOARD_VARIABLES: Readonly<Record<string, string>> = { user_pool: 'user_pool_id', aws_account_id: 'aws_account_id', aws_region: 'aws_region' };

/** Problems of one pack query against a schema: unknown columns, incompatible literals and functions. */
function schemaProblems(sql: string, schema: Schema, vocabulary: Vocabulary = V1): string[] {
  const result = readSqlReferences(sql);
  if (!result.ok) return [`unreadable SQL: ${result.reason}`];
  const { refs } = result;
  const problems: string[] = [];
  const typeOf = (column: string): string | undefined => (Object.hasOwn(schema, column) ? schema[column]?.type : undefined);
  if (refs.tables.length !== 1 || refs.tables[0] !== '{{stream}}') problems.push(`reads ${JSON.stringify(refs.tables)}, not the templated stream`);
  for (const column of refs.columns) if (typeOf(column) === undefined) problems.push(`column ${column} is not in the schema`);
  for (const alias of refs.aliases) if (typeOf(alias) !== undefined) problems.push(`alias ${alias} hides the schema field of that name`);
  for (const { column, operator, literals } of refs.comparisons) {
    const type = typeOf(column);
    for (const literal of literals) {
      if (literal.kind === 'string' && type !== 'string' && type !== 'json') problems.push(`${column} (${type}) ${operator} a string`);
      if (literal.kind === 'number' && type !== 'integer') problems.push(`${column} (${type}) ${operator} a number`);
      if (literal.kind === 'string' && column === 'category' && !vocabulary.categories.includes(literal.value)) problems.push(`category '${literal.value}' is not a category`);
      if (literal.kind === 'string' && column === 'outcome' && !vocabulary.outcomes.includes(literal.value)) problems.push(`outcome '${literal.value}' is not an outcome`);
      if (literal.kind === 'variable' && !(DASHBOARD_VARIABLES[literal.name] === column && operator === 'IN')) problems.push(`variable $${literal.name} on ${column}`);
      if (literal.kind === 'placeholder') problems.push(`placeholder {{${literal.name}}} compared with ${column}`);
    }
  }
  for (const { fn, column } of refs.functionArgs) {
    const type = typeOf(column);
    if (fn === 'histogram' && type !== 'integer') problems.push(`histogram(${column}) needs the integer µs timestamp`);
    if ((fn === 'sum' || fn === 'avg') && type !== 'integer') problems.push(`${fn}(${column}) needs an integer column`);
  }
  return problems;
}

const panels = PACK_CONTENT.dashboard.tabs.flatMap((tab) => tab.panels);
/** Every axis of a panel query, a map's name and value included. */
const axesOf = (q: PanelQuery): AxisItem[] => [...q.fields.x, ...q.fields.y, ...q.fields.breakdown, ...[q.fields.name, q.fields.value_for_maps].filter((a) => a !== undefined)];
const panelQueries = panels.flatMap((panel) => panel.queries.map((q) => [panel.title, q.query] as const));
const sqlAlerts = PACK_CONTENT.alerts.filter((a) => a.query_condition.type === 'sql');
const alertQueries = sqlAlerts.map((a) => [a.name, a.query_condition.sql ?? ''] as const);

describe('pack queries against schema v1', () => {
  test.each(panelQueries)('panel "%s" uses only schema v1 fields with their v1 types and values', (_title, sql) => {
    expect(schemaProblems(sql, SCHEMA_V1)).toEqual([]);
  });

  test.each(alertQueries)('alert %s uses only schema v1 fields with their v1 types and values', (_name, sql) => {
    expect(schemaProblems(sql, SCHEMA_V1)).toEqual([]);
  });

  test('real-time alert conditions name schema v1 fields and valid values', () => {
    const realTime = PACK_CONTENT.alerts.filter((a) => a.is_real_time);
    expect(realTime.length).toBeGreaterThan(0);
    for (const alert of realTime) {
      for (const c of conditionLeaves(parseConditionTree(alert.query_condition.conditions, alert.name))) {
        expect(Object.hasOwn(SCHEMA_V1, c.column)).toBe(true);
        if (c.column === 'category') expect(CATEGORIES).toContain(c.value);
        if (c.column === 'outcome') expect(OUTCOMES).toContain(c.value);
        if (c.column === 'event_name') expect(KNOWN_OPERATIONS).toContain(c.value);
      }
    }
  });

  test('the user-pool variable reads user_pool_id, a low-cardinality string field', () => {
    const variable = PACK_CONTENT.dashboard.variables.list.find((v) => v.name === 'user_pool');

    expect(variable?.query_data.field).toBe('user_pool_id');
    expect(variable?.query_data.stream).toBe('{{stream}}');
    expect(SCHEMA_V1.user_pool_id.type).toBe('string');
  });

  test('the account and region variables read aws_account_id and aws_region, so one dashboard splits an organization', () => {
    // Act
    const variables = PACK_CONTENT.dashboard.variables.list.map((v) => [v.name, v.query_data.field, v.query_data.stream]);

    // Assess
    expect(variables).toEqual(Object.entries(DASHBOARD_VARIABLES).map(([name, field]) => [name, field, '{{stream}}']));
    expect([SCHEMA_V1.aws_account_id.type, SCHEMA_V1.aws_region.type]).toEqual(['string', 'string']);
  });

  test('every panel filters on every dashboard variable', () => {
    for (const [title, sql] of panelQueries) {
      const missing = Object.entries(DASHBOARD_VARIABLES).filter(([name, field]) => !sql.includes(`${field} IN ($${name})`)).map(([name]) => name);
      expect({ title, missing }).toEqual({ title, missing: [] });
    }
  });

  test('a variable on another field is reported', () => {
    expect(schemaProblems('SELECT COUNT(*) AS n FROM "{{stream}}" WHERE aws_region IN ($aws_account_id)', SCHEMA_V1)).toEqual(['variable $aws_account_id on aws_region']);
  });

  test("every axis alias of a panel (a map's name and value too) is a column or alias its SQL selects", () => {
    for (const panel of panels) {
      for (const q of panel.queries) {
        const result = readSqlReferences(q.query);
        if (!result.ok) throw new Error(result.reason);
        const selected = new Set([...result.refs.aliases, ...result.refs.columns]);
        for (const item of axesOf(q)) {
          expect({ panel: panel.title, alias: item.alias, selected: selected.has(item.alias), column: item.column }).toEqual({
            panel: panel.title,
            alias: item.alias,
            selected: true,
            column: item.alias,
          });
        }
      }
    }
  });

  test('every alert row template names a value its query returns', () => {
    for (const alert of PACK_CONTENT.alerts) {
      const names = new Set<string>(Object.keys(SCHEMA_V1));
      if (alert.query_condition.sql !== undefined) {
        const result = readSqlReferences(alert.query_condition.sql);
        if (!result.ok) throw new Error(result.reason);
        names.clear();
        for (const n of [...result.refs.aliases, ...result.refs.columns]) names.add(n);
      }
      const used = [...String(alert.row_template).matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1] ?? '');
      for (const name of used) expect({ alert: alert.name, name, known: names.has(name) }).toEqual({ alert: alert.name, name, known: true });
    }
  });

  describe('the check itself', () => {
    test('fails when a field the pack reads is renamed in the schema', () => {
      const { source_ip: renamed, ...rest } = SCHEMA_V1;
      const schema: Schema = { ...rest, client_ip: renamed };

      const problems = panelQueries.flatMap(([, sql]) => schemaProblems(sql, schema));

      expect(problems).toContain('column source_ip is not in the schema');
    });

    test('fails when a field the pack compares with text changes type', () => {
      const schema: Schema = { ...SCHEMA_V1, outcome: { type: 'integer' } };

      const problems = alertQueries.flatMap(([, sql]) => schemaProblems(sql, schema));

      expect(problems).toContain("outcome (integer) = a string");
    });

    test('fails when a category the pack filters on leaves the vocabulary', () => {
      const vocabulary = { categories: CATEGORIES.filter((c) => c !== 'pool_admin'), outcomes: OUTCOMES };

      const problems = panelQueries.flatMap(([, sql]) => schemaProblems(sql, SCHEMA_V1, vocabulary));

      expect(problems).toContain("category 'pool_admin' is not a category");
    });

    test('fails on a histogram over a string field', () => {
      expect(schemaProblems(`SELECT histogram(event_time) AS t FROM "{{stream}}"`, SCHEMA_V1)).toEqual(['histogram(event_time) needs the integer µs timestamp']);
    });
  });
});
