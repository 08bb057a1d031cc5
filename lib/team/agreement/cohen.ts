import type { MetricResult, Rating } from "./types";

/**
 * Cohen's kappa for two raters (Cohen 1960): (p_o - p_e) / (1 - p_e), p_o the
 * observed share of agreement, p_e the agreement expected from each rater's
 * own marginal distribution. `pairs` holds one [rater 1, rater 2] per item
 * both rated.
 */
export function cohensKappa(pairs: readonly (readonly [Rating, Rating])[]): MetricResult {
  const n = pairs.length;
  if (n === 0) return { value: null, items: 0 };
  const first = new Map<Rating, number>();
  const second = new Map<Rating, number>();
  let agreed = 0;
  for (const [x, y] of pairs) {
    if (x === y) agreed++;
    first.set(x, (first.get(x) ?? 0) + 1);
    second.set(y, (second.get(y) ?? 0) + 1);
  }
  const observed = agreed / n;
  let expected = 0;
  for (const [category, count] of first) expected += (count / n) * ((second.get(category) ?? 0) / n);
  if (expected === 1) return { value: null, items: n };
  return { value: (observed - expected) / (1 - expected), items: n };
}
