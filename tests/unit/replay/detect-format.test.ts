import { detectFormat, INCOMPLETE_JSON, itemsOfValue } from '../../../cli/replay/detect-format';
import type { JsonValueText } from '../../../cli/replay/json-values';
import type { ReplayItem } from '../../../cli/replay/types';
import {
  cloudTrailRecord,
  eventBridgeEvent,
  httpEndpointFailedRecord,
  normalisedLine,
  normalisedRecord,
  processingFailedRecord,
} from './factories';
import { firehoseEvent, userActivityEvent } from '../../helpers/factories';

const value = (json: unknown, ordinal = 1): JsonValueText & { kind: 'value' } => ({
  kind: 'value',
  text: typeof json === 'string' ? json : JSON.stringify(json),
  ordinal,
  line: 1,
  shared: false,
  structured: true,
});
const items = (json: unknown): ReplayItem[] => [...itemsOfValue(value(json), 'obj')];

describe('detectFormat', () => {
  test.each([
    ['an EventBridge event', eventBridgeEvent(), 'eventbridge-event'],
    ['a CloudTrail log file', { Records: [cloudTrailRecord()] }, 'cloudtrail-log'],
    ['a bare CloudTrail record', cloudTrailRecord(), 'cloudtrail-record'],
    ['a Firehose transformation event', firehoseEvent([eventBridgeEvent()]), 'firehose-transformation-event'],
    ['a processing-failed backup record', processingFailedRecord(eventBridgeEvent()), 'firehose-backup-record'],
    ['an http-endpoint-failed backup record', httpEndpointFailedRecord(normalisedLine(normalisedRecord())), 'firehose-backup-record'],
    ['a normalised record', normalisedRecord(), 'normalised-record'],
    ['a Cognito user activity log event', userActivityEvent(), 'user-pool-log'],
  ])('recognises %s by its content', (_name, json, format) => {
    expect(detectFormat(json)).toBe(format);
  });

  test.each([['an array', []], ['a string', 'x'], ['null', null], ['an unrelated object', { hello: 'world' }]])('recognises nothing in %s', (_n, json) => {
    expect(detectFormat(json)).toBeUndefined();
  });
});

describe('itemsOfValue', () => {
  test('passes an EventBridge event through as an event', () => {
    const event = eventBridgeEvent();
    expect(items(event)).toEqual([{ kind: 'event', event, location: 'obj:1' }]);
  });

  test('wraps each record of a CloudTrail log file, naming its index', () => {
    const records = [cloudTrailRecord(), cloudTrailRecord({ eventType: 'AwsServiceEvent' }), 7];
    const result = items({ Records: records });
    expect(result.map((item) => [item.kind, item.location])).toEqual([
      ['event', 'obj:1 Records[0]'],
      ['event', 'obj:1 Records[1]'],
      ['unreadable', 'obj:1 Records[2]'],
    ]);
    expect(result[1]!.kind === 'event' && result[1]!.event['detail-type']).toBe('AWS Service Event via CloudTrail');
  });

  test('a user activity log event is a log item, which no rule decides on', () => {
    const event = userActivityEvent();
    expect(items(event)).toEqual([{ kind: 'log', event, location: 'obj:1' }]);
  });

  test('a Firehose record of several events gives one item per event, naming each', () => {
    const [one, two] = [userActivityEvent(), userActivityEvent({ eventId: 'second' })];
    const result = items(firehoseEvent([`${JSON.stringify(one)}\n${JSON.stringify(two)}\n`]));
    expect(result).toEqual([
      { kind: 'log', event: one, location: 'obj:1 records[0] event 1' },
      { kind: 'log', event: two, location: 'obj:1 records[0] event 2' },
    ]);
  });

  test('an http-endpoint-failed record of several normalised lines gives one normalised item per line', () => {
    const [one, two] = [normalisedRecord(), normalisedRecord()];
    const result = items(httpEndpointFailedRecord(normalisedLine(one) + normalisedLine(two)));
    expect(result).toEqual([
      { kind: 'normalised', record: one, raw: JSON.stringify(one), location: 'obj:1 event 1' },
      { kind: 'normalised', record: two, raw: JSON.stringify(two), location: 'obj:1 event 2' },
    ]);
  });

  test('decodes each record of a Firehose transformation event', () => {
    const event = eventBridgeEvent();
    const result = items(firehoseEvent([event, normalisedRecord()]));
    expect(result[0]).toEqual({ kind: 'event', event, location: 'obj:1 records[0]' });
    expect(result[1]!.kind).toBe('normalised');
  });

  test('a processing-failed record yields the original event, to transform', () => {
    const event = eventBridgeEvent();
    expect(items(processingFailedRecord(event))).toEqual([{ kind: 'event', event, location: 'obj:1' }]);
  });

  test('an http-endpoint-failed record yields the normalised record as sent, to pass through', () => {
    const record = normalisedRecord();
    const line = normalisedLine(record);
    expect(items(httpEndpointFailedRecord(line))).toEqual([{ kind: 'normalised', record, raw: line, location: 'obj:1' }]);
  });

  test('a backup record whose rawData is not JSON is unreadable, with a reason and no content', () => {
    const result = items(processingFailedRecord('secret-looking text that is not json'));
    expect(result).toEqual([{ kind: 'unreadable', reason: 'record is not JSON', location: 'obj:1' }]);
  });

  test('text that is not JSON, or JSON of no known kind, is unreadable and never quoted', () => {
    const [bad] = [...itemsOfValue({ ...value('{"password":"hunter2"', 3), line: 2, shared: true }, 'obj')];
    expect(bad).toEqual({ kind: 'unreadable', reason: 'not JSON', location: 'obj:2#3' });
    expect(items({ hello: 'world' })[0]!.kind).toBe('unreadable');
  });

  test('a broken value is unreadable as incomplete JSON, at its line or lines', () => {
    const one = [...itemsOfValue({ kind: 'broken', line: 7, lines: 1, ordinal: 7, shared: false }, 'obj')];
    const two = [...itemsOfValue({ kind: 'broken', line: 7, lines: 2, ordinal: 7, shared: false }, 'obj')];
    expect(one).toEqual([{ kind: 'unreadable', reason: INCOMPLETE_JSON, location: 'obj:7' }]);
    expect(two[0]!.location).toBe('obj:7–8');
  });
});
