/**
 * A normalised record → its output line: compact JSON in schema order, no absent fields, and exactly the bytes
 * OpenObserve's Firehose endpoint needs (docs/reference/openobserve-firehose-ingestion.md#per-record-parsing):
 * - the second byte is a tab (`{\t"_timestamp":…`): a record that starts `{"` is misread as protobuf metrics
 *   about 2 times in 100,000, a tab makes that impossible, and it is still valid JSON;
 * - one line and one trailing `\n`: a blank line or a second line break fails the whole request;
 * - no lone UTF-16 surrogates, which OpenObserve's parser rejects (see json-text.ts): each string and object
 *   is written with them as U+FFFD.
 */
import { stringifyText, withoutLoneSurrogates } from './json-text';
import { CATEGORIES, OUTCOMES, type NormalisedRecord } from './schema';

const LINE_START = '{\t"_timestamp":';

/** `category` and `outcome` values are ours: quoted once at load. */
const QUOTED: ReadonlyMap<string, string> = new Map([...CATEGORIES, ...OUTCOMES].map((value) => [value, JSON.stringify(value)]));

function quoteConstant(value: string): string {
  return QUOTED.get(value) ?? JSON.stringify(value);
}

/** Printable ASCII except the quote and the backslash: such a string is its own JSON text between quotes. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * JSON text of a string field; the common plain-ASCII case skips JSON.stringify, about twice as fast. With
 * `plain` (the caller vouches for every string of the record) it skips the check too.
 */
function quote(value: string, plain: boolean): string {
  return plain || PLAIN_ASCII.test(value) ? `"${value}"` : stringifyText(value);
}

/**
 * JSON text of a json field: its text as a JSON string, or (PAYLOAD_MODE=nested) the object itself. The
 * line is never scanned as a whole: its escaped blob text is full of backslashes, which makes searching it
 * for surrogate escapes slow; each value is made safe on its own instead.
 */
function jsonField(value: string | Readonly<Record<string, unknown>>): string {
  return typeof value === 'string' ? stringifyText(value) : withoutLoneSurrogates(JSON.stringify(value));
}

/**
 * The full output line of `record`, trailing `\n` included. Fields are written in `SCHEMA_V1` order by
 * straight-line code rather than a loop over the table: this is the hot path, and direct property reads are
 * several times cheaper than keyed ones (record-line.test.ts checks the order against the table).
 * json fields hold JSON text (`"{\"a\":1}"`) or, with PAYLOAD_MODE=nested, an object. `plainStrings`: every
 * string field is known to be its own JSON text between quotes (an event whose text had no backslash, see
 * decode-record.ts, and values derived from it: digits, hashes, truncated addresses).
 * @example recordLine({ _timestamp: 1741944413000000, schema_version: 1, category: 'sign_in', outcome: 'success' })
 * // '{\t"_timestamp":1741944413000000,"schema_version":1,"category":"sign_in","outcome":"success"}\n'
 */
