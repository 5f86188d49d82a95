/**
 * `EXCLUDE_EVENT_NAMES`: a comma list of event names with `*` wildcards (`Admin*,ListUsers`), compiled once
 * at cold start into a set of exact names plus one regular expression, so no record builds a pattern.
 */

export interface EventNameFilter {
  /** The patterns as configured, trimmed, empty items removed. */
  readonly patterns: readonly string[];
  /** True when `eventName` matches one of the patterns (case-sensitive, `*` = any run of characters). */
  matches(eventName: string): boolean;
}

const REGEX_SPECIALS = /[.+?^${}()|[\]\\]/g;

const NOTHING: EventNameFilter = { patterns: [], matches: () => false };

/** Compiles `EXCLUDE_EVENT_NAMES`; an empty list matches nothing. */
export function compileEventNameFilter(list: string): EventNameFilter {
  const patterns = [...new Set(list.split(',').map((item) => item.trim()).filter((item) => item.length > 0))];
  if (patterns.length === 0) return NOTHING;
  const exact = new Set(patterns.filter((pattern) => !pattern.includes('*')));
  const wildcards = patterns.filter((pattern) => pattern.includes('*'));
  const regex =
    wildcards.length === 0
      ? undefined
      : new RegExp(
          `^(?:${wildcards.map((pattern) => pattern.split('*').map((part) => part.replace(REGEX_SPECIALS, '\\$&')).join('[\\s\\S]*')).join('|')})$`,
        );
  return {
    patterns,
    matches: (eventName) => exact.has(eventName) || regex?.test(eventName) === true,
  };
}
