/**
 * Whether what OpenObserve stores already equals what the pack would send. Servers add keys of their own
 * (`dashboardId`, `owner`, `created`, ids, timestamps) and write empty values as null or leave them out,
 * so the comparison reads only the keys the pack sends and treats null, absent, `[]` and `{}` alike.
 */

const isEmpty = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);

/** True when every key of `wanted` has an equal value in `stored` (recursively; arrays element by element). */
export function sameContent(wanted: unknown, stored: unknown): boolean {
  if (isEmpty(wanted)) return isEmpty(stored);
  if (Array.isArray(wanted)) {
    return Array.isArray(stored) && stored.length === wanted.length && wanted.every((item, i) => sameContent(item, stored[i]));
  }
  if (typeof wanted === 'object' && wanted !== null) {
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return false;
    const record = stored as Record<string, unknown>; // an object, checked on the line above
    return Object.entries(wanted).every(([key, value]) => sameContent(value, Object.hasOwn(record, key) ? record[key] : undefined));
  }
  return Object.is(wanted, stored);
}
