import { itemEventId, itemEventTimeMs, parseTimeOption } from '../../../cli/replay/event-time';
import { cloudTrailRecord, eventBridgeEvent, normalisedRecord } from './factories';

const NOW = Date.parse('2025-06-17T12:00:00Z');

describe('parseTimeOption', () => {
  test.each([
    ['2025-06-17T08:00:00Z', Date.parse('2025-06-17T08:00:00Z')],
    ['2025-06-17T10:00:00+02:00', Date.parse('2025-06-17T08:00:00Z')],
    ['2025-06-17', Date.parse('2025-06-17T00:00:00Z')],
    ['30m', NOW - 30 * 60_000],
    ['6h', NOW - 6 * 3600_000],
    ['7d', NOW - 7 * 86_400_000],
  ])('reads %s', (text, expected) => {
    expect(parseTimeOption(text, NOW)).toBe(expected);
  });

  test.each(['yesterday', '6 hours', '2025-13-01', ''])('refuses %j', (text) => {
    expect(parseTimeOption(text, NOW)).toBeUndefined();
  });
});

describe('itemEventTimeMs and itemEventId', () => {
  test('an event: detail.eventTime, else the envelope time; detail.eventID, else the envelope id', () => {
    const event = eventBridgeEvent(cloudTrailRecord({ eventTime: '2025-06-17T08:00:01Z', eventID: 'x' }), { time: '2025-06-17T09:00:00Z', id: 'env' });
    expect(itemEventTimeMs({ kind: 'event', event, location: 'l' })).toBe(Date.parse('2025-06-17T08:00:01Z'));
    expect(itemEventId({ kind: 'event', event, location: 'l' })).toBe('x');
    const bare = { ...event, detail: {} };
    expect(itemEventTimeMs({ kind: 'event', event: bare, location: 'l' })).toBe(Date.parse('2025-06-17T09:00:00Z'));
    expect(itemEventId({ kind: 'event', event: bare, location: 'l' })).toBe('env');
  });

  test('a normalised record: event_time, else _timestamp; event_id', () => {
    const record = normalisedRecord({ event_time: undefined, _timestamp: 1750147200000000, event_id: 'n' });
    expect(itemEventTimeMs({ kind: 'normalised', record, raw: '', location: 'l' })).toBe(1750147200000);
    expect(itemEventId({ kind: 'normalised', record, raw: '', location: 'l' })).toBe('n');
  });

  test('unreadable items have neither', () => {
    expect(itemEventTimeMs({ kind: 'unreadable', reason: 'r', location: 'l' })).toBeUndefined();
    expect(itemEventId({ kind: 'unreadable', reason: 'r', location: 'l' })).toBeUndefined();
  });
});
