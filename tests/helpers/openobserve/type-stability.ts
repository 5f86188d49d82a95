/**
 * OpenObserve's column types across the rows of one stream, held stricter than the server
 * (docs/reference/openobserve-firehose-ingestion.md#column-types): the first type seen fixes a column, and a
 * later row of another type is a conflict, because the server would widen the column or cast the value and
 * either changes what is stored; more than `ZO_COLS_PER_RECORD_LIMIT` columns in one request lose the whole
 * write (#column-limit).
 */
import type { ColumnType, Row, RowTypes } from './record';

/** `ZO_COLS_PER_RECORD_LIMIT` default, checked on the union of columns of one stream in one request. */
export const COLS_PER_RECORD_LIMIT = 1000;

export interface TypeConflict {
  readonly row: number;
  readonly column: string;
  readonly expected: ColumnType;
  readonly actual: ColumnType;
}

export interface TypeStability {
  /** Column types as fixed by the first row that carried each column. */
  readonly columns: ReadonlyMap<string, ColumnType>;
  /** Rows whose value changes a column's type (widened or cast by the server), each for its first such column. */
  readonly conflicts: readonly TypeConflict[];
  /** True when the union of columns exceeds `ZO_COLS_PER_RECORD_LIMIT` (the whole write is lost). */
  readonly overColumnLimit: boolean;
}

/**
 * Runs rows of one stream through the column-type rule above: the first type seen fixes a column; a later
 * row of another type is a conflict. An `int` column accepts only integers (a float column accepts both). Without `types`, a JS number is `int`
 * when it is an integer.
 */
export function checkTypeStability(rows: readonly Row[], types?: readonly RowTypes[]): TypeStability {
  const columns = new Map<string, ColumnType>();
  const conflicts: TypeConflict[] = [];
  rows.forEach((row, index) => {
    const rowTypes = types?.[index];
    const seen: [string, ColumnType][] = Object.keys(row).map((k) => [k, rowTypes?.[k] ?? inferType(row[k])]);
    const conflict = seen.find(([k, t]) => {
      const fixed = columns.get(k);
      return fixed !== undefined && fixed !== t && !(fixed === 'float' && t === 'int');
    });
    if (conflict) {
      const [column, actual] = conflict;
      conflicts.push({ row: index, column, expected: columns.get(column) ?? actual, actual });
      return;
    }
    for (const [k, t] of seen) if (!columns.has(k)) columns.set(k, t);
  });
  return { columns, conflicts, overColumnLimit: columns.size > COLS_PER_RECORD_LIMIT };
}

function inferType(v: unknown): ColumnType {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'bool';
  return 'string';
}
