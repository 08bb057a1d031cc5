/**
 * Confidence intervals for rates and differences of rates. Pure functions;
 * every interval the charts, the CSV and the API show goes through here.
 *
 * The integer entry points (`wilson`, `newcombeIndependent`, `newcombePaired`)
 * take counts and check them. The `...At` forms take a proportion and a
 * possibly fractional sample size: the design-effect adjustment
 * (design-effect.ts) evaluates the same formulas at an effective n.
 */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for x successes out of n (Wilson 1927; Newcombe 1998,
 * "Two-sided confidence intervals for the single proportion", method 3).
 * Unlike the normal approximation it stays inside [0, 1] and is sensible at
 * 0%, 100% and small n. n = 0 has no estimate: null.
 */
export function wilson(successes: number, n: number, z = Z95): Interval | null {
  assertCount(successes, n);
  return n === 0 ? null : wilsonAt(successes / n, n, z);
}

/** The Wilson interval of a proportion p observed on n (n may be fractional: an effective sample size). */
export function wilsonAt(p: number, n: number, z = Z95): Interval {
  if (!(n > 0) || !(p >= 0 && p <= 1)) throw new RangeError(`Invalid proportion ${p} of n = ${n}`);
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { estimate: p, lower: Math.max(0, center - half), upper: Math.min(1, center + half) };
}

/**
 * Difference p1 − p2 of two independent proportions: Newcombe's hybrid score
 * interval (1998, "Interval estimation for the difference between independent
 * proportions", method 10), built from the two Wilson intervals.
 */
export function newcombeIndependent(x1: number, n1: number, x2: number, n2: number, z = Z95): Interval | null {
  const a = wilson(x1, n1, z);
  const b = wilson(x2, n2, z);
  return a && b && squareAndAdd(a, b);
}

/** Method 10's combination of two independent Wilson intervals (the "square and add" of their half-widths). */
export function squareAndAdd(first: Interval, second: Interval): Interval {
  const d = first.estimate - second.estimate;
  return {
    estimate: d,
    lower: d - Math.sqrt((first.estimate - first.lower) ** 2 + (second.upper - second.estimate) ** 2),
    upper: d + Math.sqrt((first.upper - first.estimate) ** 2 + (second.estimate - second.lower) ** 2),
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
 * for paired data (1998, "Improved confidence intervals for the difference
 * between binomial proportions based on paired data", Stat Med 17:2635–2650).
 * It combines the Wilson intervals of the two margins, corrected by the
 * correlation φ between the conditions, in the paper's own definition:
 * - φ = (AD − BC) / √((A+B)(C+D)(A+C)(B+D)), with the continuity correction
 *   applied to φ itself: when AD > BC the numerator is max(AD − BC − n/2, 0),
 *   otherwise AD − BC as it is. Method 10 does this although its Wilson
 *   intervals are uncorrected (method 11 corrects those too);
 * - φ = 0 when a margin is empty (the denominator is 0).
 * Every example of the paper's Table II is reproduced to its printed decimals
 * with exactly this φ, and not with the uncorrected one (intervals.test.ts).
 */
export function newcombePaired(counts: PairedCounts, z = Z95): Interval | null {
  const { yesYes, yesNo, noYes, noNo } = counts;
  for (const cell of [yesYes, yesNo, noYes, noNo]) assertCount(cell, cell);
  return yesYes + yesNo + noYes + noNo === 0 ? null : newcombePairedAt(counts, z);
}

/** Method 10 on a paired table whose cells may be fractional (cells divided by a design effect). */
export function newcombePairedAt(counts: PairedCounts, z = Z95): Interval {
  const { yesYes: a, yesNo: b, noYes: c, noNo: d } = counts;
  const n = a + b + c + d;
  const first = wilsonAt((a + b) / n, n, z);
  const second = wilsonAt((a + c) / n, n, z);
  const phi = newcombePhi(counts);
  const difference = first.estimate - second.estimate;
  const l1 = first.estimate - first.lower;
  const u1 = first.upper - first.estimate;
  const l2 = second.estimate - second.lower;
  const u2 = second.upper - second.estimate;
  const delta = Math.sqrt(Math.max(0, l1 * l1 - 2 * phi * l1 * u2 + u2 * u2));
  const epsilon = Math.sqrt(Math.max(0, u1 * u1 - 2 * phi * u1 * l2 + l2 * l2));
  return { estimate: difference, lower: Math.max(-1, difference - delta), upper: Math.min(1, difference + epsilon) };
}

/** φ as method 10 defines it: continuity-corrected when AD > BC, 0 when a margin is empty. */
export function newcombePhi({ yesYes: a, yesNo: b, noYes: c, noNo: d }: PairedCounts): number {
  const n = a + b + c + d;
  const product = (a + b) * (c + d) * (a + c) * (b + d);
  if (product === 0) return 0;
  const cross = a * d - b * c;
  const numerator = cross > 0 ? Math.max(cross - n / 2, 0) : cross;
  return numerator / Math.sqrt(product);
}

function assertCount(successes: number, n: number) {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || n < 0 || successes > n) {
    throw new RangeError(`Invalid count: ${successes} of ${n}`);
  }
}
