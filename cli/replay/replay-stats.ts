/**
 * The counts a replay keeps, and the problems it names in its summary.
 */
import { SUMMARY_MAX_LISTED, SUMMARY_MAX_REASONS } from './constants';

export interface ReplayStats {
  /** Objects found so far, and whether the listing is complete (then `objectsListed` is the total). */
  objectsListed: number;
  listingDone: boolean;
  bytesListed: number;
  objectsDone: number;
  bytesDone: number;
  /** Finished in an earlier run (`--checkpoint`). */
  objectsSkipped: number;
  eventsRead: number;
  /** Not JSON, or JSON that is no event. */
  unreadable: number;
  outsideTime: number;
  notMatched: number;
  /** Passed `--since`/`--until` and the rule. */
  matched: number;
  duplicates: number;
  /** Dropped by the transform (`EXCLUDE_EVENT_NAMES`). */
  dropped: number;
  /** The rule could not be evaluated, or the transform (or serialising the event) failed it: as ProcessingFailed. */
  processingFailed: number;
  delivered: number;
  deliveryFailed: number;
  restamped: number;
}

export function emptyStats(): ReplayStats {
  return {
    objectsListed: 0, listingDone: false, bytesListed: 0, objectsDone: 0, bytesDone: 0, objectsSkipped: 0,
    eventsRead: 0, unreadable: 0, outsideTime: 0, notMatched: 0, matched: 0, duplicates: 0, dropped: 0,
    processingFailed: 0, delivered: 0, deliveryFailed: 0, restamped: 0,
  };
}

/** Problems of one kind: how many, and the first few places. */
export interface ProblemGroup {
  count: number;
  readonly where: string[];
}

/** The group that takes problems once {@link SUMMARY_MAX_REASONS} reasons are kept. */
export const OTHER_REASONS = 'other reasons';

/**
 * Problems grouped by reason. Reasons never hold record content (so the same problem groups); at most
 * {@link SUMMARY_MAX_REASONS} are kept, the rest are counted under {@link OTHER_REASONS}, and only the first
 * {@link SUMMARY_MAX_LISTED} places of each: memory and the summary stay bounded whatever the input.
 */
export class ProblemLog {
  readonly groups = new Map<string, ProblemGroup>();

  add(reason: string, where: string, count = 1): void {
    const key = this.groups.has(reason) || this.groups.size < SUMMARY_MAX_REASONS ? reason : OTHER_REASONS;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { count: 0, where: [] };
      this.groups.set(key, group);
    }
    group.count += count;
    if (group.where.length < SUMMARY_MAX_LISTED && !group.where.includes(where)) group.where.push(where);
  }

  get size(): number {
    return this.groups.size;
  }
}
