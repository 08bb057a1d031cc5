import factorialln from "@stdlib/math-base-special-factorialln";

/**
 * Exact two-sided tests behind the charts' p-values. Pure functions over
 * counts.
 *
 * A chart tests 150 variations of thousands of samples each, so the sums run
 * over the pmf by its ratio recurrence, one multiplication a term, from
 * anchors computed from log-factorials (stdlib's, accurate to the last bits):
 * far faster than a distribution call per term, and exact to ~1e-12
 * relative, far below anything the p-values are read at.
 */

const lnChoose = (n: number, k: number) => factorialln(n) - factorialln(k) - factorialln(n - k);

/**
 * McNemar's exact (conditional) test of paired proportions: given the
 * b + c discordant pairs, b is Binomial(b + c, 1/2) under the null, and the
 * two-sided p-value is twice the smaller tail, at most 1 (Fagerland, Lydersen
 * & Laake 2013, BMC Med Res Methodol 13:91, eq. 1). `b` = positive in the first
 * condition only, `c` = in the second only. No discordant pair: p = 1.
 */
export function mcnemarExact(b: number, c: number): number {
  assertCounts([b, c]);
  const n = b + c;
  const k = Math.min(b, c);
  if (n === 0 || 2 * k === n) return 1;
  // P(X ≤ k), summed from k down: pmf(i − 1) = pmf(i) · i / (n − i + 1).
  let term = Math.exp(lnChoose(n, k) - n * Math.LN2);
  let tail = 0;
  for (let i = k; i >= 0 && term > tail * 1e-17; i--) {
    tail += term;
    term *= i / (n - i + 1);
  }
  return Math.min(1, 2 * tail);
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
  const lf = factorialln;
  const constant = lf(successes) + lf(total - successes) + lf(group1) + lf(total - group1) - lf(total);
  const pmf = (k: number) => Math.exp(constant - lf(k) - lf(successes - k) - lf(group1 - k) - lf(total - successes - group1 + k));
  // pmf(k + 1) / pmf(k), from the factorials' ratios.
  const up = (k: number) => ((successes - k) * (group1 - k)) / ((k + 1) * (total - successes - group1 + k + 1));
  const threshold = pmf(a) * (1 + 1e-7);
  const mode = Math.min(highest, Math.max(lowest, Math.floor(((group1 + 1) * (successes + 1)) / (total + 2))));
  const atMode = pmf(mode);
  // The observed table is (about) as likely as the most likely one: every table counts.
  if (atMode <= threshold) return 1;
  // The pmf is unimodal: the tables no more likely than the observed one form two tails. Walk out
  // from the mode on each side, past the more likely tables, then sum the tail.
  const tail = (step: 1 | -1, end: number) => {
    let term = atMode;
    let k = mode;
    const next = () => {
      term = step > 0 ? term * up(k) : term / up(k - 1);
      k += step;
    };
    while (term > threshold) {
      if (k === end) return 0;
      next();
    }
    let sum = 0;
    while (term > sum * 1e-17) {
      sum += term;
      if (k === end) break;
      next();
    }
    return sum;
  };
  return Math.min(1, tail(-1, lowest) + tail(1, highest));
}

function assertCounts(counts: number[]) {
  for (const count of counts) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`Invalid count: ${count}`);
  }
}
