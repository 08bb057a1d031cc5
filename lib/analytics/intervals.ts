/**
 * Confidence intervals for rates and differences of rates, as the charts show
 * them. Pure functions; every chart number goes through here.
 */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for x successes out of n. Unlike the normal
 * approximation it stays inside [0, 1] and is sensible at 0%, 100% and small n.
 * n = 0 has no estimate: null.
 */
export function wilson(successes: number, n: number, z = Z95): Interval | null {
  assertCount(successes, n);
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { estimate: p, lower: Math.max(0, center - half), upper: Math.min(1, center + half) };
}

/**
 * Difference p1 − p2 of two independent proportions: Newcombe's hybrid score
 * interval (1998, method 10), built from the two Wilson intervals.
 */
export function newcombeIndependent(x1: number, n1: number, x2: number, n2: number, z = Z95): Interval | null {
  const a = wilson(x1, n1, z);
  const b = wilson(x2, n2, z);
  if (!a || !b) return null;
  const d = a.estimate - b.estimate;
  return {
    estimate: d,
    lower: d - Math.sqrt((a.estimate - a.lower) ** 2 + (b.upper - b.estimate) ** 2),
    upper: d + Math.sqrt((a.upper - a.estimate) ** 2 + (b.estimate - b.lower) ** 2),
  };
}

/**
 * A paired 2×2 table: the same items judged under two conditions (here, one
 * query answered in training and in deployment). `yesYes` = positive in both,
 * `yesNo` = positive in the first only, and so on.
 */
export interface PairedCounts {
  yesYes: number;
  yesNo: number;
  noYes: number;
  noNo: number;
}

/**
 * Difference of two paired proportions (first − second): Newcombe's method 10
 * for paired data (1998), which corrects the hybrid score interval with the
 * phi correlation between the two conditions.
 */
export function newcombePaired(counts: PairedCounts, z = Z95): Interval | null {
  const { yesYes: a, yesNo: b, noYes: c, noNo: d } = counts;
  const n = a + b + c + d;
  const first = wilson(a + b, n, z);
  const second = wilson(a + c, n, z);
  if (!first || !second) return null;
  const product = (a + b) * (c + d) * (a + c) * (b + d);
  const phi = product === 0 ? 0 : (a * d - b * c) / Math.sqrt(product);
  const difference = first.estimate - second.estimate;
  const l1 = first.estimate - first.lower;
  const u1 = first.upper - first.estimate;
  const l2 = second.estimate - second.lower;
  const u2 = second.upper - second.estimate;
  const delta = Math.sqrt(Math.max(0, l1 * l1 - 2 * phi * l1 * u2 + u2 * u2));
  const epsilon = Math.sqrt(Math.max(0, u1 * u1 - 2 * phi * u1 * l2 + l2 * l2));
  return { estimate: difference, lower: Math.max(-1, difference - delta), upper: Math.min(1, difference + epsilon) };
}

function assertCount(successes: number, n: number) {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || n < 0 || successes > n) {
    throw new RangeError(`Invalid count: ${successes} of ${n}`);
  }
}
