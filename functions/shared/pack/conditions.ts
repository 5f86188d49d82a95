/**
 * The condition tree of a real-time alert, as OpenObserve reads it (`ConditionList` in
 * `src/config/src/meta/alerts/mod.rs`, the same from v0.15.0 to v0.92.2): `{"and": […]}`, `{"or": […]}`,
 * `{"not": …}` or one condition `{column, operator, value, ignore_case}`. The server also accepts a bare
 * array (all ANDed), but it stores and returns every tree in this form, so the pack writes this form: what it
 * reads back is then what it sent, and a second install reports the alert unchanged
 * (docs/reference/openobserve-management-api.md#real-time-alert-conditions).
 *
 * {@link conditionsToSql} writes the tree as the SQL `WHERE` the server builds from it (`build_expr`,
 * `src/core/src/alerts/mod.rs`), typed by schema v1, for the installer's dry run; with `perRecord` it keeps
 * the meaning of the server's per-record evaluation, which the detection tests run.
 */
import { SCHEMA_V1, type FieldType } from '../../transform/schema';

/** The operators OpenObserve's `Operator` enum accepts, as written in JSON. */
export const CONDITION_OPERATORS = ['=', '!=', '>', '>=', '<', '<=', 'contains', 'not_contains'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface Condition {
  readonly column: string;
  readonly operator: ConditionOperator;
  /** Always text in the pack: the server compares text, and parses it for number and boolean columns. */
  readonly value: string;
  readonly ignore_case: boolean;
}

export type ConditionTree =
  | { readonly and: readonly ConditionTree[] }
  | { readonly or: readonly ConditionTree[] }
  | { readonly not: ConditionTree }
  | Condition;

/** A condition tree the pack cannot send: a broken pack, not bad user input. */
export class ConditionTreeError extends Error {
  override name = 'ConditionTreeError';
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldType(column: string): FieldType {
  if (!Object.hasOwn(SCHEMA_V1, column)) throw new ConditionTreeError(`The condition on ${column} names no schema v1 field.`);
  return SCHEMA_V1[column as keyof typeof SCHEMA_V1].type;
}

/**
 * Reads a condition tree from pack JSON. Throws ConditionTreeError on anything OpenObserve would refuse or
 * read otherwise: an unknown operator or column, a value that is not text, an empty `and`/`or`.
 */
export function parseConditionTree(value: unknown, where: string): ConditionTree {
  if (!isObject(value)) throw new ConditionTreeError(`${where}: a condition must be an object, not ${Array.isArray(value) ? 'a list' : typeof value}.`);
  for (const key of ['and', 'or'] as const) {
    if (key in value) {
      const children = value[key];
      if (!Array.isArray(children) || children.length === 0) throw new ConditionTreeError(`${where}: "${key}" must list at least one condition.`);
      const parsed = children.map((child, i) => parseConditionTree(child, `${where}.${key}[${i}]`));
      return key === 'and' ? { and: parsed } : { or: parsed };
    }
  }
  if ('not' in value) return { not: parseConditionTree(value.not, `${where}.not`) };
  const { column, operator, value: text, ignore_case: ignoreCase } = value;
  if (typeof column !== 'string') throw new ConditionTreeError(`${where}: a condition needs a column.`);
  fieldType(column);
  if (!CONDITION_OPERATORS.includes(operator as ConditionOperator)) throw new ConditionTreeError(`${where}: operator ${JSON.stringify(operator)} is not one of ${CONDITION_OPERATORS.join(', ')}.`);
  // The server pastes the value between quotes without escaping it (`build_expr`).
  if (typeof text !== 'string' || text.includes("'")) throw new ConditionTreeError(`${where}: the value of ${column} must be text without a quote.`);
  if (ignoreCase !== false) throw new ConditionTreeError(`${where}: set ignore_case to false; the pack compares exact values.`);
  return { column, operator: operator as ConditionOperator, value: text, ignore_case: false };
}

/** One condition as `build_expr` writes it for the column's type (`contains` is OpenObserve's `str_match`). */
function conditionSql(c: Condition): string {
  const type = fieldType(c.column);
  const column = `"${c.column}"`;
  if (type === 'string' || type === 'json') {
    if (c.operator === 'contains') return `str_match(${column}, '${c.value}')`;
    if (c.operator === 'not_contains') return `${column} NOT LIKE '%${c.value}%'`;
    return `${column} ${c.operator} '${c.value}'`;
  }
  if (c.operator === 'contains' || c.operator === 'not_contains') throw new ConditionTreeError(`${c.column} is ${type}; ${c.operator} applies to text only.`);
  if (type === 'boolean') {
    if (c.value !== 'true' && c.value !== 'false') throw new ConditionTreeError(`${c.column} is boolean; compare it with "true" or "false".`);
    if (c.operator !== '=' && c.operator !== '!=') throw new ConditionTreeError(`${c.column} is boolean; use = or !=.`);
    return `${column} ${c.operator} ${c.value}`;
  }
  if (!/^-?\d+$/.test(c.value)) throw new ConditionTreeError(`${c.column} is an integer; compare it with a whole number.`);
  return `${column} ${c.operator} ${c.value}`;
}

export interface ConditionSqlOptions {
  /**
   * As a real-time alert reads a record (`Condition::evaluate`): a condition on a column the record lacks is
   * false, so `not` of it is true. Plain SQL would make it NULL, and `NOT NULL` excludes the row.
   */
  readonly perRecord?: boolean;
}

/**
 * The tree as a SQL boolean expression, fully parenthesised, as the server writes it (`build_expr`); with
 * `perRecord`, as the server evaluates it record by record.
 * @example conditionsToSql({ and: [{ column: 'outcome', operator: '=', value: 'success', ignore_case: false }] }) // `("outcome" = 'success')`
 */
export function conditionsToSql(tree: ConditionTree, options: ConditionSqlOptions = {}): string {
  const sql = (node: ConditionTree): string => conditionsToSql(node, options);
  if ('and' in tree) return `(${tree.and.map(sql).join(' AND ')})`;
  if ('or' in tree) return `(${tree.or.map(sql).join(' OR ')})`;
  if ('not' in tree) return `(NOT ${sql(tree.not)})`;
  return options.perRecord === true ? `COALESCE(${conditionSql(tree)}, FALSE)` : conditionSql(tree);
}

/** Every condition of the tree, depth first. */
export function conditionLeaves(tree: ConditionTree): Condition[] {
  if ('and' in tree) return tree.and.flatMap(conditionLeaves);
  if ('or' in tree) return tree.or.flatMap(conditionLeaves);
  if ('not' in tree) return conditionLeaves(tree.not);
  return [tree];
}
