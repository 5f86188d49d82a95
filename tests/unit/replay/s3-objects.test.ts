import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { sdkStreamMixin } from '@smithy/util-stream';
import { Readable } from 'node:stream';
import { ReplayFatalError } from '../../../cli/replay/errors';
import { parseS3Url, s3Objects } from '../../../cli/replay/inputs/s3-objects';
import { collect } from './factories';

describe('parseS3Url', () => {
  test('splits bucket and prefix', () => {
    expect(parseS3Url('s3://trail/AWSLogs/1/')).toEqual({ bucket: 'trail', prefix: 'AWSLogs/1/' });
    expect(parseS3Url('s3://trail')).toEqual({ bucket: 'trail', prefix: '' });
    expect(parseS3Url('s3://')).toBeUndefined();
  });
});

describe('s3Objects', () => {
  const s3 = mockClient(S3Client);
  afterEach(() => s3.reset());

  test('follows continuation tokens, skips folder markers, and streams each object when read', async () => {
    s3.on(ListObjectsV2Command, { Bucket: 'b', Prefix: 'p/' }).resolves({ Contents: [{ Key: 'p/', Size: 0 }, { Key: 'p/1.json', Size: 7 }], IsTruncated: true, NextContinuationToken: 't' });
    s3.on(ListObjectsV2Command, { Bucket: 'b', Prefix: 'p/', ContinuationToken: 't' }).resolves({ Contents: [{ Key: 'p/2.json', Size: 7 }], IsTruncated: false });
    s3.on(GetObjectCommand, { Bucket: 'b', Key: 'p/2.json' }).resolves({ Body: sdkStreamMixin(Readable.from([Buffer.from('{"a":2}')])) });
    const objects = await collect(s3Objects(new S3Client({ region: 'eu-west-1' }), { bucket: 'b', prefix: 'p/' }));
    expect(objects.map((object) => [object.name, object.size])).toEqual([
      ['s3://b/p/1.json', 7],
      ['s3://b/p/2.json', 7],
    ]);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
    expect(Buffer.concat(await collect(objects[1]!.open())).toString()).toBe('{"a":2}');
  });

  test('a listing that fails stops the run with what to check', async () => {
    s3.on(ListObjectsV2Command).rejects(Object.assign(new Error('The specified bucket does not exist'), { name: 'NoSuchBucket' }));
    await expect(collect(s3Objects(new S3Client({ region: 'eu-west-1' }), { bucket: 'nope', prefix: '' }))).rejects.toThrow(ReplayFatalError);
  });

  test('a server that hands back the same continuation token ends the listing instead of looping for ever', async () => {
    s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'p/1.json', Size: 7 }], IsTruncated: true, NextContinuationToken: 'same' });
    const names: string[] = [];
    for await (const object of s3Objects(new S3Client({ region: 'eu-west-1' }), { bucket: 'b', prefix: 'p/' })) {
      names.push(object.name);
      if (names.length > 5) break;
    }
    expect(s3.commandCalls(ListObjectsV2Command)).toHaveLength(2);
    expect(names.length).toBeLessThanOrEqual(2);
  });

  test('asks for the page size it is given (MaxKeys)', async () => {
    s3.on(ListObjectsV2Command).resolves({ Contents: [], IsTruncated: false });
    await collect(s3Objects(new S3Client({ region: 'eu-west-1' }), { bucket: 'b', prefix: '' }, { pageSize: 3 }));
    expect(s3.commandCalls(ListObjectsV2Command)[0]!.args[0].input).toMatchObject({ Bucket: 'b', Prefix: '', MaxKeys: 3 });
  });
});
