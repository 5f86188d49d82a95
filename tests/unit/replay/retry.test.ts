import { backoffDelayMs } from '../../../cli/replay/sinks/retry';

describe('backoffDelayMs', () => {
  test('starts at 1 s and doubles', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, 0.5))).toEqual([1000, 2000, 4000, 8000]);
  });

  test('jitters by at most 15 % either way', () => {
    expect(backoffDelayMs(1, 0)).toBe(850);
    expect(backoffDelayMs(1, 0.999999)).toBe(1150);
  });

  test('caps at 2 minutes', () => {
    expect(backoffDelayMs(20, 0.5)).toBe(120_000);
  });
});
