/**
 * `--from s3://bucket/prefix`: every object under the prefix, listed page by page (ListObjectsV2) and read
 * as a stream (GetObject), one at a time, so neither the listing nor an object is held whole.
 */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { ReplayFatalError } from '../errors';
import type { SourceObject } from '../types';

export interface S3Location {
  readonly bucket: string;
  readonly prefix: string;
}

/** `s3://bucket/some/prefix` → `{ bucket, prefix }`; undefined when it is not an S3 URL with a bucket. */
export function parseS3Url(url: string): S3Location | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  return match ? { bucket: match[1]!, prefix: match[2] ?? '' } : undefined;
}

function awsErrorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

async function* bodyChunks(body: unknown): AsyncGenerator<Uint8Array> {
  if (body === undefined || body === null) return;
  if (typeof body === 'object' && Symbol.asyncIterator in body) {
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    return;
  }
  throw new Error('the S3 response body is not a stream');
}

/** Lists the objects under `location` (folder markers ending in `/` skipped) in key order. */
export async function* s3Objects(client: S3Client, location: S3Location): AsyncGenerator<SourceObject> {
  let token: string | undefined;
  do {
    let page;
    try {
      page = await client.send(
        new ListObjectsV2Command({ Bucket: location.bucket, Prefix: location.prefix, ...(token ? { ContinuationToken: token } : {}) }),
      );
    } catch (error) {
      throw new ReplayFatalError(
        `Listing s3://${location.bucket}/${location.prefix} failed (${awsErrorName(error)}); check the bucket name, the region (AWS_REGION) and that your credentials may s3:ListBucket it.`,
        { cause: error },
      );
    }
    for (const entry of page.Contents ?? []) {
      const key = entry.Key;
      if (key === undefined || key.endsWith('/')) continue;
      yield {
        name: `s3://${location.bucket}/${key}`,
        ...(entry.Size !== undefined ? { size: entry.Size } : {}),
        open: () =>
          (async function* () {
            const object = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: key }));
            yield* bodyChunks(object.Body);
          })(),
      };
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
}
