import { destinationOf, exportsTo, setCommand, streamEntry, userAuthEntry, withUserAuthEntry } from '../../../functions/user-activity-logs/log-configuration';
import { NOTIFICATION_ENTRY, S3_ENTRY, STREAM_ARN, streamEntryOf } from '../../helpers/cognito-log-delivery-mock';

describe('log configuration', () => {
  test('replaces only the userAuthEvents entry, and keeps the others as they were', () => {
    expect(withUserAuthEntry([NOTIFICATION_ENTRY, S3_ENTRY], streamEntry(STREAM_ARN))).toEqual([NOTIFICATION_ENTRY, streamEntryOf()]);
    expect(withUserAuthEntry([S3_ENTRY, NOTIFICATION_ENTRY], undefined)).toEqual([NOTIFICATION_ENTRY]);
    expect(withUserAuthEntry([], streamEntry(STREAM_ARN))).toEqual([streamEntryOf()]);
  });

  test('finds the userAuthEvents entry and tells whether it exports to one of the streams', () => {
    expect(userAuthEntry([NOTIFICATION_ENTRY, S3_ENTRY])).toBe(S3_ENTRY);
    expect(userAuthEntry([NOTIFICATION_ENTRY])).toBeUndefined();
    expect(exportsTo(streamEntryOf(), ['x', STREAM_ARN])).toBe(true);
    expect(exportsTo(S3_ENTRY, [STREAM_ARN])).toBe(false);
    expect(exportsTo(undefined, [STREAM_ARN])).toBe(false);
  });

  test('says where an entry sends the logs', () => {
    expect(destinationOf(S3_ENTRY)).toBe('S3 bucket arn:aws:s3:::security-archive-111122223333');
    expect(destinationOf(streamEntryOf())).toBe(`Firehose stream ${STREAM_ARN}`);
    expect(destinationOf(NOTIFICATION_ENTRY)).toBe('log group arn:aws:logs:eu-west-1:111122223333:log-group:/aws/vendedlogs/cognito/notifications');
    expect(destinationOf(undefined)).toBe('nowhere');
  });

  test('writes the AWS CLI command that sets a list back', () => {
    expect(setCommand('eu-west-1_A', [S3_ENTRY])).toBe(
      `aws cognito-idp set-log-delivery-configuration --user-pool-id eu-west-1_A --log-configurations '${JSON.stringify([S3_ENTRY])}'`,
    );
  });
});
