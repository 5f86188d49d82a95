/**
 * A small reader for the pack's own SQL (OpenObserve's PostgreSQL dialect,
 * docs/reference/openobserve-management-api.md#sql-dialect): it lists the columns, literals and functions a
 * query uses, so a test can hold every query against schema v1 and the installer can tell which queries use
 * fields an existing stream has not seen yet. It reads the subset the pack writes (SELECT … FROM "stream"
 * WHERE … GROUP BY … HAVING … ORDER BY … LIMIT), not all of SQL.
 */

export type SqlLiteral =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  /** `{{name}}`: a pack placeholder filled in at render time. */
  | { readonly kind: 'placeholder'; readonly name: string }
  /** `$name` / `${name}`: a dashboard variable. */
  | { readonly kind: 'variable'; readonly name: string };

export interface SqlComparison {
  readonly column: string;
  /** `=`, `!=`, `<>`, `<`, `<=`, `>`, `>=`, `IN`, `NOT IN`. */
  readonly operator: string;
  readonly literals: readonly SqlLiteral[];
}

export interface SqlReferences {
  /** Quoted names after FROM / JOIN. */
  readonly tables: readonly string[];
  /** Column names, each once, in order of first use; SELECT aliases are not columns. */
  readonly columns: readonly string[];
  readonly aliases: readonly string[];
  /** Function names, lowercased. */
  readonly functions: readonly string[];
  /** A column passed straight to a function: `histogram(_timestamp)`, `COUNT(DISTINCT source_ip)`. */
  readonly functionArgs: readonly { readonly fn: string; readonly column: string }[];
  /** `column op literal` and `column [NOT] IN (literal, …)`. */
  readonly comparisons: readonly SqlComparison[];
  readonly variables: readonly string[];
  readonly placeholders: readonly string[];
}

export type SqlReferencesResult = { readonly ok: true; readonly refs: SqlReferences } | { readonly ok: false; readonly reason: string };

type Token =
  | { kind: 'word'; value: string }
  | { kind: 'quoted'; value: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'placeholder'; value: string }
  | { kind: 'variable'; value: string }
  | { kind: 'op'; value: string };

const KEYWORDS: ReadonlySet<string> = new Set(
  ('SELECT FROM WHERE AND OR NOT IN IS NULL AS GROUP BY ORDER DESC ASC LIMIT OFFSET HAVING CASE WHEN THEN ELSE END ' +
    'DISTINCT CAST VARCHAR TEXT BIGINT INTEGER INT DOUBLE FLOAT BOOLEAN TRUE FALSE LIKE ILIKE BETWEEN WITH UNION ALL ' +
    'ON JOIN LEFT RIGHT INNER OUTER INTERVAL NULLS FIRST LAST').split(' '),
);
const TYPE_NAMES: ReadonlySet<string> = new Set('VARCHAR TEXT BIGINT INTEGER INT DOUBLE FLOAT BOOLEAN'.split(' '));
const COMPARISON_OPS: ReadonlySet<string> = new Set(['=', '!=', '<>', '<', '<=', '>', '>=']);
const TWO_CHAR_OPS: ReadonlySet<string> = new Set(['>=', '<=', '<>', '!=', '||']);
const ONE_CHAR_OPS = '=<>+-*/%(),.;';

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new SqlReadError(`${what} at offset ${i}`);
  };
  while (i < sql.length) {
    const c = sql[i] as string;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= sql.length) fail('unterminated string literal');
        if (sql[i] === "'" && sql[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (sql[i] === "'") {
          i += 1;
          break;
        } else {
          value += sql[i];
          i += 1;
        }
      }
      tokens.push({ kind: 'string', value });
    } else if (c === '"') {
      const end = sql.indexOf('"', i + 1);
      if (end < 0) fail('unterminated quoted identifier');
      tokens.push({ kind: 'quoted', value: sql.slice(i + 1, end) });
      i = end + 1;
    } else if (sql.startsWith('{{', i)) {
      const match = /^\{\{([a-z_][a-z0-9_]*)\}\}/.exec(sql.slice(i));
      if (!match) fail('malformed {{placeholder}}');
      tokens.push({ kind: 'placeholder', value: match?.[1] ?? '' });
      i += match?.[0].length ?? 0;
    } else if (c === '$') {
      const match = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(sql.slice(i));
      if (!match) fail('malformed $variable');
      tokens.push({ kind: 'variable', value: match?.[1] ?? match?.[2] ?? '' });
      i += match?.[0].length ?? 0;
    } else if (/[0-9]/.test(c)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(sql.slice(i));
      tokens.push({ kind: 'number', value: Number(match?.[0]) });
      i += match?.[0].length ?? 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i));
      tokens.push({ kind: 'word', value: match?.[0] ?? c });
      i += match?.[0].length ?? 1;
    } else if (TWO_CHAR_OPS.has(sql.slice(i, i + 2))) {
      tokens.push({ kind: 'op', value: sql.slice(i, i + 2) });
      i += 2;
    } else if (ONE_CHAR_OPS.includes(c)) {
      tokens.push({ kind: 'op', value: c });
      i += 1;
    } else {
      fail(`unexpected character '${c}'`);
    }
  }
  return tokens;
}

