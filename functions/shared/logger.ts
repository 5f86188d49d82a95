/**
 * Structured logs for the Lambda functions: one JSON object per line on stdout, snake_case keys
 * (`level`, `message`, `timestamp`, `function_request_id`…), the format Lambda's JSON log format and its
 * application log-level filter read (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html).
 * Never pass record content, headers or secrets as fields: give the recordId and the reason.
 */

/** `LOG_LEVEL` values, default first. */
export const LOG_LEVELS = ['INFO', 'DEBUG', 'WARN', 'ERROR'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const SEVERITY: Readonly<Record<LogLevel, number>> = { DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40 };

/**
 * `LOG_LEVEL` read leniently, case-insensitive, INFO when unset or unknown: the custom resources must
 * answer CloudFormation, so a bad value never fails their cold start (the transform's config refuses it).
 */
export function logLevelOf(value: string | undefined): LogLevel {
  const name = (value ?? LOG_LEVELS[0]).toUpperCase();
  return LOG_LEVELS.find((level) => level === name) ?? LOG_LEVELS[0];
}

/** Extra keys of a log line; snake_case by convention, `undefined` values are left out. */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** True when a line of `level` would be written: guard costly field building with it. */
  isEnabled(level: LogLevel): boolean;
  /** A logger that adds `fields` (e.g. `function_request_id`) to every line. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Receives each line without its newline; stdout by default. */
  readonly write?: (line: string) => void;
  /** Milliseconds since the epoch; `Date.now` by default. */
  readonly clock?: () => number;
  /** Keys on every line. */
  readonly fields?: LogFields;
}

const writeStdout = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** Creates a logger that writes lines at `options.level` and above. */
export function createLogger(options: LoggerOptions): Logger {
  const threshold = SEVERITY[options.level];
  const write = options.write ?? writeStdout;
  const clock = options.clock ?? Date.now;
  const base = options.fields ?? {};
  const log = (level: LogLevel, message: string, fields?: LogFields): void => {
    if (SEVERITY[level] < threshold) return;
    write(JSON.stringify({ level, message, timestamp: new Date(clock()).toISOString(), ...base, ...fields }));
  };
  return {
    debug: (message, fields) => log('DEBUG', message, fields),
    info: (message, fields) => log('INFO', message, fields),
    warn: (message, fields) => log('WARN', message, fields),
    error: (message, fields) => log('ERROR', message, fields),
    isEnabled: (level) => SEVERITY[level] >= threshold,
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

/** The class and message of an error for a log line; never its `cause`, which may hold content. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) return { error_name: error.name, error_message: error.message };
  return { error_name: typeof error, error_message: String(error) };
}
