/**
 * The UserActivityLogExport custom resource's properties (template.yaml), parsed once: `UserPoolIds` (the
 * parameter UserActivityLogPoolIds, a list) and `StreamArn` (the stack's Firehose stream).
 */
import { MAX_POOLS } from './constants';

export interface ExportProperties {
  /** Distinct, in the order given. */
  readonly poolIds: readonly string[];
  readonly streamArn: string;
  /** The stream's region: Cognito delivers only to a stream of the pool's own region and account. */
  readonly region: string;
}

export type ExportPropertiesResult = { readonly ok: true; readonly props: ExportProperties } | { readonly ok: false; readonly reason: string };

/** A user pool id (Amazon Cognito API Reference, UserPoolIdType `[\w-]+_[0-9a-zA-Z]+`, at most 55), its region before the `_`. */
export const USER_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d{1,2})_[0-9a-zA-Z]+$/;
const STREAM_ARN = /^arn:aws[a-z-]*:firehose:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):\d{12}:deliverystream\/[A-Za-z0-9_.-]{1,64}$/;
const MAX_POOL_ID_CHARS = 55;

/** CloudFormation passes a list parameter as an array; a comma-separated text is read the same. */
function listOf(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item.trim() : '')).filter((item) => item !== '');
  if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  return undefined;
}

/** Every problem at once, each naming the stack parameter to fix and what it accepts. */
export function parseExportProperties(raw: Readonly<Record<string, unknown>>): ExportPropertiesResult {
  const problems: string[] = [];
  const stream = typeof raw.StreamArn === 'string' ? STREAM_ARN.exec(raw.StreamArn) : null;
  if (stream === null) problems.push('StreamArn must be the ARN of a Firehose stream');
  const region = stream?.[1] ?? '';
  const listed = listOf(raw.UserPoolIds);
  if (listed === undefined) problems.push('UserPoolIds must be a list of user pool ids');
  const poolIds = [...new Set(listed ?? [])];
  const malformed = poolIds.filter((id) => id.length > MAX_POOL_ID_CHARS || !USER_POOL_ID.test(id));
  if (malformed.length > 0) problems.push(`UserActivityLogPoolIds holds ${malformed.length === 1 ? 'a value that is' : 'values that are'} not a user pool id such as eu-west-1_Ab12Cd34E`);
  const elsewhere = poolIds.filter((id) => !malformed.includes(id) && USER_POOL_ID.exec(id)?.[1] !== region);
  if (stream !== null && elsewhere.length > 0) {
    problems.push(`UserActivityLogPoolIds names ${elsewhere.join(', ')}, outside ${region}: Cognito exports only to a stream of the pool's own region, so deploy a stack in that region for ${elsewhere.length === 1 ? 'it' : 'them'}`);
  }
  if (poolIds.length > MAX_POOLS) problems.push(`UserActivityLogPoolIds names ${poolIds.length} pools; one stack exports at most ${MAX_POOLS}`);
  if (problems.length > 0) return { ok: false, reason: `${problems.join('; ')}.` };
  return { ok: true, props: { poolIds, streamArn: raw.StreamArn as string, region } }; // checked by STREAM_ARN above
}
