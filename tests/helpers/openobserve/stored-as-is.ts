/**
 * The property every `Ok` line of the transform must have: OpenObserve stores it exactly as sent, as one
 * schema-v1 row (docs/reference/design.md#the-normalised-record).
 */
import { CATEGORIES, OUTCOMES, SCHEMA_V1, type FieldType } from '../../../functions/transform/schema';
import { normaliseKey } from './flatten';
import { jsonKind, parseFirehoseRecord } from './record';
import { JsonFloat, parseSerdeJson, type SerdeValue } from './serde-json';

const SCHEMA: Readonly<Record<string, { readonly type: FieldType }>> = SCHEMA_V1;
const ENUMS: Readonly<Record<string, readonly string[]>> = { category: CATEGORIES, outcome: OUTCOMES };

/**
 * Why a normalised line would not be stored exactly as sent, or `undefined` when it would. The line must be
 * one schema-v1 object: `{\t"_timestamp":…` first, one trailing `\n`, keys already in stored form, no
 * null/empty values, nothing to flatten, `_timestamp` in µs inside the window, each value of its
 * schema type (`json` fields are strings holding JSON text).
 */
export function storedAsIsProblem(line: string, nowMs: number): string | undefined {
  if (!line.startsWith('{\t')) return 'line does not start with "{\\t"';
  if (!line.endsWith('\n') || line.indexOf('\n') !== line.length - 1) return 'line must end with exactly one "\\n" and hold no other';
  const parsed = parseSerdeJson(line);
  if (!parsed.ok) return `line is not one JSON value: ${parsed.reason}`;
  const object = parsed.value;
  if (!(object instanceof Map)) return 'line is not a JSON object';
  // serde_json keeps the last of two equal keys silently; a normalised record must never carry one.
  if (parsed.duplicateKeys.length > 0) return `key ${parsed.duplicateKeys[0]} appears twice`;
  const keys = [...object.keys()];
  if (keys[0] !== '_timestamp') return 'the first key is not _timestamp';
  for (const [key, value] of object) {
    const problem = fieldProblem(key, value);
    if (problem !== undefined) return problem;
  }
  const verdict = parseFirehoseRecord(Buffer.from(line, 'utf8'), { nowMs });
  if (verdict.kind !== 'stored') return `OpenObserve would not store it (${verdict.kind}: ${verdict.reason})`;
  const [row] = verdict.rows;
  if (verdict.rows.length !== 1 || row === undefined) return 'the line is not stored as exactly one row';
  if (Object.keys(row).length !== object.size) return 'the stored row has other columns than the line';
  for (const [key, value] of object) {
    const stored = row[key];
    const sent = value instanceof JsonFloat ? value.value : value;
    if (stored !== sent) return `field ${key} would be stored as ${JSON.stringify(stored)}, not ${JSON.stringify(sent)}`;
  }
  return undefined;
}

/** Throws, naming the first problem, unless {@link storedAsIsProblem} finds none. */
export function assertStoredAsIs(line: string, nowMs: number): void {
  const problem = storedAsIsProblem(line, nowMs);
  if (problem !== undefined) throw new Error(`${problem}: ${JSON.stringify(line.slice(0, 200))}`);
}

/**
 * The lines of one `Ok` record's data: one per event (a record that held several events gives several),
 * each with its trailing `\n`. Empty data has none.
 */
export function recordLines(data: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let end = data.indexOf('\n'); end !== -1; end = data.indexOf('\n', start)) {
    lines.push(data.slice(start, end + 1));
    start = end + 1;
  }
  if (start < data.length) lines.push(data.slice(start));
  return lines;
}

/**
 * Throws unless every line of one `Ok` record's data is stored as sent ({@link storedAsIsProblem}), and the
 * whole record, as OpenObserve reads it, is exactly those rows.
 */
export function assertRecordStoredAsIs(data: string, nowMs: number): void {
  const lines = recordLines(data);
  if (lines.length === 0) throw new Error('an Ok record holds no line');
  for (const line of lines) assertStoredAsIs(line, nowMs);
  const verdict = parseFirehoseRecord(Buffer.from(data, 'utf8'), { nowMs });
  if (verdict.kind !== 'stored' || verdict.rows.length !== lines.length) {
    throw new Error(`the record of ${lines.length} lines is not stored as ${lines.length} rows (${verdict.kind})`);
  }
}

function fieldProblem(key: string, value: SerdeValue): string | undefined {
  const spec = SCHEMA[key];
  if (spec === undefined || !Object.hasOwn(SCHEMA, key)) return `field ${key} is not in schema v1`;
  if (normaliseKey(key) !== key) return `field ${key} would be renamed to ${normaliseKey(key)}`;
  if (value === null || value === '') return `field ${key} is null or empty (leave it out instead)`;
  if (value instanceof Map || Array.isArray(value)) return `field ${key} holds an ${Array.isArray(value) ? 'array' : 'object'}`;
  const type = spec.type;
  const ok =
    (type === 'integer' && typeof value === 'number') ||
    (type === 'boolean' && typeof value === 'boolean') ||
    ((type === 'string' || type === 'json') && typeof value === 'string');
  if (!ok) return `field ${key} is a JSON ${jsonKind(value)}${value instanceof JsonFloat ? ' (float)' : ''}, schema type ${type}`;
  if (type === 'json' && typeof value === 'string' && !parseSerdeJson(value).ok) return `field ${key} is not JSON text`;
  const allowed = ENUMS[key];
  if (allowed !== undefined && !allowed.includes(String(value))) return `field ${key} is ${JSON.stringify(value)}, not one of ${allowed.join(', ')}`;
  if (key === 'restamped' && value !== true) return 'field restamped is present but not true';
  return undefined;
}
