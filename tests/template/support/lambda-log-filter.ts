/**
 * Lambda's application log-level filter, as the Lambda Developer Guide ("Log-level filtering",
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html) documents it for
 * functions with `LogFormat: JSON`:
 * - levels, most detailed first: TRACE, DEBUG, INFO, WARN, ERROR, FATAL; with ApplicationLogLevel L, Lambda
 *   sends lines of level L and the less detailed ones, and drops the rest;
 * - a line whose `level` is missing or invalid is INFO;
 * - a line without a valid RFC 3339 `timestamp` is INFO too ("Lambda assigns the log the level INFO and adds a
 *   timestamp for you");
 * - output that is not a JSON object is treated as an INFO message.
 */
export const APPLICATION_LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
export type ApplicationLogLevel = (typeof APPLICATION_LOG_LEVELS)[number];

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function isLevel(value: unknown): value is ApplicationLogLevel {
  return typeof value === 'string' && (APPLICATION_LOG_LEVELS as readonly string[]).includes(value.toUpperCase());
}

/** The level Lambda assigns to one line of application output. */
export function assignedLevel(line: string): ApplicationLogLevel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return 'INFO';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'INFO';
  const { level, timestamp } = parsed as { level?: unknown; timestamp?: unknown };
  if (!isLevel(level)) return 'INFO';
  if (typeof timestamp !== 'string' || !RFC3339.test(timestamp)) return 'INFO';
  return level.toUpperCase() as ApplicationLogLevel;
}

/** True when Lambda sends `line` to CloudWatch Logs under this ApplicationLogLevel. */
export function survivesFilter(line: string, applicationLogLevel: string): boolean {
  if (!isLevel(applicationLogLevel)) throw new Error(`${applicationLogLevel} is not a Lambda application log level.`);
  const rank = (level: string): number => APPLICATION_LOG_LEVELS.indexOf(level.toUpperCase() as ApplicationLogLevel);
  return rank(assignedLevel(line)) >= rank(applicationLogLevel);
}
