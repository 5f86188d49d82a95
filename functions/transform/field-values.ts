/**
 * Reading values out of CloudTrail JSON that owes us nothing: any field may be missing, null, the
 * Cognito placeholder, a string where an object was, or a number where a string was (docs/reference/design.md#placeholders).
 * Each reader returns a value of the schema type, or `undefined` (the field is then absent).
 */
import { HIDDEN_DUE_TO_SECURITY_REASONS, HIDDEN_FOR_SECURITY_REASONS } from './constants';

/** A parsed JSON object. Read known keys only; never copy it key by key (`__proto__`). */
export type JsonObject = { readonly [key: string]: unknown };

/** The value if it is a JSON object (not null, not an array). */
export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined; // JSON.parse output: objects are plain
}

/** True for a string that is one of the placeholders Cognito writes in place of private values. */
export function isHiddenText(value: string): boolean {
  // Length first: most strings are told apart without comparing (or hashing) their characters.
  const length = value.length;
  return (
    (length === HIDDEN_DUE_TO_SECURITY_REASONS.length && value === HIDDEN_DUE_TO_SECURITY_REASONS) ||
    (length === HIDDEN_FOR_SECURITY_REASONS.length && value === HIDDEN_FOR_SECURITY_REASONS)
  );
}

/** True for the placeholders Cognito writes in place of private values. */
export function isHidden(value: unknown): boolean {
  return typeof value === 'string' && isHiddenText(value);
}

/** A non-empty, non-hidden string; a finite number becomes its decimal text so the column stays a string. */
export function textValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 && !isHiddenText(value) ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The first element of an array of strings (hosted-UI parameters), or the value itself. */
export function firstTextValue(value: unknown): string | undefined {
  return Array.isArray(value) ? textValue(value[0]) : textValue(value);
}

/** An HTTP status: a number or numeric text, `200.0` → 200; anything outside 100–599 is no status. */
export function httpStatusValue(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!(number >= 100 && number < 600)) return undefined;
  return Math.trunc(number);
}

/** A boolean, or the text `true` / `false` in any case (Cognito's logs write booleans as text). */
export function booleanValue(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' || value.length < 4 || value.length > 5) return undefined;
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return undefined;
}

/** True when an object or array holds at least one entry. */
export function hasEntries(value: object): boolean {
  if (Array.isArray(value)) return value.length > 0;
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}
