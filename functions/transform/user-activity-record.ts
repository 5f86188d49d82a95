/**
 * A Cognito user-pool log event → the normalised record. Threat protection's user activity logs
 * (`eventSource: USER_ACTIVITY`, Plus feature plan) reach the stream through log delivery, not CloudTrail
 * (Amazon Cognito Developer Guide, "Exporting logs from Amazon Cognito user pools"):
 * `{eventTimestamp: "<epoch ms>", eventSource, logLevel, message: {eventId, eventType, userSub, userName,
 * userPoolId, clientId, eventResponse, riskLevel, riskDecision, challenges, ipAddress, city, country, …},
 * logSourceId: {userPoolId}}`. AWS says the schema "is subject to change" and "some fields might be logged
 * with null values": every field is read for its type or left out, and what no field holds is kept in
 * `detail`, pruned of empty values and of what the fields took, in the shape it came in.
 */
import type { TransformConfig } from './config';
import { epochTextMicros, javaDateMicros, placeInIngestWindow } from './event-time';
import { asObject, booleanValue, hasEntries, textValue, type JsonObject } from './field-values';
import { withoutLoneSurrogates } from './json-text';
import { payloadField } from './payload';
import { recordLine } from './record-line';
import { regionOfUserPoolId } from './resource-ids';
import { SCHEMA_VERSION, type Category, type NormalisedRecord, type Outcome } from './schema';
import { truncateSourceIp } from './source-ip';
import type { BatchContext, TransformOutcome } from './types';
import { usernameField, usernameScrubber } from './username';

/** `eventSource` of threat protection's user activity logs. */
export const USER_ACTIVITY_SOURCE = 'USER_ACTIVITY';
/** `event_type` of a user activity record, and of any other user-pool log event. */
export const USER_ACTIVITY_EVENT_TYPE = 'UserActivity';
export const USER_POOL_LOG_EVENT_TYPE = 'UserPoolLog';

/** `message.eventType` → category (AdminListUserAuthEvents' EventType: the same five names). */
const EVENT_TYPE_CATEGORIES: ReadonlyMap<string, Category> = new Map([
  ['SignIn', 'sign_in'],
  ['SignUp', 'sign_up'],
  // A code sent again: ResendConfirmationCode, which is sign_up in the API table too.
  ['ResendCode', 'sign_up'],
  ['ForgotPassword', 'password'],
  ['PasswordChange', 'password'],
]);

/** `message.eventResponse` → outcome; `InProgress` (a challenge still to answer) is no result yet. */
const EVENT_RESPONSE_OUTCOMES: ReadonlyMap<string, Outcome> = new Map([
  ['Pass', 'success'],
  ['Fail', 'failure'],
  ['InProgress', 'unknown'],
]);

/** How a mapped `message` key is read; a value the reading does not take stays in `detail`. */
type Reading = 'text' | 'flag' | 'list' | 'response';

const MESSAGE_FIELDS: ReadonlyMap<string, Reading> = new Map([
  ['eventId', 'text'],
  ['eventType', 'text'],
  ['userSub', 'text'],
  ['userName', 'text'],
  ['userPoolId', 'text'],
  ['clientId', 'text'],
  ['eventResponse', 'response'],
  ['riskLevel', 'text'],
  ['riskDecision', 'text'],
  ['challenges', 'list'],
  ['deviceName', 'text'],
  ['ipAddress', 'text'],
  ['requestId', 'text'],
  ['idpName', 'text'],
  ['compromisedCredentialDetected', 'flag'],
  ['city', 'text'],
  ['country', 'text'],
  ['eventFeedbackValue', 'text'],
  ['hasContextData', 'flag'],
]);

/** The text Cognito writes for a place or device it could not tell (`"City": "null"` in the guide's AdminListUserAuthEvents example). */
const NULL_TEXT = 'null';

/**
 * True for a JSON object shaped like a Cognito user-pool log event: an `eventSource` text and a `message`,
 * with an `eventTimestamp` or a `logSourceId`.
 */
export function isUserPoolLogEvent(input: JsonObject): boolean {
  return typeof input.eventSource === 'string' && input.message !== undefined && (input.eventTimestamp !== undefined || input.logSourceId !== undefined);
}

function taken(reading: Reading, value: unknown): boolean {
  if (value === null || value === '') return true;
  switch (reading) {
    case 'text':
      return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
    case 'flag':
      return booleanValue(value) !== undefined;
    case 'list':
      return Array.isArray(value);
    default:
      return typeof value === 'string' && EVENT_RESPONSE_OUTCOMES.has(value);
  }
}

