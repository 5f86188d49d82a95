/**
 * `--from s3://bucket/prefix`: every object under the prefix, listed page by page (ListObjectsV2, through the
 * SDK's paginator) and read as a stream (GetObject), one at a time, so neither the listing nor an object is
 * held whole.
 */
import { GetObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
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

export interface ListOptions {
  /** Keys per ListObjectsV2 page (MaxKeys); S3's own default (1,000) when absent. */
  readonly pageSize?: number;
}

/**
 * Lists the objects under `location` (folder markers ending in `/` skipped) in key order, page by page with
 * the SDK's paginator. A server that hands back the same continuation token twice ends the listing
 * (stopOnSameToken) instead of repeating it for ever.
 */
export async function* s3Objects(client: S3Client, location: S3Location, options: ListOptions = {}): AsyncGenerator<SourceObject> {
  const pages = paginateListObjectsV2(
    { client, stopOnSameToken: true, ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}) },
    { Bucket: location.bucket, Prefix: location.prefix },
  )[Symbol.asyncIterator]();
  for (;;) {
    let page;
    try {
      page = await pages.next();
    } catch (error) {
      throw new ReplayFatalError(
        `Listing s3://${location.bucket}/${location.prefix} failed (${awsErrorName(error)}); check the bucket name, the region (AWS_REGION) and that your credentials may s3:ListBucket it.`,
        { cause: error },
      );
    }
    if (page.done) return;
    for (const entry of page.value.Contents ?? []) {
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
  }
}
