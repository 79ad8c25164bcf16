/**
 * Robust summaries of repeated timings. A shared machine produces outliers (a preempted sample), so
 * the centre is the median and the spread the median absolute deviation (MAD), both insensitive to a
 * few wild samples, unlike the mean and the standard deviation.
 */

/** The summary of k samples, in the samples' unit. */
export interface Summary {
  /** Number of samples. */
  readonly k: number;
  readonly median: number;
  /** Median absolute deviation from the median (unscaled: for Gaussian noise σ ≈ 1.4826·MAD). */
  readonly mad: number;
  readonly min: number;
  readonly max: number;
}

/** The median of a non-empty list (mean of the two middle values when k is even). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const s = [...values].sort((p, q) => p - q);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * Median, MAD, min and max of a non-empty list of samples.
 * @throws RangeError on an empty list
 */
export function summarize(samples: readonly number[]): Summary {
  const med = median(samples);
  return {
    k: samples.length,
    median: med,
    mad: median(samples.map((v) => Math.abs(v - med))),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}
