/**
 * Builds the Firehose record-transformation events in `events/transform/` from the EventBridge events in
 * `events/eventbridge/` and the Cognito user activity log records in `events/user-activity/`
 * (docs/reference/aws-contracts.md, "Firehose record transformation", for the shape). Pure and deterministic: fixed invocation ids,
 * record ids and arrival times, so `npm run events` run twice writes the same bytes, and a test can tell when
 * the committed files are stale.
 */
import { MAX_RECORD_BYTES } from '../../functions/transform/constants';
import type { FirehoseTransformationEvent, FirehoseTransformationEventRecord } from 'aws-lambda';

/** The transform's record limit (1,000 KiB before base64), which the oversize event exceeds by one byte. */
export { MAX_RECORD_BYTES };

/** One EventBridge event file: its name (`initiate-auth-success.json`) and its text as committed. */
export interface SourceEvent {
  readonly name: string;
  readonly text: string;
}

const DELIVERY_STREAM_ARN = 'arn:aws:firehose:eu-west-1:111122223333:deliverystream/cognito-auth-stream-DeliveryStream-Q1w2E3r4T5y6';
const REGION = 'eu-west-1';
/** Firehose record ids are long decimal strings; the suffix numbers the record within the file. */
const RECORD_ID_PREFIX = '4965987045219016345793828455132604879217321045709262029';
/** EventBridge → Firehose: records arrive a second or two after the event. */
const ARRIVAL_DELAY_MS = 1_450;
/** Arrival time of records that carry no event time of their own (garbage.json). */
const FIXED_ARRIVAL_MS = Date.UTC(2025, 5, 17, 12, 5, 0);
const VALID_SAMPLE = 'initiate-auth-success.json';
const MIXED_SAMPLES = ['initiate-auth-success.json', 'hosted-ui-login-get.json', 'admin-disable-user.json'];

/**
 * The files of `events/transform/`: name → exact text (2-space JSON, trailing newline). `activity` are the
 * files of `events/user-activity/`, each the bytes of one record (user-activity.json).
 * @example buildTransformEvents(sources, activity).get('all-samples.json')
 */
export function buildTransformEvents(sources: readonly SourceEvent[], activity: readonly SourceEvent[] = []): Map<string, string> {
  const sorted = [...sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byName = new Map(sorted.map((s) => [s.name, s]));
  const pick = (name: string): SourceEvent => {
    const source = byName.get(name);
    if (source === undefined) throw new Error(`events/eventbridge/${name} is missing; restore it or change MIXED_SAMPLES.`);
    return source;
  };
  const files = new Map<string, string>();
  files.set('all-samples.json', render(transformEvent(1, sorted.map(eventRecordData))));
  files.set('garbage.json', render(transformEvent(2, garbageRecordData(pick(VALID_SAMPLE)))));
  const mixed = MIXED_SAMPLES.map((name) => eventRecordData(pick(name)));
  mixed.splice(2, 0, { data: Buffer.from('{"version":"0","id":"truncated-', 'utf8'), arrivalMs: FIXED_ARRIVAL_MS });
  files.set('mixed.json', render(transformEvent(3, mixed)));
  if (activity.length > 0) files.set('user-activity.json', render(transformEvent(5, sortedByName(activity).map(logRecordData))));
  return files;
}

function sortedByName(sources: readonly SourceEvent[]): SourceEvent[] {
  return [...sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * A user activity log file as log delivery would put it: each event compact on its own line. A file holds
 * one JSON object (pretty-printed for reading) or several, one per line.
 */
function logRecordData(source: SourceEvent): RecordData {
  let texts: string[];
  try {
    JSON.parse(source.text);
    texts = [source.text];
  } catch {
    texts = source.text.split('\n').filter((line) => line.trim() !== '');
  }
  const events = texts.map((text) => compactJson(text));
  const times = events.map((text) => Number((JSON.parse(text) as { eventTimestamp?: unknown }).eventTimestamp));
  const lastMs = Math.max(...times.filter((ms) => Number.isFinite(ms)), FIXED_ARRIVAL_MS);
  return { data: Buffer.from(`${events.join('\n')}\n`, 'utf8'), arrivalMs: lastMs + ARRIVAL_DELAY_MS };
}

/**
 * A transformation event with one record of `MAX_RECORD_BYTES + 1` bytes (valid JSON all the same), kept out
 * of the committed files because its base64 alone is 1.3 MB. Tests build it when they need it.
 */
export function oversizeTransformEvent(): FirehoseTransformationEvent {
  const head = '{"version":"0","id":"oversize","detail-type":"AWS API Call via CloudTrail","detail":{"padding":"';
  const tail = '"}}';
  const padding = 'x'.repeat(MAX_RECORD_BYTES + 1 - head.length - tail.length);
  return transformEvent(4, [{ data: Buffer.from(head + padding + tail, 'utf8'), arrivalMs: FIXED_ARRIVAL_MS }]);
}

/**
 * JSON text without insignificant whitespace, numbers kept as written (`200.0` stays `200.0`, which a
 * `JSON.parse` → `JSON.stringify` round trip would turn into `200`). This is how EventBridge puts an event.
 */
export function compactJson(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 1;
      } else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') out += c;
  }
  return out;
}

interface RecordData {
  readonly data: Buffer | string;
  readonly arrivalMs: number;
}

function eventRecordData(source: SourceEvent): RecordData {
  const compact = compactJson(source.text);
  const time: unknown = (JSON.parse(compact) as { time?: unknown }).time;
  const eventMs = typeof time === 'string' ? Date.parse(time) : Number.NaN;
  return { data: Buffer.from(compact, 'utf8'), arrivalMs: (Number.isNaN(eventMs) ? FIXED_ARRIVAL_MS : eventMs) + ARRIVAL_DELAY_MS };
}

/** Each kind of bad record once, then one good one. A string `data` is written as is (not base64). */
function garbageRecordData(valid: SourceEvent): RecordData[] {
  const at = (data: Buffer | string): RecordData => ({ data, arrivalMs: FIXED_ARRIVAL_MS });
  return [
    at('not*base64!'),
    at(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d])),
    at(Buffer.from('not json at all', 'utf8')),
    // An array is events only when every element is an object (record-values.ts): this one is not.
    at(Buffer.from('[{"version":"0"},42]', 'utf8')),
    at(Buffer.from('"InitiateAuth"', 'utf8')),
    at(Buffer.from('42', 'utf8')),
    at(Buffer.from('null', 'utf8')),
    at(Buffer.alloc(0)),
    at(Buffer.from('{"version":"0","id":"truncated-', 'utf8')),
    { ...eventRecordData(valid), arrivalMs: FIXED_ARRIVAL_MS },
  ];
}

function transformEvent(fileNumber: number, records: readonly RecordData[]): FirehoseTransformationEvent {
  const hex = fileNumber.toString(16).padStart(2, '0');
  return {
    invocationId: `0f1e2d3c-4b5a-4697-8a8b-9c0d1e2f30${hex}`,
    deliveryStreamArn: DELIVERY_STREAM_ARN,
    region: REGION,
    records: records.map((r, i): FirehoseTransformationEventRecord => ({
      recordId: `${RECORD_ID_PREFIX}${fileNumber}${String(i).padStart(6, '0')}`,
      approximateArrivalTimestamp: r.arrivalMs,
      data: typeof r.data === 'string' ? r.data : r.data.toString('base64'),
    })),
  };
}

function render(event: FirehoseTransformationEvent): string {
  return `${JSON.stringify(event, null, 2)}\n`;
}
