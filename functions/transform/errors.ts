/**
 * Errors of the transform. Only configuration problems are exceptions; a bad record is a value
 * (`{ ok: false, reason }`), never thrown.
 */

/** The Lambda environment holds invalid settings; `problems` lists every one, each a full sentence. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[], options?: { cause?: unknown }) {
    super(`Invalid transform configuration: ${problems.join(' ')}`, options);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
