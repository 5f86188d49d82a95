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
 *
 * Hot path: the sizes of each record are noted as the batch transforms it, while its strings are in the
 * processor's cache; fitting then works on numbers alone. Reading every id and data string again in a
 * second pass over a 3 MB batch cost more than the fitting itself (a cache miss per string).
 */
import { MAX_RESPONSE_BYTES } from './constants';
import type { FirehoseResult, TransformedRecord } from './types';

export interface ResponseFit {
  /** Indexes of the records that take their fallback instead of their preferred entry, in order. */
  readonly fallbacks: readonly number[];
  /** False when even the fallbacks with their data cannot fit: fallbacks then carry empty data. */
  readonly keepOriginal: boolean;
  /** Bytes of `JSON.stringify({ records })` once the fallbacks are in place. */
  readonly bytes: number;
}

/** `{"records":[` + `]}`. */
const RESPONSE_FRAME_BYTES = '{"records":[]}'.length;
/** `{"recordId":` + `,"result":"` + `","data":"` + `"}`. */
const ENTRY_FRAME_BYTES = '{"recordId":,"result":"","data":""}'.length;
const FALLBACK_RESULT: FirehoseResult = 'ProcessingFailed';

/** Printable ASCII without quote or backslash (Firehose's own ids are digits): serialised as itself in quotes. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function quotedIdBytes(recordId: string): number {
  return PLAIN_ASCII.test(recordId) ? recordId.length + 2 : Buffer.byteLength(JSON.stringify(recordId));
}

/** Bytes of one serialised entry; `idBytes` counts the quoted, escaped recordId. Base64 data is ASCII. */
function entryBytes(idBytes: number, result: FirehoseResult, dataLength: number): number {
  return ENTRY_FRAME_BYTES + idBytes + result.length + dataLength;
}

/** The fallback entry of a record: ProcessingFailed with its original data, or none when `fit` says so. */
export function fallbackEntry(recordId: string, original: string, fit: ResponseFit): TransformedRecord {
  return { recordId, result: FALLBACK_RESULT, data: fit.keepOriginal ? original : '' };
}

/**
 * The sizes of a batch's entries, record by record, then the fit.
 * @example const sizes = new ResponseSizes(records.length); sizes.note(0, entry, original); …; sizes.fit().fallbacks // []
 */
export class ResponseSizes {
  private readonly preferred: Float64Array;
  private readonly fallback: Float64Array;
  private readonly emptyFallback: Float64Array;

  constructor(private readonly count: number) {
    this.preferred = new Float64Array(count);
    this.fallback = new Float64Array(count);
    this.emptyFallback = new Float64Array(count);
  }

  /** Notes record `index`: its preferred entry, and its original data for the fallback. */
  note(index: number, entry: TransformedRecord, original: string): void {
    const id = quotedIdBytes(entry.recordId);
    this.preferred[index] = entryBytes(id, entry.result, entry.data.length);
    this.fallback[index] = entryBytes(id, FALLBACK_RESULT, original.length);
    this.emptyFallback[index] = entryBytes(id, FALLBACK_RESULT, 0);
  }

  /** Which records take their fallback so that the serialised response is at most `limitBytes`. */
  fit(limitBytes: number = MAX_RESPONSE_BYTES): ResponseFit {
    const { count, preferred } = this;
    const base = RESPONSE_FRAME_BYTES + Math.max(0, count - 1);
    let allFallbacks = 0;
    for (let i = 0; i < count; i += 1) allFallbacks += this.fallback[i] ?? 0;
    const keepOriginal = base + allFallbacks <= limitBytes;
    const fallback = keepOriginal ? this.fallback : this.emptyFallback;
    let reserve = keepOriginal ? allFallbacks : fallback.reduce((sum, bytes) => sum + bytes, 0);
    let used = base;
    const fallbacks: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const fallbackBytes = fallback[i] ?? 0;
      reserve -= fallbackBytes;
      const preferredBytes = preferred[i] ?? 0;
      if (used + preferredBytes + reserve <= limitBytes) {
        used += preferredBytes;
      } else {
        used += fallbackBytes;
        fallbacks.push(i);
      }
    }
    return { fallbacks, keepOriginal, bytes: used };
  }
}
