import { gzipSync } from 'node:zlib';
import { gunzipIfNeeded, isGzip } from '../../../cli/replay/gunzip-stream';
import { chunksOf, collect } from './factories';

async function text(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  return Buffer.concat(await collect(gunzipIfNeeded(chunks))).toString('utf8');
}

describe('gunzipIfNeeded', () => {
  test('gunzips bytes that start with the gzip magic, whatever the name', async () => {
    const zipped = gzipSync('{"Records":[]}');
    expect(isGzip(zipped)).toBe(true);
    expect(await text(chunksOf(zipped))).toBe('{"Records":[]}');
  });

  test('passes plain bytes through unchanged', async () => {
    expect(await text(chunksOf('{"a":', '1}'))).toBe('{"a":1}');
  });

  test('decides on the first two bytes even when the first chunk holds one', async () => {
    const zipped = gzipSync('hello');
    expect(await text(chunksOf(zipped.subarray(0, 1), zipped.subarray(1)))).toBe('hello');
    expect(await text(chunksOf('x'))).toBe('x');
  });

  test('reads every member of a multi-member gzip file', async () => {
    const zipped = Buffer.concat([gzipSync('{"a":1}\n'), gzipSync('{"a":2}\n')]);
    expect(await text(chunksOf(zipped))).toBe('{"a":1}\n{"a":2}\n');
  });

  test('rejects a truncated gzip stream', async () => {
    const zipped = gzipSync('x'.repeat(1000));
    await expect(text(chunksOf(zipped.subarray(0, zipped.length - 8)))).rejects.toThrow();
  });
});
