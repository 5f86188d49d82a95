/**
 * Names and limits of the UserActivityLogExport custom resource, each with its source.
 */

/**
 * The log configuration this resource owns in each pool (Amazon Cognito API Reference, LogConfigurationType:
 * `userAuthEvents` takes `INFO` and one destination; `userNotification` is someone else's and is kept).
 */
export const USER_AUTH_EVENTS = 'userAuthEvents';
export const USER_AUTH_EVENTS_LEVEL = 'INFO';

/**
 * Pools one stack exports at most. Each pool names its ARN twice in the function's role (two inline
 * policies, whose sizes IAM adds up to at most 10,240 characters per role: IAM User Guide, "IAM and AWS STS
 * quotas"), and costs four API calls on each deploy.
 */
export const MAX_POOLS = 25;

/** PhysicalResourceId: `<prefix>:<stack id's UUID>`, the same for the stack's life, so an Update never replaces it. */
export const PHYSICAL_ID_PREFIX = 'o2-cognito-user-activity-logs';

/**
 * Where the destination a pool exported to before the stack took it over is kept: one SSM Parameter Store
 * parameter per pool, `/o2-cognito/<stack UUID>/user-activity-logs/<pool id>` (the template scopes the
 * function's ssm: permissions to this path).
 */
export const PARAMETER_ROOT = '/o2-cognito';
export const PARAMETER_FOLDER = 'user-activity-logs';

/**
 * IAM is eventually consistent: the policy naming a pool just added to the list may not be in force when
 * CloudFormation runs the Update a moment later (IAM User Guide, "Troubleshoot IAM": changes "may not be
 * visible immediately"). A refused first call is tried again after these pauses, in ms.
 */
export const ACCESS_RETRY_DELAYS_MS = [2_000, 4_000, 8_000] as const;

/** Longest AWS error message quoted in a Reason: the answer to CloudFormation holds 4,096 bytes in all. */
export const MAX_AWS_MESSAGE_CHARS = 300;
