/**
 * Undoes gzip when the bytes say so (magic 1f 8b), whatever the name: CloudTrail writes `.json.gz`,
 * Firehose backups are gzip only if the stream's S3 configuration compresses, and users rename files.
 */
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/** True when `bytes` starts with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC_0 && bytes[1] === GZIP_MAGIC_1;
}

/**
 * The stream's bytes, gunzipped when its first two bytes are the gzip magic. Multi-member gzip (files
 * concatenated after compression) is read to the end, as `gunzip` does.
 */
export async function* gunzipIfNeeded(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head: Uint8Array = new Uint8Array(0);
  // Two bytes decide; a first chunk of one byte is rare but possible.
  while (head.length < 2) {
    const next = await iterator.next();
    if (next.done) {
      if (head.length > 0) yield head;
      return;
    }
    head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
  }
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({ next: () => iterator.next(), return: async () => (await iterator.return?.()) ?? { done: true, value: undefined } }),
  };
  if (!isGzip(head)) {
    yield head;
    yield* rest;
    return;
  }
  const source = Readable.from(
    (async function* () {
      yield head;
      yield* rest;
    })(),
  );
  const gunzip = source.pipe(createGunzip());
  source.on('error', (error) => gunzip.destroy(error));
  for await (const chunk of gunzip) yield chunk as Buffer;
}
