/**
 * Fits the transformation response under Lambda's 6 MB response limit
 * (docs/reference/aws-contracts.md#firehose-record-transformation), whatever the records hold. Each record
 * has a preferred entry (Ok with its line, Dropped, or ProcessingFailed with its original data) and a
 * fallback: ProcessingFailed with the original data, so Firehose backs it up and nothing is lost.
 *
 * Why it always fits: the fallback entry of a record costs no more than that record took in the request
 * (same id, same data, a result no longer than the fields it replaces), so if the request fitted, all
 * fallbacks together fit. Walking the records in order, a record takes its preferred entry only if the bytes
 * used so far, that entry, and the fallbacks of every later record still fit; otherwise it takes its fallback,
 * which fits by the same sum. If even all the fallbacks cannot fit (a request over the limit, which Lambda
 * never sends), fallbacks carry empty data instead, and the same argument holds for them.
 */
import { MAX_RESPONSE_BYTES } from './constants';
import type { FirehoseResult, TransformedRecord } from './types';

export interface PlannedEntry {
  readonly recordId: string;
  readonly result: FirehoseResult;
  /** Base64 data of the preferred entry. */
  readonly data: string;
  /** The record's original base64 data, for the fallback. */
  readonly original: string;
}

export interface FittedResponse {
  readonly records: TransformedRecord[];
  /** Indexes of records that took their fallback instead of an Ok or Dropped entry. */
  readonly overflowed: readonly number[];
  /** Bytes of `JSON.stringify({ records })`. */
  readonly bytes: number;
}

/** `{"records":[` + `]}`. */
const RESPONSE_FRAME_BYTES = '{"records":[]}'.length;
/** `{"recordId":` + `,"result":"` + `","data":"` + `"}`. */
const ENTRY_FRAME_BYTES = '{"recordId":,"result":"","data":""}'.length;

/** Printable ASCII without quote or backslash (Firehose's own ids are digits): serialised as itself in quotes. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function quotedIdBytes(recordId: string): number {
  return PLAIN_ASCII.test(recordId) ? recordId.length + 2 : Buffer.byteLength(JSON.stringify(recordId));
}

/** Bytes of one serialised entry; `idBytes` counts the quoted, escaped recordId. Base64 data is ASCII. */
function entryBytes(idBytes: number, result: FirehoseResult, dataLength: number): number {
  return ENTRY_FRAME_BYTES + idBytes + result.length + dataLength;
}

/** Chooses each record's entry so that the serialised response is at most `limitBytes`. */
export function fitResponse(entries: readonly PlannedEntry[], limitBytes: number = MAX_RESPONSE_BYTES): FittedResponse {
  const count = entries.length;
  // Per-record byte counts in flat arrays: this runs for every record of every batch.
  const idBytes = new Float64Array(count);
  let allOriginal = RESPONSE_FRAME_BYTES + Math.max(0, count - 1);
  let allEmpty = allOriginal;
  for (let i = 0; i < count; i += 1) {
    const entry = entries[i] as PlannedEntry; // i < count
    const id = quotedIdBytes(entry.recordId);
    idBytes[i] = id;
    allOriginal += entryBytes(id, 'ProcessingFailed', entry.original.length);
    allEmpty += entryBytes(id, 'ProcessingFailed', 0);
  }
  const keepOriginal = allOriginal <= limitBytes;
  const base = RESPONSE_FRAME_BYTES + Math.max(0, count - 1);
  let reserve = (keepOriginal ? allOriginal : allEmpty) - base;
  let used = base;
  const records: TransformedRecord[] = new Array(count);
  const overflowed: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const entry = entries[i] as PlannedEntry; // i < count
    const id = idBytes[i] ?? 0;
    const fallback = keepOriginal ? entry.original : '';
    const fallbackBytes = entryBytes(id, 'ProcessingFailed', fallback.length);
    reserve -= fallbackBytes;
    const preferredBytes = entryBytes(id, entry.result, entry.data.length);
    if (used + preferredBytes + reserve <= limitBytes) {
      records[i] = { recordId: entry.recordId, result: entry.result, data: entry.data };
      used += preferredBytes;
    } else {
      records[i] = { recordId: entry.recordId, result: 'ProcessingFailed', data: fallback };
      used += fallbackBytes;
      if (entry.result !== 'ProcessingFailed') overflowed.push(i);
    }
  }
  return { records, overflowed, bytes: used };
}
