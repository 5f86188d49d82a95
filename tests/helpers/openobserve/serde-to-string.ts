import { JsonFloat, type SerdeValue } from './serde-json';

/**
 * Serialises a value as serde_json's `Value::to_string` does (OpenObserve's default build keeps object keys
 * sorted, `BTreeMap`): compact, sorted keys, floats with a fractional part (`2.0`).
 */
export function serdeToString(value: SerdeValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof JsonFloat) return floatToString(value.value);
  if (Array.isArray(value)) return `[${value.map(serdeToString).join(',')}]`;
  const keys = [...value.keys()].sort(compareCodePoints);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${serdeToString(value.get(k) ?? null)}`).join(',')}}`;
}

function floatToString(value: number): string {
  const text = String(value).replace('e+', 'e');
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function compareCodePoints(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i += 1) {
    const d = (ca[i]?.codePointAt(0) ?? 0) - (cb[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}