class SqlReadError extends Error {
  override name = 'SqlReadError';
}

const isKeyword = (t: Token | undefined, word: string): boolean => t?.kind === 'word' && t.value.toUpperCase() === word;
const isOp = (t: Token | undefined, op: string): boolean => t?.kind === 'op' && t.value === op;

function literalOf(t: Token | undefined): SqlLiteral | undefined {
  if (t === undefined) return undefined;
  if (t.kind === 'string') return { kind: 'string', value: t.value };
  if (t.kind === 'number') return { kind: 'number', value: t.value };
  if (t.kind === 'placeholder') return { kind: 'placeholder', name: t.value };
  if (t.kind === 'variable') return { kind: 'variable', name: t.value };
  return undefined;
}

/** Reads `sql` and lists what it references; an unreadable query is `{ ok: false, reason }`. */
export function readSqlReferences(sql: string): SqlReferencesResult {
  let tokens: Token[];
  try {
    tokens = tokenize(sql);
  } catch (error) {
    if (error instanceof SqlReadError) return { ok: false, reason: error.message };
    throw error;
  }
  const tables: string[] = [];
  const aliases = new Set<string>();
  const functions = new Set<string>();
  const variables = new Set<string>();
  const placeholders = new Set<string>();
  const candidates: { index: number; name: string }[] = [];

  tokens.forEach((t, index) => {
    const prev = tokens[index - 1];
    const next = tokens[index + 1];
    if (t.kind === 'variable') variables.add(t.value);
    if (t.kind === 'placeholder') placeholders.add(t.value);
    if (t.kind === 'quoted') {
      for (const m of t.value.matchAll(/\{\{([a-z_][a-z0-9_]*)\}\}/g)) placeholders.add(m[1] ?? '');
      if (isKeyword(prev, 'FROM') || isKeyword(prev, 'JOIN')) tables.push(t.value);
      else if (isKeyword(prev, 'AS')) aliases.add(t.value);
      else candidates.push({ index, name: t.value });
      return;
    }
    if (t.kind !== 'word') return;
    const upper = t.value.toUpperCase();
    // After AS comes an alias, whatever its spelling, except the type of a CAST.
    if (isKeyword(prev, 'AS') && !TYPE_NAMES.has(upper)) aliases.add(t.value);
    else if (KEYWORDS.has(upper)) return;
    else if (isOp(next, '(')) functions.add(t.value.toLowerCase());
    else candidates.push({ index, name: t.value });
  });

  const columnAt = new Map<number, string>();
  for (const c of candidates) if (!aliases.has(c.name)) columnAt.set(c.index, c.name);
  const columns = [...new Set(columnAt.values())];

  const comparisons: SqlComparison[] = [];
  const functionArgs: { fn: string; column: string }[] = [];
  for (const [index, column] of columnAt) {
    const next = tokens[index + 1];
    if (next?.kind === 'op' && COMPARISON_OPS.has(next.value)) {
      const literal = literalOf(tokens[index + 2]);
      if (literal) comparisons.push({ column, operator: next.value, literals: [literal] });
    }
    const negated = isKeyword(next, 'NOT') && isKeyword(tokens[index + 2], 'IN');
    if (isKeyword(next, 'IN') || negated) {
      let j = index + (negated ? 3 : 2);
      if (isOp(tokens[j], '(')) {
        const literals: SqlLiteral[] = [];
        for (j += 1; j < tokens.length && !isOp(tokens[j], ')'); j += 1) {
          const literal = literalOf(tokens[j]);
          if (literal) literals.push(literal);
        }
        comparisons.push({ column, operator: negated ? 'NOT IN' : 'IN', literals });
      }
    }
    let open = index - 1;
    if (isKeyword(tokens[open], 'DISTINCT')) open -= 1;
    const fnToken = tokens[open - 1];
    const closes = isOp(next, ')') || isOp(next, ',');
    if (isOp(tokens[open], '(') && fnToken?.kind === 'word' && functions.has(fnToken.value.toLowerCase()) && closes) {
      functionArgs.push({ fn: fnToken.value.toLowerCase(), column });
    }
  }
  return {
    ok: true,
    refs: {
      tables,
      columns,
      aliases: [...aliases],
      functions: [...functions],
      functionArgs,
      comparisons,
      variables: [...variables],
      placeholders: [...placeholders],
    },
  };
}
