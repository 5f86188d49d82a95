/**
 * What every sink does: take records one by one, deliver them (now or in batches), and say which were
 * delivered and which failed, so the pipeline knows which objects are finished.
 */

/** What the pipeline keeps to account for one record; the sink hands it back in its report. */
export interface DeliveryTicket {
  /** The object the record came from. */
  readonly object: string;
  /** `file:3 Records[7]`: where the record came from, for the summary. */
  readonly location: string;
}

export interface SinkRecord {
  readonly data: Uint8Array;
  readonly ticket: DeliveryTicket;
}

export interface DeliveryReport {
  delivered(tickets: readonly DeliveryTicket[]): void;
  /** `reason` is one sentence and never holds record content or a secret. */
  failed(tickets: readonly DeliveryTicket[], reason: string): void;
}

/** Writes one line about the run to stderr (a retry, a halving), without breaking the progress line. */
export type Notify = (message: string) => void;

/** What a sink wants to receive: the normalised line (stdout, https) or the event as EventBridge puts it (firehose). */
export type SinkInput = 'normalised' | 'event';

export interface Sink {
  /** `stdout`, `https://host/…`, `firehose:stream`: for the summary (never a key). */
  readonly label: string;
  readonly input: SinkInput;
  /** Accepts one record; resolves when the sink can take the next (back-pressure). */
  write(record: SinkRecord): Promise<void>;
  /** Delivers everything still buffered. */
  flush(): Promise<void>;
  /** Frees connections; after flush. */
  close(): Promise<void>;
}
