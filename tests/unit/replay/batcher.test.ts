import { randomUUID } from 'node:crypto';
import { firehoseRequestBody } from '../../../functions/shared/firehose-http';
import { Batcher } from '../../../cli/replay/sinks/batcher';
import { PUT_RECORD_BATCH_LIMITS } from '../../../cli/replay/sinks/firehose-stream-sink';
import { base64Length, httpBatchLimits } from '../../../cli/replay/sinks/https-sink';

const MiB = 1024 * 1024;
const record = (bytes: number, i = 0) => ({ data: new Uint8Array(bytes), id: i });

/** Adds every record and returns the sizes (in records) of the batches made, the last one drained. */
function batchSizes<T extends { data: Uint8Array }>(batcher: Batcher<T>, records: T[]): number[] {
  const sizes: number[] = [];
  for (const item of records) {
    const full = batcher.add(item);
    if (full) sizes.push(full.items.length);
  }
  const last = batcher.drain();
  if (last.items.length > 0) sizes.push(last.items.length);
  return sizes;
}

describe('PutRecordBatch limits: 500 records, 4 MiB', () => {
  test('500 records make one call; the 501st starts the next', () => {
    expect(batchSizes(new Batcher(PUT_RECORD_BATCH_LIMITS), Array.from({ length: 500 }, (_, i) => record(10, i)))).toEqual([500]);
    expect(batchSizes(new Batcher(PUT_RECORD_BATCH_LIMITS), Array.from({ length: 501 }, (_, i) => record(10, i)))).toEqual([500, 1]);
  });

  test('records of exactly 4 MiB in all make one call; one byte more makes two', () => {
    const exact = [record(MiB), record(MiB), record(MiB), record(MiB)];
    expect(batchSizes(new Batcher(PUT_RECORD_BATCH_LIMITS), exact)).toEqual([4]);
    const over = [record(MiB), record(MiB), record(MiB), record(MiB - 1), record(2)];
    expect(batchSizes(new Batcher(PUT_RECORD_BATCH_LIMITS), over)).toEqual([4, 1]);
  });

  test('keeps arrival order across batches', () => {
    const batcher = new Batcher<{ data: Uint8Array; id: number }>(PUT_RECORD_BATCH_LIMITS);
    const ids: number[] = [];
    for (let i = 0; i < 1200; i++) {
      const full = batcher.add(record(1, i));
      if (full) ids.push(...full.items.map((item) => item.id));
    }
    ids.push(...batcher.drain().items.map((item) => item.id));
    expect(ids).toEqual(Array.from({ length: 1200 }, (_, i) => i));
  });
});

describe('HTTP endpoint limits: 10,000 records, 4 MiB of body', () => {
  test('10,000 records make one request; the 10,001st starts the next', () => {
    expect(batchSizes(new Batcher(httpBatchLimits()), Array.from({ length: 10_000 }, (_, i) => record(20, i)))).toEqual([10_000]);
    expect(batchSizes(new Batcher(httpBatchLimits()), Array.from({ length: 10_001 }, (_, i) => record(20, i)))).toEqual([10_000, 1]);
  });

  test('counts the bytes of the body exactly as it is written', () => {
    const batcher = new Batcher(httpBatchLimits());
    const records = [record(1), record(2), record(3), record(1000)];
    for (const item of records) batcher.add(item);
    const batch = batcher.drain();
    expect(batch.bytes).toBe(firehoseRequestBody(randomUUID(), Date.now(), records.map((r) => r.data)).length);
  });

  test('a batch whose body is within 4 MiB stays one request; one that would pass it splits', () => {
    // Body = empty body + Σ(11 + base64) + commas; base64 grows in steps of 4, so the closest fit is 4 MiB − 2.
    const limits = httpBatchLimits();
    const first = 2 * MiB;
    const firstCost = limits.baseBytes + limits.recordBytes(new Uint8Array(first));
    const room = 4 * MiB - firstCost - 1 - 11; // comma and frame of the second record
    const secondBytes = Math.floor(room / 4) * 3;
    const fits = [record(first), record(secondBytes)];
    const body = firehoseRequestBody(randomUUID(), Date.now(), fits.map((r) => r.data)).length;
    expect(body).toBeLessThanOrEqual(4 * MiB);
    expect(body).toBeGreaterThan(4 * MiB - 4);
    expect(batchSizes(new Batcher(limits), fits)).toEqual([2]);
    expect(batchSizes(new Batcher(limits), [record(first), record(secondBytes + 3)])).toEqual([1, 1]);
  });

  test('base64Length is the length Buffer writes', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 1000, 1001]) expect(base64Length(n)).toBe(Buffer.alloc(n).toString('base64').length);
  });
});

describe('Batcher', () => {
  test('a record too large on its own is flagged', () => {
    const batcher = new Batcher(PUT_RECORD_BATCH_LIMITS);
    expect(batcher.tooLarge(record(4 * MiB + 1))).toBe(true);
    expect(batcher.tooLarge(record(4 * MiB))).toBe(false);
  });
});
