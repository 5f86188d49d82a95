/**
 * AWS errors in the words of a CloudFormation Reason: the error's name and AWS's own message, shortened.
 * Cognito, SSM and IAM messages name resources and actions, never a secret.
 */
import { MAX_AWS_MESSAGE_CHARS } from './constants';

/** `Name: message` of an SDK error (the message cut to `MAX_AWS_MESSAGE_CHARS`), or the kind of a thrown value. */
export function awsReason(error: unknown): string {
  if (!(error instanceof Error)) return `a ${typeof error} was thrown`;
  const message = error.message.length > MAX_AWS_MESSAGE_CHARS ? `${error.message.slice(0, MAX_AWS_MESSAGE_CHARS - 1)}…` : error.message;
  return message === '' ? error.name : `${error.name}: ${message}`;
}

/** The name of an SDK error (`ResourceNotFoundException`), also for errors the client has no class for. */
export function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/** IAM refused the call: the role's policy, or a policy not yet in force. */
export function isAccessDenied(error: unknown): boolean {
  const name = errorName(error);
  return name === 'AccessDeniedException' || name === 'AccessDenied';
}
