/**
 * What the readers produce and the pipeline consumes.
 */

/** One object to read: a local file or an S3 object. */
export interface SourceObject {
  /** `path/to/file.json` or `s3://bucket/key`: the name in progress lines, the summary and the checkpoint. */
  readonly name: string;
  /** Bytes, if known before reading (for progress and ETA). */
  readonly size?: number;
  /** The raw bytes, streamed (gzip not yet undone). */
  open(): AsyncIterable<Uint8Array>;
  /** Stdin: it can be read only once and holds other data each run, so a checkpoint neither skips nor records it. */
  readonly transient?: true;
}

export type ReplayItem =
  /** An EventBridge event as the rule would see it (read as is, or built around a CloudTrail record). */
  | { readonly kind: 'event'; readonly event: Record<string, unknown>; readonly location: string }
  /**
   * A record the transform already produced (`schema_version` present; `http-endpoint-failed/` backups):
   * the rule matched it when it was live, the transform passes it through with the late-event rule.
   */
  | { readonly kind: 'normalised'; readonly record: Record<string, unknown>; readonly raw: string; readonly location: string }
  /**
   * A Cognito user-pool log event (threat protection's user activity): log delivery puts it into the stream
   * itself, so no EventBridge rule decides on it.
   */
  | { readonly kind: 'log'; readonly event: Record<string, unknown>; readonly location: string }
  /** Not JSON, or JSON that is no event: counted and named in the summary, never delivered. */
  | { readonly kind: 'unreadable'; readonly reason: string; readonly location: string };
