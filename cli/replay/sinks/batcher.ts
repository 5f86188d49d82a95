/**
 * Groups records into batches under a record count and a byte limit, in arrival order.
 */

export interface BatchLimits {
  readonly maxRecords: number;
  readonly maxBytes: number;
  /** Bytes a record adds to its batch. */
  readonly recordBytes: (data: Uint8Array) => number;
  /** Bytes of an empty batch (the request's own framing). */
  readonly baseBytes: number;
  /** Bytes between two records (a comma in JSON). */
  readonly separatorBytes: number;
}

export interface Batch<T> {
  readonly items: T[];
  readonly bytes: number;
}

/** Collects records; `add` hands back the full batch that the new record did not fit into. */
export class Batcher<T extends { readonly data: Uint8Array }> {
  private items: T[] = [];
  private bytes: number;

  constructor(private readonly limits: BatchLimits) {
    this.bytes = limits.baseBytes;
  }

  /** Bytes the record would need in a batch of its own. */
  aloneBytes(item: T): number {
    return this.limits.baseBytes + this.limits.recordBytes(item.data);
  }

  /** True when a record is too large even for a batch of its own. */
  tooLarge(item: T): boolean {
    return this.aloneBytes(item) > this.limits.maxBytes;
  }

  /**
   * Adds `item`; when it does not fit under the limits, returns the batch collected so far (without it)
   * and starts a new one with it. A record too large on its own is the caller's to reject first.
   */
  add(item: T): Batch<T> | undefined {
    const cost = this.limits.recordBytes(item.data) + (this.items.length > 0 ? this.limits.separatorBytes : 0);
    if (this.items.length > 0 && (this.items.length >= this.limits.maxRecords || this.bytes + cost > this.limits.maxBytes)) {
      const full = this.drain();
      this.items.push(item);
      this.bytes += this.limits.recordBytes(item.data);
      return full;
    }
    this.items.push(item);
    this.bytes += cost;
    return undefined;
  }

  /** The batch collected so far (possibly empty), and a fresh start. */
  drain(): Batch<T> {
    const batch = { items: this.items, bytes: this.bytes };
    this.items = [];
    this.bytes = this.limits.baseBytes;
    return batch;
  }

  get size(): number {
    return this.items.length;
  }
}
