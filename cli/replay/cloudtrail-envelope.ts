/**
 * A CloudTrail log record → the EventBridge event EventBridge would have made of it, so that records read
 * from a trail bucket meet the same rule and the same transform as live traffic
 * (docs/reference/aws-contracts.md#eventbridge-and-cloudtrail).
 * https://docs.aws.amazon.com/eventbridge/latest/ref/events-structure.html
 */
import { createHash } from 'node:crypto';

/** CloudTrail `eventType` → EventBridge `detail-type`. */
const DETAIL_TYPES: Readonly<Record<string, string>> = {
  AwsApiCall: 'AWS API Call via CloudTrail',
  AwsServiceEvent: 'AWS Service Event via CloudTrail',
  AwsConsoleSignIn: 'AWS Console Sign In via CloudTrail',
  AwsConsoleAction: 'AWS Console Action via CloudTrail',
};

/**
 * The other `eventType` values CloudTrail documents (Insights, network activity): not events the stack's
 * rule takes, so not replayed. https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
const OTHER_EVENT_TYPES = ['AwsCloudTrailInsight', 'AwsVpceEvent'] as const;

const AMAZONAWS_SUFFIX = '.amazonaws.com';

export type EnvelopeResult = { ok: true; event: Record<string, unknown> } | { ok: false; reason: string };

/** `cognito-idp.amazonaws.com` → `aws.cognito-idp`. */
export function eventBridgeSource(eventSource: string): string {
  const service = eventSource.endsWith(AMAZONAWS_SUFFIX) ? eventSource.slice(0, -AMAZONAWS_SUFFIX.length) : eventSource;
  return `aws.${service}`;
}

/**
 * A stable UUID-shaped id from the CloudTrail `eventID`: EventBridge makes up a random one, but a stable
 * one lets two runs over the same file produce the same bytes.
 */
export function envelopeId(eventId: string): string {
  const hex = createHash('sha256').update(`o2-cognito:${eventId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** EventBridge writes `time` to the second, in UTC, with a `Z`. */
function envelopeTime(eventTime: string): string {
  const ms = Date.parse(eventTime);
  return Number.isNaN(ms) ? eventTime : new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function resourceArns(resources: unknown): string[] {
  if (!Array.isArray(resources)) return [];
  const arns: string[] = [];
  for (const resource of resources) {
    if (typeof resource === 'object' && resource !== null && 'ARN' in resource && typeof resource.ARN === 'string') {
      arns.push(resource.ARN);
    }
  }
  return arns;
}

/**
 * Wraps one CloudTrail record: `detail-type` from `eventType`, `source` from `eventSource`, `account` from
 * `recipientAccountId`, `region` from `awsRegion`, `time` from `eventTime`, `resources` from the ARNs of
 * `resources`; `detail` is the record itself.
 */
export function wrapCloudTrailRecord(record: Record<string, unknown>): EnvelopeResult {
  const { eventType, eventSource, eventTime, eventID } = record;
  if (typeof eventSource !== 'string' || typeof eventTime !== 'string') {
    return { ok: false, reason: 'CloudTrail record without eventSource or eventTime' };
  }
  const detailType = typeof eventType === 'string' && Object.hasOwn(DETAIL_TYPES, eventType) ? DETAIL_TYPES[eventType] : undefined;
  if (detailType === undefined) {
    // The reason names only values from a fixed list, never the record's own text: the summary groups by reason.
    const known = OTHER_EVENT_TYPES.find((other) => other === eventType);
    return { ok: false, reason: known !== undefined ? `CloudTrail ${known} records are not replayed` : 'CloudTrail record without a known eventType' };
  }
  const account = typeof record.recipientAccountId === 'string' ? record.recipientAccountId : undefined;
  const region = typeof record.awsRegion === 'string' ? record.awsRegion : undefined;
  return {
    ok: true,
    event: {
      version: '0',
      id: envelopeId(typeof eventID === 'string' ? eventID : `${eventSource}|${eventTime}|${String(record.requestID)}`),
      'detail-type': detailType,
      source: eventBridgeSource(eventSource),
      ...(account !== undefined ? { account } : {}),
      time: envelopeTime(eventTime),
      ...(region !== undefined ? { region } : {}),
      resources: resourceArns(record.resources),
      detail: record,
    },
  };
}
