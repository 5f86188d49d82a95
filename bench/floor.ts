/**
 * The floor the transform is measured against: per record the least any JSON transform must do —
 * base64-decode, JSON.parse, JSON.stringify, base64-encode — into the same response shape, with the same
 * buffer discipline as the transform (functions/transform/scratch-buffer.ts): decoded into one reused
 * scratch buffer, encoded out of it, no Buffer allocated per record. A floor that allocated per record
 * would be slower than it needs to be, and the ratio would flatter the transform.
 */
import type { FirehoseTransformationEvent } from 'aws-lambda';
import type { TransformResponse } from '../functions/transform/types';

let scratch = Buffer.allocUnsafe(64 * 1024);

function room(bytes: number): Buffer {
  if (scratch.length < bytes) scratch = Buffer.allocUnsafe(Math.max(bytes, scratch.length * 2));
  return scratch;
}

/** Base64 text → the UTF-8 text it holds, decoded through the scratch buffer. */
function decode(base64: string): string {
  const buffer = room(Math.ceil(base64.length / 4) * 3);
  const bytes = buffer.write(base64, 0, 'base64');
  return buffer.toString('utf8', 0, bytes);
}

/** Text → base64 of its UTF-8 bytes, encoded through the scratch buffer (a code unit is ≤ 3 UTF-8 bytes). */
function encode(text: string): string {
  const buffer = room(text.length * 3);
  const bytes = buffer.write(text, 0, 'utf8');
  return buffer.toString('base64', 0, bytes);
}

export function floorTransform(event: FirehoseTransformationEvent): TransformResponse {
  return {
    records: event.records.map((record) => ({
      recordId: record.recordId,
      result: 'Ok',
      data: encode(JSON.stringify(JSON.parse(decode(record.data)))),
    })),
  };
}

/** The floor of the old benchmark, a fresh Buffer per decode and encode: kept to show what the tighter floor changes. */
export function allocatingFloorTransform(event: FirehoseTransformationEvent): TransformResponse {
  return {
    records: event.records.map((record) => ({
      recordId: record.recordId,
      result: 'Ok',
      data: Buffer.from(JSON.stringify(JSON.parse(Buffer.from(record.data, 'base64').toString('utf8'))), 'utf8').toString('base64'),
    })),
  };
}
