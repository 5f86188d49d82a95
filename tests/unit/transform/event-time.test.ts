import { DEFAULT_TRANSFORM_CONFIG, parseTransformConfig } from '../../../functions/transform/config';
import { epochTextMicros, integerTimestampMicros, javaDateMicros, parseIsoMicros, placeInIngestWindow } from '../../../functions/transform/event-time';

const NOW_MS = Date.UTC(2025, 5, 17, 14, 0, 0);
const NOW_US = NOW_MS * 1000;

describe('parseIsoMicros', () => {
  test.each([
    ['2025-03-14T09:26:53Z', Date.UTC(2025, 2, 14, 9, 26, 53) * 1000],
    ['2025-03-14T09:26:53.123456Z', Date.UTC(2025, 2, 14, 9, 26, 53) * 1000 + 123456],
    ['2025-03-14T09:26:53.5Z', Date.UTC(2025, 2, 14, 9, 26, 53) * 1000 + 500000],
    ['2025-03-14T11:26:53+02:00', Date.UTC(2025, 2, 14, 9, 26, 53) * 1000],
    ['2025-03-14T04:26:53-0500', Date.UTC(2025, 2, 14, 9, 26, 53) * 1000],
    ['2025-03-14 09:26:53', Date.UTC(2025, 2, 14, 9, 26, 53) * 1000],
    ['2025-03-14T09:26:53', Date.UTC(2025, 2, 14, 9, 26, 53) * 1000],
  ])('reads %s', (text, micros) => {
    expect(parseIsoMicros(text)).toBe(micros);
  });

  test.each([
    ['a date only', '2025-03-14'],
    ['prose', 'Mar 14, 2025, 11:00:09 AM'],
    ['month 13', '2025-13-14T09:26:53Z'],
    ['hour 24', '2025-03-14T24:00:00Z'],
    ['letters for digits', '2025-0a-14T09:26:53Z'],
    ['a time before 1971', '1970-01-01T00:00:01Z'],
    ['a time after 2200', '2201-01-01T00:00:00Z'],
    ['a number', 1741944413000],
    ['the hidden placeholder', 'HIDDEN_DUE_TO_SECURITY_REASONS'],
    ['a very long string', `2025-03-14T09:26:53Z${' '.repeat(100)}`],
  ])('gives nothing for %s', (_name, value) => {
    expect(parseIsoMicros(value)).toBeUndefined();
  });
});

describe('integerTimestampMicros', () => {
  test('reads seconds, milliseconds, microseconds and nanoseconds by magnitude, as OpenObserve does', () => {
    expect(integerTimestampMicros(1_750_168_800)).toBe(1_750_168_800_000_000);
    expect(integerTimestampMicros(1_750_168_800_123)).toBe(1_750_168_800_123_000);
    expect(integerTimestampMicros(1_750_168_800_123_456)).toBe(1_750_168_800_123_456);
    expect(integerTimestampMicros(1_750_168_800_123_456_000)).toBeUndefined(); // not a safe integer
  });

  test('gives nothing for non-integers, zero and negative values', () => {
    expect(integerTimestampMicros(1.5)).toBeUndefined();
    expect(integerTimestampMicros(0)).toBeUndefined();
    expect(integerTimestampMicros(-1)).toBeUndefined();
    expect(integerTimestampMicros('1750168800')).toBeUndefined();
  });
});

describe('placeInIngestWindow', () => {
  const late = DEFAULT_TRANSFORM_CONFIG.lateEventSeconds * 1_000_000;

  test('keeps a timestamp inside the window', () => {
    expect(placeInIngestWindow(NOW_US - late, NOW_MS, DEFAULT_TRANSFORM_CONFIG)).toEqual({ timestamp: NOW_US - late, restamped: false });
    expect(placeInIngestWindow(NOW_US, NOW_MS, DEFAULT_TRANSFORM_CONFIG)).toEqual({ timestamp: NOW_US, restamped: false });
  });

  test('moves a timestamp older than LATE_EVENT_SECONDS to now', () => {
    expect(placeInIngestWindow(NOW_US - late - 1, NOW_MS, DEFAULT_TRANSFORM_CONFIG)).toEqual({ timestamp: NOW_US, restamped: true });
  });

  test('moves a timestamp more than 23 hours ahead to now (OpenObserve drops +24 h)', () => {
    const ahead = 23 * 3600 * 1_000_000;

    expect(placeInIngestWindow(NOW_US + ahead, NOW_MS, DEFAULT_TRANSFORM_CONFIG).restamped).toBe(false);
    expect(placeInIngestWindow(NOW_US + ahead + 1, NOW_MS, DEFAULT_TRANSFORM_CONFIG)).toEqual({ timestamp: NOW_US, restamped: true });
  });

  test('honours a shorter LATE_EVENT_SECONDS', () => {
    const config = parseTransformConfig({ LATE_EVENT_SECONDS: '60' });

    expect(placeInIngestWindow(NOW_US - 61_000_000, NOW_MS, config).restamped).toBe(true);
    expect(placeInIngestWindow(NOW_US - 59_000_000, NOW_MS, config).restamped).toBe(false);
  });

  test('leaves every timestamp with LATE_EVENT_POLICY=keep', () => {
    const config = parseTransformConfig({ LATE_EVENT_POLICY: 'keep' });

    expect(placeInIngestWindow(1, NOW_MS, config)).toEqual({ timestamp: 1, restamped: false });
    expect(placeInIngestWindow(NOW_US * 2, NOW_MS, config)).toEqual({ timestamp: NOW_US * 2, restamped: false });
  });
});

describe('epochTextMicros', () => {
  test.each([
    ['1687297330677', 1687297330677000],
    ['1687297330', 1687297330000000],
    [1687297330677, 1687297330677000],
    ['1687297330677000', 1687297330677000],
  ])('%p → %p µs', (value, micros) => {
    expect(epochTextMicros(value)).toBe(micros);
  });

  test.each([['', 'soon', ' 1687297330677', '1.5e12', '-1687297330677', '16872973306770000000000', null, {}, '12']])('%p is no time', (...values) => {
    for (const value of values) expect(epochTextMicros(value)).toBeUndefined();
  });
});

describe('javaDateMicros', () => {
  test('reads Java Date.toString() in UTC or GMT', () => {
    expect(javaDateMicros('Wed Jul 17 17:25:55 UTC 2024')).toBe(Date.UTC(2024, 6, 17, 17, 25, 55) * 1000);
    expect(javaDateMicros('Fri Dec 05 08:00:00 GMT 2025')).toBe(Date.UTC(2025, 11, 5, 8) * 1000);
  });

  test.each(['Wed Jul 17 17:25:55 PDT 2024', 'Wed Foo 17 17:25:55 UTC 2024', 'Wed Jul 17 25:25:55 UTC 2024', '2024-07-17T17:25:55Z', 'Wed Jul 17 17:25:55 UTC 1960', 42])(
    '%p is no time it can read',
    (value) => {
      expect(javaDateMicros(value)).toBeUndefined();
    },
  );
});
