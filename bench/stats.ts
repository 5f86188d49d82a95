/** Order statistics of a benchmark's runs: the figure is the median, the spread its range over the runs. */

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The q-quantile (0 ≤ q ≤ 1) by linear interpolation between the closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const lowValue = sorted[low] ?? Number.NaN;
  return lowValue + ((sorted[high] ?? lowValue) - lowValue) * (position - low);
}

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** 10th and 90th percentiles: the range most runs fall in, without the one outlier a busy machine makes. */
  readonly p10: number;
  readonly p90: number;
}

export function spread(values: readonly number[]): Spread {
  return {
    median: median(values),
    min: quantile(values, 0),
    max: quantile(values, 1),
    p10: quantile(values, 0.1),
    p90: quantile(values, 0.9),
  };
}
