import { fitResponse, type PlannedEntry } from '../../../functions/transform/firehose-response';

const bytesOf = (records: unknown): number => Buffer.byteLength(JSON.stringify({ records }));

function entry(recordId: string, result: PlannedEntry['result'], dataLength: number, originalLength = 8): PlannedEntry {
  return { recordId, result, data: 'A'.repeat(dataLength), original: 'B'.repeat(originalLength) };
}

describe('fitResponse', () => {
  test('counts exactly the bytes of the serialised response', () => {
    const entries = [entry('1', 'Ok', 100), entry('ü"\\\u0001', 'Dropped', 8), entry('3', 'ProcessingFailed', 8)];

    const fitted = fitResponse(entries);

    expect(fitted.bytes).toBe(bytesOf(fitted.records));
    expect(fitResponse([]).bytes).toBe(bytesOf([]));
  });

  test('keeps every entry as planned when they fit', () => {
    const entries = [entry('1', 'Ok', 100), entry('2', 'Dropped', 8), entry('3', 'ProcessingFailed', 8)];

    const fitted = fitResponse(entries);

    expect(fitted.records.map((r) => r.result)).toEqual(['Ok', 'Dropped', 'ProcessingFailed']);
    expect(fitted.records[0]?.data).toHaveLength(100);
    expect(fitted.overflowed).toEqual([]);
  });

  test('turns the records that do not fit into ProcessingFailed with their original data', () => {
    // Prepare: three Ok records of 400 bytes; room for about two.
    const entries = [entry('1', 'Ok', 400), entry('2', 'Ok', 400), entry('3', 'Ok', 400)];
    const limit = 14 + 2 + 3 * 48 + 400 * 2 + 8;

    // Act
    const fitted = fitResponse(entries, limit);

    // Assess
    expect(fitted.records.map((r) => r.result)).toEqual(['Ok', 'Ok', 'ProcessingFailed']);
    expect(fitted.records[2]).toEqual({ recordId: '3', result: 'ProcessingFailed', data: 'B'.repeat(8) });
    expect(fitted.overflowed).toEqual([2]);
    expect(fitted.bytes).toBeLessThanOrEqual(limit);
    expect(fitted.bytes).toBe(bytesOf(fitted.records));
  });

  test('keeps room for the later records, so an early large record gives way', () => {
    const entries = [entry('1', 'Ok', 1000), entry('2', 'Ok', 10), entry('3', 'Ok', 10)];
    const limit = 14 + 2 + 3 * 48 + 8 + 10 + 10;

    const fitted = fitResponse(entries, limit);

    expect(fitted.records.map((r) => r.result)).toEqual(['ProcessingFailed', 'Ok', 'Ok']);
    expect(fitted.bytes).toBeLessThanOrEqual(limit);
  });

  test('when even the original data cannot fit, failed records carry empty data and the response still fits', () => {
    const entries = [entry('1', 'Ok', 10, 1000), entry('2', 'Ok', 10, 1000)];
    const limit = 300;

    const fitted = fitResponse(entries, limit);

    expect(fitted.bytes).toBeLessThanOrEqual(limit);
    expect(fitted.bytes).toBe(bytesOf(fitted.records));
    expect(fitted.records.map((r) => r.recordId)).toEqual(['1', '2']);
  });
});
