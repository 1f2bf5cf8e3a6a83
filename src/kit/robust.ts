/**
 * Robust statistics for baselines: medians, the median absolute deviation and percentiles of
 * small sorted samples (weekly buckets, peer groups), so one odd week or one heavy peer cannot
 * move the baseline the way a mean and standard deviation would.
 *
 * @packageDocumentation
 */

/** Scales a median absolute deviation to a standard deviation under normality. */
export const MAD_TO_SD = 1.4826;

/** Sorted copy of numbers, ascending. */
export function sortedNumbers(values: Iterable<number>): number[] {
  return [...values].sort((a, b) => a - b);
}

/** The q-quantile (0 to 1) of an ascending array by linear interpolation; undefined when empty. */
export function quantileSorted(sorted: readonly number[], q: number): number | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

/** The median of an ascending array; undefined when empty. */
export function medianSorted(sorted: readonly number[]): number | undefined {
  return quantileSorted(sorted, 0.5);
}

/** Median and median absolute deviation of a sample (any order); undefined when empty. */
export function medianAndMad(values: readonly number[]): { readonly median: number; readonly mad: number } | undefined {
  const sorted = sortedNumbers(values);
  const median = medianSorted(sorted);
  if (median === undefined) return undefined;
  const mad = medianSorted(sortedNumbers(sorted.map((v) => Math.abs(v - median)))) as number;
  return { median, mad };
}

/**
 * The q-quantile of an ascending array with one occurrence of `self` left out, without copying
 * it: a subject's peers are the group without the subject. Undefined when nothing is left.
 */
export function quantileWithout(sorted: readonly number[], self: number, q: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < self) lo = mid + 1;
    else hi = mid;
  }
  const skip = sorted[lo] === self ? lo : -1;
  const n = skip === -1 ? sorted.length : sorted.length - 1;
  if (n === 0) return undefined;
  const at = (p: number): number => sorted[skip !== -1 && p >= skip ? p + 1 : p] as number;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const a = Math.floor(pos);
  const b = Math.min(n - 1, a + 1);
  return at(a) + (at(b) - at(a)) * (pos - a);
}
