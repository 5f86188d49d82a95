/**
 * A user pool's log delivery configuration (Amazon Cognito API Reference, GetLogDeliveryConfiguration /
 * SetLogDeliveryConfiguration: at most two LogConfigurationType entries, one per EventSource). Set replaces
 * the whole list, so every change here keeps every entry it is not about (`userNotification`) as it was.
 * Pure: no calls.
 */
import type { LogConfigurationType } from '@aws-sdk/client-cognito-identity-provider';
import { USER_AUTH_EVENTS, USER_AUTH_EVENTS_LEVEL } from './constants';

/** The pool's `userAuthEvents` entry, if it has one. */
export function userAuthEntry(configurations: readonly LogConfigurationType[]): LogConfigurationType | undefined {
  return configurations.find((entry) => entry.EventSource === USER_AUTH_EVENTS);
}

/** True when `entry` sends the user activity logs to one of `streamArns` (the stack's stream, now or before an update). */
export function exportsTo(entry: LogConfigurationType | undefined, streamArns: readonly string[]): boolean {
  const arn = entry?.FirehoseConfiguration?.StreamArn;
  return arn !== undefined && streamArns.includes(arn);
}

/** The list with the `userAuthEvents` entry replaced by `entry` (or removed when `entry` is undefined), the others kept. */
export function withUserAuthEntry(configurations: readonly LogConfigurationType[], entry: LogConfigurationType | undefined): LogConfigurationType[] {
  const others = configurations.filter((existing) => existing.EventSource !== USER_AUTH_EVENTS);
  return entry === undefined ? others : [...others, entry];
}

/** The entry that sends the user activity logs to `streamArn`. */
export function streamEntry(streamArn: string): LogConfigurationType {
  return { EventSource: USER_AUTH_EVENTS, LogLevel: USER_AUTH_EVENTS_LEVEL, FirehoseConfiguration: { StreamArn: streamArn } };
}

/** Where an entry sends the logs, in a few words, for reasons and logs (ARNs only: they hold no secret). */
export function destinationOf(entry: LogConfigurationType | undefined): string {
  if (entry === undefined) return 'nowhere';
  if (entry.FirehoseConfiguration?.StreamArn !== undefined) return `Firehose stream ${entry.FirehoseConfiguration.StreamArn}`;
  if (entry.S3Configuration?.BucketArn !== undefined) return `S3 bucket ${entry.S3Configuration.BucketArn}`;
  if (entry.CloudWatchLogsConfiguration?.LogGroupArn !== undefined) return `log group ${entry.CloudWatchLogsConfiguration.LogGroupArn}`;
  return 'a destination this release does not know';
}

/**
 * The AWS CLI command that sets `configurations` on the pool: the way back by hand when the resource could
 * not restore a destination itself.
 */
export function setCommand(poolId: string, configurations: readonly LogConfigurationType[]): string {
  return `aws cognito-idp set-log-delivery-configuration --user-pool-id ${poolId} --log-configurations '${JSON.stringify(configurations)}'`;
}
