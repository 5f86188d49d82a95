import { median, quantile, spread } from '../../../bench/stats';

describe('bench stats', () => {
  test('median of an odd and an even number of runs, in any order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('quantiles interpolate between ranks; an empty series is NaN', () => {
    expect(quantile([10, 20, 30, 40, 50], 0.1)).toBeCloseTo(14);
    expect(quantile([10, 20, 30, 40, 50], 0.9)).toBeCloseTo(46);
    expect(quantile([], 0.5)).toBeNaN();
  });

  test('spread gives the median, the range and the 10th–90th percentiles', () => {
    expect(spread([5, 1, 9, 3, 7])).toEqual({ median: 5, min: 1, max: 9, p10: 1.8, p90: 8.2 });
  });
});
