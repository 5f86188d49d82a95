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
import { CATEGORIES, OUTCOMES, SCHEMA_VERSION, type NormalisedRecord } from './schema';

const LINE_START = '{\t"_timestamp":';
const SCHEMA_VERSION_FIELD = `,"schema_version":${SCHEMA_VERSION}`;

/**
 * `,"category":"sign_in","outcome":"success"` for every pair: both values are ours, so the pair is written
 * once at load and costs the line one piece instead of four.
 */
const CATEGORY_OUTCOME: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(
  CATEGORIES.map((category) => [category, new Map(OUTCOMES.map((outcome) => [outcome, `,"category":${JSON.stringify(category)},"outcome":${JSON.stringify(outcome)}`]))]),
);

function categoryAndOutcome(category: string, outcome: string): string {
  return CATEGORY_OUTCOME.get(category)?.get(outcome) ?? `,"category":${JSON.stringify(category)},"outcome":${JSON.stringify(outcome)}`;
}

/**
 * What JSON.stringify escapes in a string: the quote, the backslash, control characters, and surrogates
 * (only lone ones, but telling those apart is left to stringifyText). A string without any is its own JSON
 * text between quotes, non-ASCII letters included.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what JSON must escape
const NEEDS_ESCAPE = /["\\\x00-\x1f\ud800-\udfff]/;

/**
 * `,"name":"value"` of a string field, from `open` (`,"name":"`, the opening quote of the value included).
 * A value that needs no escape (`plain`: the caller vouches for every string of the record) goes between
 * the quotes as it is, about twice as fast as JSON.stringify; any other through JSON.stringify.
 */
function stringField(open: string, value: string, plain: boolean): string {
  return plain || !NEEDS_ESCAPE.test(value) ? open + value + '"' : open.slice(0, -1) + stringifyText(value);
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
 * several times cheaper than keyed ones (record-line.test.ts checks the order against the table). Each `+`
 * of longer strings makes a rope node that the encoder walks and the garbage collector sweeps, so the line
 * has as few pieces as it can: constant pieces are whole (the category and outcome pair, a boolean with its
 * name), a plain string field is three.
 * json fields hold JSON text (`"{\"a\":1}"`) or, with PAYLOAD_MODE=nested, an object. `plainStrings`: every
 * string field is known to be its own JSON text between quotes (an event whose text had no backslash, see
 * decode-record.ts, and values derived from it: digits, hashes, truncated addresses).
 * @example recordLine({ _timestamp: 1741944413000000, schema_version: 1, category: 'sign_in', outcome: 'success' })
 * // '{\t"_timestamp":1741944413000000,"schema_version":1,"category":"sign_in","outcome":"success"}\n'
 */
export function recordLine(record: NormalisedRecord, plainStrings = false): string {
  let line = LINE_START + String(record._timestamp);
  if (record.event_time !== undefined) line += stringField(',"event_time":"', record.event_time, plainStrings);
  line += SCHEMA_VERSION_FIELD;
  if (record.event_id !== undefined) line += stringField(',"event_id":"', record.event_id, plainStrings);
  if (record.event_name !== undefined) line += stringField(',"event_name":"', record.event_name, plainStrings);
  if (record.event_source !== undefined) line += stringField(',"event_source":"', record.event_source, plainStrings);
  if (record.event_type !== undefined) line += stringField(',"event_type":"', record.event_type, plainStrings);
  line += categoryAndOutcome(record.category, record.outcome);
  if (record.error_code !== undefined) line += stringField(',"error_code":"', record.error_code, plainStrings);
  if (record.error_message !== undefined) line += stringField(',"error_message":"', record.error_message, plainStrings);
  if (record.http_status !== undefined) line += ',"http_status":' + String(record.http_status);
  if (record.aws_account_id !== undefined) line += stringField(',"aws_account_id":"', record.aws_account_id, plainStrings);
  if (record.aws_region !== undefined) line += stringField(',"aws_region":"', record.aws_region, plainStrings);
  if (record.user_pool_id !== undefined) line += stringField(',"user_pool_id":"', record.user_pool_id, plainStrings);
  if (record.user_pool_domain !== undefined) line += stringField(',"user_pool_domain":"', record.user_pool_domain, plainStrings);
  if (record.client_id !== undefined) line += stringField(',"client_id":"', record.client_id, plainStrings);
  if (record.identity_pool_id !== undefined) line += stringField(',"identity_pool_id":"', record.identity_pool_id, plainStrings);
  if (record.identity_id !== undefined) line += stringField(',"identity_id":"', record.identity_id, plainStrings);
  if (record.user_sub !== undefined) line += stringField(',"user_sub":"', record.user_sub, plainStrings);
  if (record.username !== undefined) line += stringField(',"username":"', record.username, plainStrings);
  if (record.auth_flow !== undefined) line += stringField(',"auth_flow":"', record.auth_flow, plainStrings);
  if (record.challenge_name !== undefined) line += stringField(',"challenge_name":"', record.challenge_name, plainStrings);
  if (record.grant_type !== undefined) line += stringField(',"grant_type":"', record.grant_type, plainStrings);
  if (record.identity_provider !== undefined) line += stringField(',"identity_provider":"', record.identity_provider, plainStrings);
  if (record.source_ip !== undefined) line += stringField(',"source_ip":"', record.source_ip, plainStrings);
  if (record.user_agent !== undefined) line += stringField(',"user_agent":"', record.user_agent, plainStrings);
  if (record.device_name !== undefined) line += stringField(',"device_name":"', record.device_name, plainStrings);
  if (record.city !== undefined) line += stringField(',"city":"', record.city, plainStrings);
  if (record.country !== undefined) line += stringField(',"country":"', record.country, plainStrings);
  if (record.principal_type !== undefined) line += stringField(',"principal_type":"', record.principal_type, plainStrings);
  if (record.principal_arn !== undefined) line += stringField(',"principal_arn":"', record.principal_arn, plainStrings);
  if (record.request_id !== undefined) line += stringField(',"request_id":"', record.request_id, plainStrings);
  if (record.read_only !== undefined) line += record.read_only ? ',"read_only":true' : ',"read_only":false';
  if (record.tls_version !== undefined) line += stringField(',"tls_version":"', record.tls_version, plainStrings);
  if (record.risk_level !== undefined) line += stringField(',"risk_level":"', record.risk_level, plainStrings);
  if (record.risk_decision !== undefined) line += stringField(',"risk_decision":"', record.risk_decision, plainStrings);
  if (record.compromised_credentials !== undefined) line += record.compromised_credentials ? ',"compromised_credentials":true' : ',"compromised_credentials":false';
  if (record.challenges !== undefined) line += ',"challenges":' + jsonField(record.challenges);
  if (record.event_feedback !== undefined) line += stringField(',"event_feedback":"', record.event_feedback, plainStrings);
  if (record.has_context_data !== undefined) line += record.has_context_data ? ',"has_context_data":true' : ',"has_context_data":false';
  if (record.request_parameters !== undefined) line += ',"request_parameters":' + jsonField(record.request_parameters);
  if (record.response_elements !== undefined) line += ',"response_elements":' + jsonField(record.response_elements);
  if (record.additional_event_data !== undefined) line += ',"additional_event_data":' + jsonField(record.additional_event_data);
  if (record.detail !== undefined) line += ',"detail":' + jsonField(record.detail);
  if (record.restamped !== undefined) line += record.restamped ? ',"restamped":true' : ',"restamped":false';
  return `${line}}\n`;
}
