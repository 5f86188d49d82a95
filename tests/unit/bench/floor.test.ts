import path from 'node:path';
import { buildBatch, loadTemplates } from '../../../bench/batch';
import { allocatingFloorTransform, floorTransform } from '../../../bench/floor';

const TEMPLATES = loadTemplates(path.resolve(__dirname, '..', '..', '..', 'events', 'eventbridge'));

describe('floorTransform', () => {
  test.each(['ascii', 'unicode'] as const)('gives the bytes the allocating floor gives, record for record (%s batch)', (text) => {
    // Prepare: records of every size, so the scratch buffer is reused, then grown.
    const { event } = buildBatch(TEMPLATES, { dataBytes: 300_000, nowMs: Date.UTC(2026, 10, 26), text });
    const big = { recordId: 'big', approximateArrivalTimestamp: Date.UTC(2026, 10, 26), data: Buffer.from(JSON.stringify({ blob: 'é'.repeat(100_000) })).toString('base64') };
    const withBig = { ...event, records: [...event.records.slice(0, 3), big, ...event.records.slice(3)] };

    // Act
    const floor = floorTransform(withBig);

    // Assess
    expect(floor).toEqual(allocatingFloorTransform(withBig));
    expect(floor.records.map((r) => r.recordId)).toEqual(withBig.records.map((r) => r.recordId));
  });
});
