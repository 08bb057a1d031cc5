import binomialCdf from "@stdlib/stats-base-dists-binomial-cdf";
import hypergeometricPmf from "@stdlib/stats-base-dists-hypergeometric-pmf";

/**
 * Exact two-sided tests behind the charts' p-values. Pure functions over
 * counts; the distributions come from stdlib (accurate in the far tails, where
 * a hand-rolled sum of factorials underflows).
 */

/**
 * McNemar's exact (conditional) test of paired proportions: given the
 * b + c discordant pairs, b is Binomial(b + c, 1/2) under the null, and the
 * two-sided p-value is twice the smaller tail, at most 1 (Fagerland, Lydersen
 * & Laake 2013, BMC Med Res Methodol 13:91, eq. 1). `b` = positive in the first
 * condition only, `c` = in the second only. No discordant pair: p = 1.
 */
export function mcnemarExact(b: number, c: number): number {
  assertCounts([b, c]);
  if (b + c === 0) return 1;
  return Math.min(1, 2 * binomialCdf(Math.min(b, c), b + c, 0.5));
}

/** A 2×2 table of two independent groups: successes and failures in each. */
export interface TwoByTwo {
  successes1: number;
  failures1: number;
  successes2: number;
  failures2: number;
}

/**
 * Fisher's exact test of two independent proportions, two-sided: the
 * probability, under the hypergeometric distribution of the first cell given
 * all margins, of every table no more likely than the observed one (the
 * definition R's fisher.test and Agresti, Categorical Data Analysis §3.5.2,
 * use; "no more likely" allows a relative tolerance of 1e-7, as R does, so
 * that tables of equal probability are not split by rounding).
 */
export function fisherExact(table: TwoByTwo): number {
  const { successes1: a, failures1: b, successes2: c, failures2: d } = table;
  assertCounts([a, b, c, d]);
  const total = a + b + c + d;
  const group1 = a + b;
  const successes = a + c;
  const lowest = Math.max(0, group1 - (b + d));
  const highest = Math.min(group1, successes);
  if (lowest === highest) return 1;
  const pmf = (k: number) => hypergeometricPmf(k, total, successes, group1);
  const threshold = pmf(a) * (1 + 1e-7);
  const mode = Math.min(highest, Math.max(lowest, Math.floor(((group1 + 1) * (successes + 1)) / (total + 2))));
  // The observed table is (about) as likely as the most likely one: every table counts.
  if (pmf(mode) <= threshold) return 1;
  // The pmf is unimodal: the tables no more likely than the observed one form two tails,
  // one beyond each point where the pmf, falling away from the mode, reaches the threshold.
  const below = firstUnder(pmf, threshold, mode, lowest);
  const above = firstUnder(pmf, threshold, mode, highest);
  return Math.min(1, tailSum(pmf, below, lowest, -1) + tailSum(pmf, above, highest, 1));
}

/**
 * Walking from the mode (above the threshold) towards `end`, the first k whose
 * pmf is at most the threshold (binary search: the pmf only falls on that
 * side), or the k just past `end` when there is none (its tail is empty).
 */
function firstUnder(pmf: (k: number) => number, threshold: number, mode: number, end: number): number {
  const step = end >= mode ? 1 : -1;
  let inside = mode; // pmf(inside) > threshold
  let outside = end + step; // past the end: counts as under
  while (Math.abs(outside - inside) > 1) {
    const middle = inside + step * Math.floor(Math.abs(outside - inside) / 2);
    if (pmf(middle) <= threshold) outside = middle;
    else inside = middle;
  }
  return outside;
}

/** Σ pmf(k) from `from` outwards (`step`) to `end`, stopping once the terms no longer change the sum. */
function tailSum(pmf: (k: number) => number, from: number, end: number, step: 1 | -1): number {
  let sum = 0;
  for (let k = from; step > 0 ? k <= end : k >= end; k += step) {
    const term = pmf(k);
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return sum;
}

function assertCounts(counts: number[]) {
  for (const count of counts) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`Invalid count: ${count}`);
  }
}
