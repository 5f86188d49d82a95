/**
 * A hostile Firehose batch for `USERNAME_MODE=hash`: three records just under Firehose's 1,000 KiB each,
 * every one a quarter of a million one-letter usernames in `requestParameters.username`. Hashing each
 * value used to cost over a second and 400 MB per batch; the transform now bounds the work per payload.
 */
import type { FirehoseTransformationEvent } from 'aws-lambda';

/** Usernames per record: 4 bytes each (`"a",`), about 1,000,000 bytes. */
const USERNAMES_PER_RECORD = 250_000;
const RECORDS = 3;

function record(index: number, nowMs: number): FirehoseTransformationEvent['records'][number] {
  const username = Array.from({ length: USERNAMES_PER_RECORD }, (_, at) => String.fromCharCode(97 + ((at + index) % 26)));
  const event = {
    version: '0',
    id: `0d6a1f0e-7b1c-4c36-b1f4-0a9e2d7c5b${String(index).padStart(2, '0')}`,
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.cognito-idp',
    account: '111122223333',
    time: new Date(nowMs - 60_000).toISOString(),
    region: 'eu-west-1',
    resources: [],
    detail: {
      eventVersion: '1.08',
      eventTime: new Date(nowMs - 60_000).toISOString(),
      eventSource: 'cognito-idp.amazonaws.com',
      eventName: 'AdminGetUser',
      eventType: 'AwsApiCall',
      eventID: `9a8b7c6d-1111-4e2f-8a3b-2c1d0e9f8a${String(index).padStart(2, '0')}`,
      requestParameters: { userPoolId: 'eu-west-1_Ab12Cd34E', username },
    },
  };
  return { recordId: `hostile-${index}`, approximateArrivalTimestamp: nowMs, data: Buffer.from(JSON.stringify(event)).toString('base64') };
}

/** The hostile batch and the bytes of its record data. */
export function hostileUsernameBatch(nowMs: number): { event: FirehoseTransformationEvent; dataBytes: number } {
  const records = Array.from({ length: RECORDS }, (_, index) => record(index, nowMs));
  const dataBytes = records.reduce((sum, r) => sum + Buffer.from(r.data, 'base64').length, 0);
  return { event: { invocationId: 'bench-hostile', deliveryStreamArn: 'arn:aws:firehose:eu-west-1:111122223333:deliverystream/bench', region: 'eu-west-1', records }, dataBytes };
}