/** An object without a prototype: a parsed `"__proto__"` key set on it stays an ordinary key. */
function bare(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/**
 * What no field holds: unknown top-level keys and `message` keys, mapped keys whose value was of no type
 * their field reads, minus null and empty values; undefined when nothing is left.
 */
function remainderOf(input: JsonObject, message: JsonObject | undefined, timeTaken: boolean): JsonObject | undefined {
  const out = bare();
  for (const key in input) {
    const value = input[key];
    if (value === null || value === '' || key === 'message') continue;
    if (key === 'eventSource' && typeof value === 'string') continue;
    if (key === 'eventTimestamp' && timeTaken) continue;
    if (key === 'logSourceId') {
      const source = asObject(value);
      if (source !== undefined && Object.keys(source).every((k) => k === 'userPoolId' && typeof source[k] === 'string')) continue;
    }
    out[key] = value;
  }
  if (message === undefined) {
    if (input.message !== null && input.message !== '') out.message = input.message;
  } else {
    const rest = bare();
    for (const key in message) {
      const value = message[key];
      const reading = MESSAGE_FIELDS.get(key);
      if (value === null || value === '' || (reading !== undefined && taken(reading, value))) continue;
      rest[key] = value;
    }
    if (hasEntries(rest)) out.message = rest;
  }
  return hasEntries(out) ? out : undefined;
}

/** A place or device name; Cognito's `"null"` text is none. */
function placeText(value: unknown): string | undefined {
  const text = textValue(value);
  return text === NULL_TEXT ? undefined : text;
}

/** `message.challenges` as JSON text, when it is a non-empty array. */
function challengesText(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return withoutLoneSurrogates(JSON.stringify(value));
}

function eventTimeText(micros: number): string {
  return new Date(Math.floor(micros / 1000)).toISOString();
}

/**
 * Normalises one user-pool log event (see {@link isUserPoolLogEvent}). `context` gives the account, which
 * the event does not name. `plainStrings`: see `normaliseEvent`.
 * @example normaliseUserPoolLog(JSON.parse(signInLogEvent), arrivalMs, config, nowMs, false, { awsAccountId: '111122223333' })
 * // { kind: 'ok', line: '{\t"_timestamp":…,"event_type":"UserActivity","category":"sign_in",…}\n', … }
 */
export function normaliseUserPoolLog(
  input: JsonObject,
  arrivalMs: number,
  config: TransformConfig,
  nowMs: number,
  plainStrings = false,
  context: BatchContext = {},
): TransformOutcome {
  const message = asObject(input.message);
  const fields: JsonObject = message ?? {};
  const eventName = textValue(fields.eventType);
  if (eventName !== undefined && config.excludeEventNames.matches(eventName)) {
    return { kind: 'dropped', reason: 'event name is in EXCLUDE_EVENT_NAMES' };
  }
  const eventSource = textValue(input.eventSource);
  const stampedUs = epochTextMicros(input.eventTimestamp);
  const eventUs = stampedUs ?? javaDateMicros(fields.creationDate);
  const placed = placeInIngestWindow(eventUs ?? Math.trunc(arrivalMs) * 1000, nowMs, config);
  const userPoolId = textValue(fields.userPoolId) ?? textValue(asObject(input.logSourceId)?.userPoolId);
  const clientId = textValue(fields.clientId);
  const usernameScope = userPoolId ?? clientId;
  const sourceIp = textValue(fields.ipAddress);
  const response = fields.eventResponse;
  const remainder = remainderOf(input, message, stampedUs !== undefined);

  const record: NormalisedRecord = {
    _timestamp: placed.timestamp,
    event_time: eventUs === undefined ? undefined : eventTimeText(eventUs),
    schema_version: SCHEMA_VERSION,
    event_id: textValue(fields.eventId),
    event_name: eventName,
    event_source: eventSource,
    event_type: eventSource === USER_ACTIVITY_SOURCE ? USER_ACTIVITY_EVENT_TYPE : USER_POOL_LOG_EVENT_TYPE,
    category: (eventName !== undefined ? EVENT_TYPE_CATEGORIES.get(eventName) : undefined) ?? 'other',
    outcome: (typeof response === 'string' ? EVENT_RESPONSE_OUTCOMES.get(response) : undefined) ?? 'unknown',
    aws_account_id: context.awsAccountId,
    aws_region: userPoolId === undefined ? undefined : regionOfUserPoolId(userPoolId),
    user_pool_id: userPoolId,
    client_id: clientId,
    user_sub: textValue(fields.userSub),
    username: usernameField(config.usernameMode, usernameScope, textValue(fields.userName)),
    identity_provider: textValue(fields.idpName),
    source_ip: sourceIp !== undefined && config.sourceIpMode === 'truncate' ? truncateSourceIp(sourceIp) : sourceIp,
    device_name: placeText(fields.deviceName),
    city: placeText(fields.city),
    country: placeText(fields.country),
    request_id: textValue(fields.requestId),
    risk_level: textValue(fields.riskLevel),
    risk_decision: textValue(fields.riskDecision),
    compromised_credentials: booleanValue(fields.compromisedCredentialDetected),
    challenges: challengesText(fields.challenges),
    event_feedback: textValue(fields.eventFeedbackValue),
    has_context_data: booleanValue(fields.hasContextData),
    detail: remainder === undefined ? undefined : payloadField(remainder, config.payloadMode, usernameScrubber(config.usernameMode, usernameScope)),
    restamped: placed.restamped ? true : undefined,
  };
  return { kind: 'ok', line: recordLine(record, plainStrings), record, restamped: placed.restamped };
}
