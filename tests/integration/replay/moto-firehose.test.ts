/**
 * Backfill and redrive against moto_server: CloudTrail log files (.json.gz) in a bucket, and Firehose
 * backup objects, replayed into a Direct PUT delivery stream whose S3 destination shows what was put.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CreateDeliveryStreamCommand, FirehoseClient } from '@aws-sdk/client-firehose';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { NO_CHECKPOINT } from '../../../cli/replay/checkpoint';
import { s3Objects } from '../../../cli/replay/inputs/s3-objects';
import { replaySucceeded, runReplay } from '../../../cli/replay/run-replay';
import { firehoseStreamSink } from '../../../cli/replay/sinks/firehose-stream-sink';
import { replayTransform } from '../../../cli/replay/transform-port';
import { describeWithTool } from '../../helpers/external-tools';
import { startMotoServer, type MotoServer } from '../../helpers/moto-server';
import { cloudTrailRecord, httpEndpointFailedRecord, normalisedLine, normalisedRecord, processingFailedRecord, eventBridgeEvent } from '../../unit/replay/factories';

const ROOT = path.join(__dirname, '../../..');
const run = promisify(execFile);

describeWithTool('moto_server', 'replay with S3 and Firehose (moto_server)', () => {
  let moto: MotoServer;
  let s3: S3Client;
  let firehose: FirehoseClient;
  let streamCount = 0;

  beforeAll(async () => {
    moto = await startMotoServer('eu-west-1');
    s3 = new S3Client(moto.clientConfig);
    firehose = new FirehoseClient(moto.clientConfig);
    await s3.send(new CreateBucketCommand({ Bucket: 'trail', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    await s3.send(new CreateBucketCommand({ Bucket: 'backup', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
  }, 60_000);

  afterAll(async () => {
    s3?.destroy();
    firehose?.destroy();
    await moto?.stop();
  });

  /** A Direct PUT stream writing to its own bucket; returns its name and bucket. */
  async function newStream(): Promise<{ stream: string; bucket: string }> {
    const n = ++streamCount;
    const bucket = `delivered-${n}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    const stream = `cognito-${n}`;
    await firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: stream,
        DeliveryStreamType: 'DirectPut',
        ExtendedS3DestinationConfiguration: { BucketARN: `arn:aws:s3:::${bucket}`, RoleARN: 'arn:aws:iam::123456789012:role/firehose' },
      }),
    );
    return { stream, bucket };
  }

  /** Every record moto's Firehose wrote to `bucket` (records are concatenated JSON objects). */
  async function delivered(bucket: string): Promise<Record<string, unknown>[]> {
    const listing = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    const out: Record<string, unknown>[] = [];
    for (const entry of listing.Contents ?? []) {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: entry.Key }));
      const text = await object.Body!.transformToString();
      // Concatenated objects: split at each top-level boundary.
      for (const part of text.replace(/}\s*{/g, '}\n{').split('\n')) if (part.trim()) out.push(JSON.parse(part));
    }
    return out;
  }

  async function put(bucket: string, key: string, body: string | Buffer): Promise<void> {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  }

  test('lists a prefix page by page, in key order, skipping folder markers', async () => {
    // Prepare: 7 objects and a folder marker under a prefix, 3 keys per page
    await s3.send(new CreateBucketCommand({ Bucket: 'paged', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    await put('paged', 'logs/', Buffer.alloc(0));
    for (const n of [5, 1, 7, 3, 2, 6, 4]) await put('paged', `logs/${n}.json`, JSON.stringify(eventBridgeEvent()));
    await put('paged', 'other/8.json', '{}');
    // Act
    const names: string[] = [];
    for await (const object of s3Objects(s3, { bucket: 'paged', prefix: 'logs/' }, { pageSize: 3 })) names.push(object.name);
    // Assess
    expect(names).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `s3://paged/logs/${n}.json`));
  });

  test('backfills CloudTrail .json.gz files from a trail bucket into the stream as EventBridge events', async () => {
    // Prepare
    const { stream, bucket } = await newStream();
    const prefix = 'AWSLogs/111122223333/CloudTrail/eu-west-1/2025/06/17/';
    await put('trail', `${prefix}a.json.gz`, gzipSync(JSON.stringify({ Records: [cloudTrailRecord({ eventID: 'a1' }), cloudTrailRecord({ eventID: 'a2', eventSource: 's3.amazonaws.com' })] })));
    await put('trail', `${prefix}b.json.gz`, gzipSync(JSON.stringify({ Records: [cloudTrailRecord({ eventID: 'b1', eventType: 'AwsServiceEvent', eventName: 'Login_GET' })] })));
    const sources = s3Objects(s3, { bucket: 'trail', prefix: 'AWSLogs/' });
    // Act
    const result = await runReplay({
      sources,
      createSink: (report) => firehoseStreamSink({ client: firehose, stream }, report),
      rule: { matches: (event) => event.source === 'aws.cognito-idp' },
      transform: replayTransform({}, { keepTimestamps: false }),
      checkpoint: NO_CHECKPOINT,
      now: Date.now,
    });
    // Assess
    expect(replaySucceeded(result)).toBe(true);
    expect(result.stats).toMatchObject({ objectsDone: 2, eventsRead: 3, matched: 2, delivered: 2 });
    const records = await delivered(bucket);
    expect(records.map((record) => [record['detail-type'], (record.detail as Record<string, unknown>).eventID])).toEqual([
      ['AWS API Call via CloudTrail', 'a1'],
      ['AWS Service Event via CloudTrail', 'b1'],
    ]);
    expect(records[0]).toMatchObject({ version: '0', source: 'aws.cognito-idp', account: '111122223333', region: 'eu-west-1' });
  });

  test('redrives backup objects: the original event from processing-failed/, the normalised record from http-endpoint-failed/', async () => {
    const { stream, bucket } = await newStream();
    const original = eventBridgeEvent(cloudTrailRecord({ eventID: 'pf-1' }));
    const normal = normalisedRecord({ event_id: 'hf-1' });
    // One JSON object per line in one, concatenated objects in the other; gzip in one: all by content.
    await put('backup', 'processing-failed/2025/06/17/08/s-1-2025-06-17-08-00-00-x', `${JSON.stringify(processingFailedRecord(original))}\n${JSON.stringify(processingFailedRecord('not json'))}\n`);
    await put('backup', 'http-endpoint-failed/2025/06/17/08/s-1-2025-06-17-08-00-00-y', gzipSync(`${JSON.stringify(httpEndpointFailedRecord(normalisedLine(normal)))}${JSON.stringify(httpEndpointFailedRecord(normalisedLine(normalisedRecord({ event_id: 'hf-2' }))))}`));
    const result = await runReplay({
      sources: s3Objects(s3, { bucket: 'backup', prefix: '' }),
      createSink: (report) => firehoseStreamSink({ client: firehose, stream }, report),
      rule: { matches: () => true },
      transform: replayTransform({}, { keepTimestamps: false }),
      checkpoint: NO_CHECKPOINT,
      now: Date.now,
    });
    expect(replaySucceeded(result)).toBe(true);
    expect(result.stats).toMatchObject({ unreadable: 1, delivered: 3 });
    const records = await delivered(bucket);
    expect(records.map((record) => record.event_id ?? (record.detail as Record<string, unknown>).eventID)).toEqual(['hf-1', 'hf-2', 'pf-1']);
    expect(records[0]).toEqual(normal);
  });

  test('the CLI reads s3:// and puts to firehose: with AWS_ENDPOINT_URL and path-style addressing', async () => {
    const { stream, bucket } = await newStream();
    await put('trail', 'cli/one.json.gz', gzipSync(JSON.stringify({ Records: [cloudTrailRecord({ eventID: 'cli-1' }), cloudTrailRecord({ eventID: 'cli-2', readOnly: true })] })));
    const { stderr } = await run(process.execPath, [path.join(ROOT, 'bin/o2-cognito.js'), 'replay', '--from', 's3://trail/cli/', '--to', `firehose:${stream}`], {
      cwd: ROOT,
      env: { ...process.env, AWS_ENDPOINT_URL: moto.endpoint, AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_PROFILE: '' },
    });
    expect(stderr).toContain(`1 delivered to firehose:${stream}`);
    const records = await delivered(bucket);
    expect(records.map((record) => (record.detail as Record<string, unknown>).eventID)).toEqual(['cli-1']);
  });

  test('a missing stream stops the CLI with a non-zero exit and what to check', async () => {
    await put('trail', 'missing/one.json', JSON.stringify({ Records: [cloudTrailRecord()] }));
    const failure = await run(process.execPath, [path.join(ROOT, 'bin/o2-cognito.js'), 'replay', '--from', 's3://trail/missing/', '--to', 'firehose:no-such-stream'], {
      cwd: ROOT,
      env: { ...process.env, AWS_ENDPOINT_URL: moto.endpoint, AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_PROFILE: '' },
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/no-such-stream \(ResourceNotFoundException\)/);
  });
});
