/**
 * The transform's settings, read from the Lambda environment once at cold start
 * (docs/reference/design.md#configuration). `parseTransformConfig` is pure: it takes the environment as an
 * argument and reports every problem at once.
 */
import { LOG_LEVELS, type LogLevel } from '../shared/logger';
import { LATE_EVENT_SECONDS_DEFAULT } from './constants';
import { ConfigError } from './errors';
import { compileEventNameFilter, type EventNameFilter } from './event-name-filter';

/** Nested CloudTrail blobs: JSON text (default), removed, or kept as objects for OpenObserve to flatten. */
export const PAYLOAD_MODES = ['json', 'drop', 'nested'] as const;
export type PayloadMode = (typeof PAYLOAD_MODES)[number];

/** `hash` = hex SHA-256 of `<user_pool_id or client_id>:<username>`, stable per pool. */
export const USERNAME_MODES = ['keep', 'hash', 'drop'] as const;
export type UsernameMode = (typeof USERNAME_MODES)[number];

/** `truncate` zeroes the last IPv4 octet or the last 80 bits of an IPv6 address. */
export const SOURCE_IP_MODES = ['keep', 'truncate'] as const;
export type SourceIpMode = (typeof SOURCE_IP_MODES)[number];

/** What happens to a `_timestamp` outside OpenObserve's ingest window: moved to now, or left. */
export const LATE_EVENT_POLICIES = ['restamp', 'keep'] as const;
export type LateEventPolicy = (typeof LATE_EVENT_POLICIES)[number];

/** Upper bound for `LATE_EVENT_SECONDS`: a year; anything longer is a typo. */
const LATE_EVENT_SECONDS_MAX = 365 * 24 * 3600;

export interface TransformConfig {
  readonly payloadMode: PayloadMode;
  readonly usernameMode: UsernameMode;
  readonly sourceIpMode: SourceIpMode;
  readonly excludeEventNames: EventNameFilter;
  readonly lateEventPolicy: LateEventPolicy;
  /** Records whose `_timestamp` is older than now minus this many seconds are late. */
  readonly lateEventSeconds: number;
  readonly logLevel: LogLevel;
}

export const DEFAULT_TRANSFORM_CONFIG: TransformConfig = Object.freeze({
  payloadMode: 'json',
  usernameMode: 'keep',
  sourceIpMode: 'keep',
  excludeEventNames: compileEventNameFilter(''),
  lateEventPolicy: 'restamp',
  lateEventSeconds: LATE_EVENT_SECONDS_DEFAULT,
  logLevel: 'INFO',
});

function quoteList(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** A value of `allowed` (matched without regard to case), the default when unset or blank, else a problem. */
function oneOf<T extends string>(
  env: Record<string, string | undefined>,
  name: string,
  allowed: readonly T[],
  fallback: T,
  problems: string[],
): T {
  const raw = env[name]?.trim() ?? '';
  if (raw === '') return fallback;
  const found = allowed.find((value) => value.toLowerCase() === raw.toLowerCase());
  if (found !== undefined) return found;
  problems.push(`${name} is '${raw}'; use ${quoteList(allowed)}.`);
  return fallback;
}

function lateEventSeconds(env: Record<string, string | undefined>, problems: string[]): number {
  const raw = env.LATE_EVENT_SECONDS?.trim() ?? '';
  if (raw === '') return LATE_EVENT_SECONDS_DEFAULT;
  const value = /^\d{1,12}$/.test(raw) ? Number(raw) : Number.NaN;
  if (value >= 1 && value <= LATE_EVENT_SECONDS_MAX) return value;
  problems.push(
    `LATE_EVENT_SECONDS is '${raw}'; use a whole number of seconds from 1 to ${LATE_EVENT_SECONDS_MAX}, such as ${LATE_EVENT_SECONDS_DEFAULT}.`,
  );
  return LATE_EVENT_SECONDS_DEFAULT;
}

/**
 * Reads PAYLOAD_MODE, USERNAME_MODE, SOURCE_IP_MODE, EXCLUDE_EVENT_NAMES, LATE_EVENT_POLICY,
 * LATE_EVENT_SECONDS and LOG_LEVEL. Unset or blank variables take their defaults.
 * @throws ConfigError listing every invalid variable, e.g. "LATE_EVENT_POLICY is 'drop'; use 'restamp' or 'keep'."
 */
export function parseTransformConfig(env: Record<string, string | undefined>): TransformConfig {
  const problems: string[] = [];
  const defaults = DEFAULT_TRANSFORM_CONFIG;
  const config: TransformConfig = {
    payloadMode: oneOf(env, 'PAYLOAD_MODE', PAYLOAD_MODES, defaults.payloadMode, problems),
    usernameMode: oneOf(env, 'USERNAME_MODE', USERNAME_MODES, defaults.usernameMode, problems),
    sourceIpMode: oneOf(env, 'SOURCE_IP_MODE', SOURCE_IP_MODES, defaults.sourceIpMode, problems),
    excludeEventNames: compileEventNameFilter(env.EXCLUDE_EVENT_NAMES ?? ''),
    lateEventPolicy: oneOf(env, 'LATE_EVENT_POLICY', LATE_EVENT_POLICIES, defaults.lateEventPolicy, problems),
    lateEventSeconds: lateEventSeconds(env, problems),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, defaults.logLevel, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
