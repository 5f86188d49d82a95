/**
 * The floor the transform is measured against: per record the least any JSON transform must do —
 * base64-decode, JSON.parse, JSON.stringify, base64-encode — into the same response shape.
 */
import type { FirehoseTransformationEvent, FirehoseTransformationResult } from '../functions/transform/types';

export function floorTransform(event: FirehoseTransformationEvent): FirehoseTransformationResult {
  return {
    records: event.records.map((record) => ({
      recordId: record.recordId,
      result: 'Ok',
      data: Buffer.from(JSON.stringify(JSON.parse(Buffer.from(record.data, 'base64').toString('utf8'))), 'utf8').toString('base64'),
    })),
  };
}
