/**
 * Test oracle: what OpenObserve's `/aws/{org}/{stream}/_kinesis_firehose` endpoint does with Firehose
 * records, rule by rule, as written in docs/reference/openobserve-firehose-ingestion.md. Tests use it to prove that every
 * `Ok` record of the transform is stored exactly as sent; the product code never imports it.
 *
 * - {@link parseFirehoseRecord} / {@link parseFirehoseBase64}: one record → stored rows, dropped, the whole
 *   request failed, or taken for protobuf.
 * - {@link assertStoredAsIs} / {@link storedAsIsProblem}: one normalised line is stored unchanged;
 *   {@link assertRecordStoredAsIs}: every line of one record (one per event) is.
 * - {@link checkTypeStability}: column types stay fixed across many rows.
 */
export {
  INGEST_ALLOWED_IN_FUTURE_MS,
  INGEST_ALLOWED_UPTO_MS_DEFAULT,
  RESERVED_KEYS,
  parseFirehoseBase64,
  parseFirehoseRecord,
  type ColumnType,
  type RecordOptions,
  type RecordVerdict,
  type Row,
  type RowTypes,
} from './openobserve/record';
export { assertRecordStoredAsIs, assertStoredAsIs, recordLines, storedAsIsProblem } from './openobserve/stored-as-is';
export { COLS_PER_RECORD_LIMIT, checkTypeStability, type TypeConflict, type TypeStability } from './openobserve/type-stability';
export { normaliseKey, flattenObject, FLATTEN_LEVEL_DEFAULT } from './openobserve/flatten';
export { sniffOtlpMetrics } from './openobserve/otlp-sniff';
