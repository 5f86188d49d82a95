import fc from 'fast-check';
import { fallbackEntry, ResponseSizes, type ResponseFit } from '../../../functions/transform/firehose-response';
import type { FirehoseResult, TransformedRecord } from '../../../functions/transform/types';

const bytesOf = (records: unknown): number => Buffer.byteLength(JSON.stringify({ records }));

interface Planned {
  readonly entry: TransformedRecord;
  readonly original: string;
}

function planned(recordId: string, result: FirehoseResult, dataLength: number, originalLength = 8): Planned {
  const original = 'B'.repeat(originalLength);
  return { entry: { recordId, result, data: result === 'Ok' ? 'A'.repeat(dataLength) : original }, original };
}

/** The response as processBatch makes it: every record noted, then the fallbacks put in place. */
function fitted(records: readonly Planned[], limitBytes?: number): { records: TransformedRecord[]; fit: ResponseFit } {
  const sizes = new ResponseSizes(records.length);
  records.forEach((record, index) => {
    sizes.note(index, record.entry, record.original);
  });
  const fit = sizes.fit(limitBytes);
  const out = records.map((record) => record.entry);
  for (const index of fit.fallbacks) {
    const record = records[index] as Planned;
    out[index] = fallbackEntry(record.entry.recordId, record.original, fit);
  }
  return { records: out, fit };
}

describe('ResponseSizes', () => {
  test('counts exactly the bytes of the serialised response', () => {
    const records = [planned('1', 'Ok', 100), planned('ü"\\\u0001', 'Dropped', 8), planned('3', 'ProcessingFailed', 8)];

    const response = fitted(records);

    expect(response.fit.bytes).toBe(bytesOf(response.records));
    expect(fitted([]).fit.bytes).toBe(bytesOf([]));
  });

  test('keeps every entry as planned when they fit', () => {
    const records = [planned('1', 'Ok', 100), planned('2', 'Dropped', 8), planned('3', 'ProcessingFailed', 8)];

    const response = fitted(records);

    expect(response.records.map((r) => r.result)).toEqual(['Ok', 'Dropped', 'ProcessingFailed']);
    expect(response.records[0]?.data).toHaveLength(100);
    expect(response.fit.fallbacks).toEqual([]);
  });

  test('turns the records that do not fit into ProcessingFailed with their original data', () => {
    // Prepare: three Ok records of 400 bytes; room for about two.
    const records = [planned('1', 'Ok', 400), planned('2', 'Ok', 400), planned('3', 'Ok', 400)];
    const limit = 14 + 2 + 3 * 48 + 400 * 2 + 8;

    // Act
    const response = fitted(records, limit);

    // Assess
    expect(response.records.map((r) => r.result)).toEqual(['Ok', 'Ok', 'ProcessingFailed']);
    expect(response.records[2]).toEqual({ recordId: '3', result: 'ProcessingFailed', data: 'B'.repeat(8) });
    expect(response.fit.fallbacks).toEqual([2]);
    expect(response.fit.bytes).toBeLessThanOrEqual(limit);
    expect(response.fit.bytes).toBe(bytesOf(response.records));
  });

  test('keeps room for the later records, so an early large record gives way', () => {
    const records = [planned('1', 'Ok', 1000), planned('2', 'Ok', 10), planned('3', 'Ok', 10)];
    const limit = 14 + 2 + 3 * 48 + 8 + 10 + 10;

    const response = fitted(records, limit);

    expect(response.records.map((r) => r.result)).toEqual(['ProcessingFailed', 'Ok', 'Ok']);
    expect(response.fit.bytes).toBeLessThanOrEqual(limit);
  });

  test('when even the original data cannot fit, failed records carry empty data and the response still fits', () => {
    const records = [planned('1', 'Ok', 10, 1000), planned('2', 'Ok', 10, 1000)];
    const limit = 300;

    const response = fitted(records, limit);

    expect(response.fit.keepOriginal).toBe(false);
    expect(response.fit.bytes).toBeLessThanOrEqual(limit);
    expect(response.fit.bytes).toBe(bytesOf(response.records));
    expect(response.records.map((r) => r.recordId)).toEqual(['1', '2']);
  });

  test('for any records and a limit the fallbacks fit in: the exact size, within the limit, no fallback while no entry outgrows its own', () => {
    const record = fc.record({
      id: fc.oneof(fc.stringMatching(/^\d{1,60}$/), fc.string({ maxLength: 8 })),
      result: fc.constantFrom<FirehoseResult>('Ok', 'Dropped', 'ProcessingFailed'),
      data: fc.nat(3000),
      original: fc.nat(2000),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), fc.nat(40_000), (specs, slack) => {
        // Prepare: a limit the response with every fallback fits in, as a request under Lambda's limit guarantees.
        const records = specs.map((spec) => planned(spec.id, spec.result, spec.data, spec.original));
        const allFallbacks = records.map((r) => ({ recordId: r.entry.recordId, result: 'ProcessingFailed', data: r.original }));
        const limit = bytesOf(allFallbacks) + slack;

        // Act
        const response = fitted(records, limit);

        // Assess
        expect(response.fit.bytes).toBe(bytesOf(response.records));
        expect(response.fit.bytes).toBeLessThanOrEqual(limit);
        const outgrows = records.some((r) => r.entry.result.length + r.entry.data.length > 'ProcessingFailed'.length + r.original.length);
        if (!outgrows) expect(response.fit.fallbacks).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