export function recordLine(record: NormalisedRecord, plainStrings = false): string {
  let line = LINE_START + String(record._timestamp);
  if (record.event_time !== undefined) line += ',"event_time":' + quote(record.event_time, plainStrings);
  line += ',"schema_version":' + String(record.schema_version);
  if (record.event_id !== undefined) line += ',"event_id":' + quote(record.event_id, plainStrings);
  if (record.event_name !== undefined) line += ',"event_name":' + quote(record.event_name, plainStrings);
  if (record.event_source !== undefined) line += ',"event_source":' + quote(record.event_source, plainStrings);
  if (record.event_type !== undefined) line += ',"event_type":' + quote(record.event_type, plainStrings);
  line += ',"category":' + quoteConstant(record.category);
  line += ',"outcome":' + quoteConstant(record.outcome);
  if (record.error_code !== undefined) line += ',"error_code":' + quote(record.error_code, plainStrings);
  if (record.error_message !== undefined) line += ',"error_message":' + quote(record.error_message, plainStrings);
  if (record.http_status !== undefined) line += ',"http_status":' + String(record.http_status);
  if (record.aws_account_id !== undefined) line += ',"aws_account_id":' + quote(record.aws_account_id, plainStrings);
  if (record.aws_region !== undefined) line += ',"aws_region":' + quote(record.aws_region, plainStrings);
  if (record.user_pool_id !== undefined) line += ',"user_pool_id":' + quote(record.user_pool_id, plainStrings);
  if (record.user_pool_domain !== undefined) line += ',"user_pool_domain":' + quote(record.user_pool_domain, plainStrings);
  if (record.client_id !== undefined) line += ',"client_id":' + quote(record.client_id, plainStrings);
  if (record.identity_pool_id !== undefined) line += ',"identity_pool_id":' + quote(record.identity_pool_id, plainStrings);
  if (record.identity_id !== undefined) line += ',"identity_id":' + quote(record.identity_id, plainStrings);
  if (record.user_sub !== undefined) line += ',"user_sub":' + quote(record.user_sub, plainStrings);
  if (record.username !== undefined) line += ',"username":' + quote(record.username, plainStrings);
  if (record.auth_flow !== undefined) line += ',"auth_flow":' + quote(record.auth_flow, plainStrings);
  if (record.challenge_name !== undefined) line += ',"challenge_name":' + quote(record.challenge_name, plainStrings);
  if (record.grant_type !== undefined) line += ',"grant_type":' + quote(record.grant_type, plainStrings);
  if (record.identity_provider !== undefined) line += ',"identity_provider":' + quote(record.identity_provider, plainStrings);
  if (record.source_ip !== undefined) line += ',"source_ip":' + quote(record.source_ip, plainStrings);
  if (record.user_agent !== undefined) line += ',"user_agent":' + quote(record.user_agent, plainStrings);
  if (record.device_name !== undefined) line += ',"device_name":' + quote(record.device_name, plainStrings);
  if (record.city !== undefined) line += ',"city":' + quote(record.city, plainStrings);
  if (record.country !== undefined) line += ',"country":' + quote(record.country, plainStrings);
  if (record.principal_type !== undefined) line += ',"principal_type":' + quote(record.principal_type, plainStrings);
  if (record.principal_arn !== undefined) line += ',"principal_arn":' + quote(record.principal_arn, plainStrings);
  if (record.request_id !== undefined) line += ',"request_id":' + quote(record.request_id, plainStrings);
  if (record.read_only !== undefined) line += ',"read_only":' + (record.read_only ? 'true' : 'false');
  if (record.tls_version !== undefined) line += ',"tls_version":' + quote(record.tls_version, plainStrings);
  if (record.risk_level !== undefined) line += ',"risk_level":' + quote(record.risk_level, plainStrings);
  if (record.risk_decision !== undefined) line += ',"risk_decision":' + quote(record.risk_decision, plainStrings);
  if (record.compromised_credentials !== undefined) line += ',"compromised_credentials":' + (record.compromised_credentials ? 'true' : 'false');
  if (record.challenges !== undefined) line += ',"challenges":' + jsonField(record.challenges);
  if (record.event_feedback !== undefined) line += ',"event_feedback":' + quote(record.event_feedback, plainStrings);
  if (record.has_context_data !== undefined) line += ',"has_context_data":' + (record.has_context_data ? 'true' : 'false');
  if (record.request_parameters !== undefined) line += ',"request_parameters":' + jsonField(record.request_parameters);
  if (record.response_elements !== undefined) line += ',"response_elements":' + jsonField(record.response_elements);
  if (record.additional_event_data !== undefined) line += ',"additional_event_data":' + jsonField(record.additional_event_data);
  if (record.detail !== undefined) line += ',"detail":' + jsonField(record.detail);
  if (record.restamped !== undefined) line += ',"restamped":' + (record.restamped ? 'true' : 'false');
  return `${line}}\n`;
}
