/**
 * Named limits of `o2-cognito replay`, each with its unit and its source.
 */

/** PutRecordBatch takes at most 500 records per call (Firehose API reference, PutRecordBatch). */
export const PUT_RECORD_BATCH_MAX_RECORDS = 500;
/** PutRecordBatch takes at most 4 MiB of record data per call (Firehose API reference, PutRecordBatch). */
export const PUT_RECORD_BATCH_MAX_BYTES = 4 * 1024 * 1024;
/** One Firehose record is at most 1,000 KiB before base64 (docs/reference/aws-contracts.md#firehose-record-transformation). */
export const FIREHOSE_RECORD_MAX_BYTES = 1000 * 1024;

/** Firehose sends 1–10,000 records per HTTP request (docs/reference/aws-contracts.md#firehose-http-endpoint-delivery). */
export const HTTP_BATCH_MAX_RECORDS = 10_000;
/**
 * Uncompressed JSON body per HTTP request. Firehose allows 64 MiB
 * (docs/reference/aws-contracts.md#firehose-http-endpoint-delivery); 4 MiB keeps one request well under
 * OpenObserve's `ZO_PAYLOAD_LIMIT` and a proxy's body limit, and a retry cheap.
 */
export const HTTP_BATCH_MAX_BODY_BYTES = 4 * 1024 * 1024;
/**
 * The endpoint must answer within 3 minutes (docs/reference/aws-contracts.md#firehose-http-endpoint-delivery);
 * a replay waits 60 s before retrying.
 */
export const HTTP_REQUEST_TIMEOUT_MS = 60_000;

/**
 * Back-off: 1 s doubling, ±15 % jitter, capped at 2 min, as Firehose retries an endpoint
 * (docs/reference/aws-contracts.md#firehose-http-endpoint-delivery).
 */
export const RETRY_BASE_DELAY_MS = 1_000;
export const RETRY_MAX_DELAY_MS = 120_000;
export const RETRY_JITTER_RATIO = 0.15;
/** Attempts per batch before its records count as failed: about 4 minutes of back-off in all. */
export const RETRY_MAX_ATTEMPTS = 8;

/**
 * Circuit breaker: a run stops once this many requests in a row delivered nothing (retries and records
 * refused one by one count; the halving that looks for a bad record does not), or once requests have
 * delivered nothing for this long. 10 requests is a batch's 8 attempts plus 2 of the next, so about
 * two minutes of back-off against an endpoint that is down; 5 minutes bounds endpoints that time out
 * (60 s per attempt). Resuming with --checkpoint is cheap, retrying a broken endpoint for hours is not.
 */
export const BREAKER_MAX_FAILED_REQUESTS = 10;
export const BREAKER_MAX_FAILING_MS = 5 * 60_000;

/** A single JSON value (one CloudTrail log file, one event) larger than this is refused, not buffered. */
export const MAX_JSON_VALUE_CHARS = 256 * 1024 * 1024;

/** Progress redraws at most this often on a terminal, and prints a plain line at most this often otherwise. */
export const PROGRESS_REDRAW_MS = 250;
export const PROGRESS_LINE_MS = 10_000;

/** Failed objects and records named one by one in the summary; the rest are counted. */
export const SUMMARY_MAX_LISTED = 10;
/**
 * Distinct reasons kept per list (skipped, failed); further ones are counted together. Replay's own reasons
 * are a few dozen fixed sentences, so this only bounds the unexpected.
 */
export const SUMMARY_MAX_REASONS = 10;
