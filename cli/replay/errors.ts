/**
 * Errors of `o2-cognito replay`. Only problems that stop the whole run are exceptions; a bad object or
 * record is a value counted in the summary.
 */

/** A sink refused in a way no retry can fix (401, 413, a missing stream): the run stops. */
export class ReplayFatalError extends Error {
  override name = 'ReplayFatalError';
}

/** The template's rule cannot be read as an EventBridge pattern. */
export class RulePatternError extends Error {
  override name = 'RulePatternError';
}

/** Whoever reads stdout stopped reading (`| head`): the run stops, quietly, as other command-line tools do. */
export class OutputClosedError extends ReplayFatalError {
  override name = 'OutputClosedError';
}
