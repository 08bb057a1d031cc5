/**
 * Adjusted p-values for a family of tests (one chart's gaps, or its AF rates
 * against the baseline). Input order is kept; a null p-value (no test) is not
 * part of the family and stays null. A hypothesis is rejected at level α when
 * its adjusted p-value is ≤ α.
 */

export const MULTIPLICITY_METHODS = ["holm", "bh"] as const;
export type MultiplicityMethod = (typeof MULTIPLICITY_METHODS)[number];
/** The levels the charts offer for flagging. */
export const ALPHAS = [0.01, 0.05, 0.1] as const;

/**
 * Holm (1979), "A simple sequentially rejective multiple test procedure",
 * Scand J Statist 6:65–70: controls the family-wise error rate. The i-th
 * smallest of m p-values is multiplied by m − i + 1, then made non-decreasing.
 */
export function holmAdjust(pValues: (number | null)[]): (number | null)[] {
  return adjust(pValues, (sorted, m) => {
    let running = 0;
    return sorted.map((p, i) => (running = Math.max(running, Math.min(1, (m - i) * p))));
  });
}

/**
 * Benjamini & Hochberg (1995), "Controlling the false discovery rate", JRSS B
 * 57:289–300: controls the expected share of false discoveries. The i-th
 * smallest of m p-values is multiplied by m / i, then made non-decreasing from
 * the largest down (the step-up).
 */
export function benjaminiHochbergAdjust(pValues: (number | null)[]): (number | null)[] {
  return adjust(pValues, (sorted, m) => {
    const adjusted = new Array<number>(sorted.length);
    let running = 1;
    for (let i = sorted.length - 1; i >= 0; i--) adjusted[i] = running = Math.min(running, (m / (i + 1)) * sorted[i]);
    return adjusted;
  });
}

export const ADJUST: Record<MultiplicityMethod, (pValues: (number | null)[]) => (number | null)[]> = {
  holm: holmAdjust,
  bh: benjaminiHochbergAdjust,
};

function adjust(pValues: (number | null)[], bySorted: (sorted: number[], m: number) => number[]): (number | null)[] {
  const family = pValues.flatMap((p, index) => {
    if (p === null) return [];
    if (!(p >= 0 && p <= 1)) throw new RangeError(`Invalid p-value ${p} at ${index}`);
    return [{ p, index }];
  });
  family.sort((x, y) => x.p - y.p || x.index - y.index);
  const adjusted = bySorted(
    family.map((entry) => entry.p),
    family.length,
  );
  const result: (number | null)[] = pValues.map(() => null);
  family.forEach((entry, rank) => (result[entry.index] = adjusted[rank]));
  return result;
}
