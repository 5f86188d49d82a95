import { readSqlReferences, type SqlReferences } from '../../../functions/shared/pack/sql-references';

function refs(sql: string): SqlReferences {
  const result = readSqlReferences(sql);
  if (!result.ok) throw new Error(`unreadable: ${result.reason}`);
  return result.refs;
}

describe('readSqlReferences', () => {
  test('lists the columns a query reads and not its aliases, functions or keywords', () => {
    // Act
    const r = refs(`SELECT source_ip, COUNT(DISTINCT user_sub) AS users, MAX(event_time) AS last FROM "s" WHERE outcome = 'failure' GROUP BY source_ip ORDER BY users DESC LIMIT 5`);

    // Assess
    expect(r.columns).toEqual(['source_ip', 'user_sub', 'event_time', 'outcome']);
    expect(r.aliases).toEqual(['users', 'last']);
    expect(r.functions).toEqual(['count', 'max']);
    expect(r.tables).toEqual(['s']);
  });

  test('reads string and number literals compared with a column, including IN lists', () => {
    const r = refs(`SELECT COUNT(*) AS n FROM "s" WHERE category IN ('sign_in', 'mfa') AND http_status >= 400 AND outcome NOT IN ('unknown')`);

    expect(r.comparisons).toEqual([
      { column: 'category', operator: 'IN', literals: [{ kind: 'string', value: 'sign_in' }, { kind: 'string', value: 'mfa' }] },
      { column: 'http_status', operator: '>=', literals: [{ kind: 'number', value: 400 }] },
      { column: 'outcome', operator: 'NOT IN', literals: [{ kind: 'string', value: 'unknown' }] },
    ]);
  });

  test('records a column passed straight to a function, through DISTINCT', () => {
    const r = refs(`SELECT histogram(_timestamp, '1 hour') AS h, COUNT(DISTINCT source_ip) AS ips FROM "s" GROUP BY h`);

    expect(r.functionArgs).toEqual([
      { fn: 'histogram', column: '_timestamp' },
      { fn: 'count', column: 'source_ip' },
    ]);
  });

  test('reads columns inside CASE expressions and keeps string literals out of the column list', () => {
    const r = refs(`SELECT CASE WHEN error_code IS NOT NULL THEN error_code ELSE 'user_sub' END AS reason FROM "s"`);

    expect(r.columns).toEqual(['error_code']);
  });

  test('knows dashboard variables and pack placeholders, in both spellings', () => {
    const r = refs(`SELECT COUNT(*) AS n FROM "{{stream}}" WHERE user_pool_id IN ($user_pool) AND aws_region = \${region} HAVING COUNT(*) >= {{min_users}}`);

    expect(r.variables).toEqual(['user_pool', 'region']);
    expect(r.placeholders).toEqual(['stream', 'min_users']);
    expect(r.tables).toEqual(['{{stream}}']);
    expect(r.comparisons[0]).toEqual({ column: 'user_pool_id', operator: 'IN', literals: [{ kind: 'variable', name: 'user_pool' }] });
  });

  test("reads a doubled quote inside a string literal as one quote", () => {
    const r = refs(`SELECT event_name FROM "s" WHERE event_name = 'it''s'`);

    expect(r.comparisons[0]?.literals).toEqual([{ kind: 'string', value: "it's" }]);
  });

  test('reads the type of a CAST as a type, not as an alias', () => {
    const r = refs(`SELECT 'HTTP ' || CAST(http_status AS VARCHAR) AS reason FROM "s"`);

    expect(r.columns).toEqual(['http_status']);
    expect(r.aliases).toEqual(['reason']);
  });

  test('treats a quoted name outside FROM as a column', () => {
    expect(refs(`SELECT "user_sub" FROM "s"`).columns).toEqual(['user_sub']);
  });

  test.each([
    ["an unterminated string", `SELECT a FROM "s" WHERE b = 'x`],
    ['an unterminated quoted name', `SELECT a FROM "s`],
    ['a character outside the subset', 'SELECT a FROM s WHERE b = `x`'],
  ])('answers ok: false for %s', (_name, sql) => {
    const result = readSqlReferences(sql);

    expect(result.ok).toBe(false);
  });
});
