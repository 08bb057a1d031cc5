import type { MetricResult, Rating, VotePattern } from "./types";

/**
 * Cohen's kappa for two raters (Cohen 1960): (p_o - p_e) / (1 - p_e), p_o the
 * observed share of agreement, p_e the agreement expected from each rater's
 * own marginal distribution. `table` is the 2-way contingency table: each
 * pattern's votes are [rater 1, rater 2], its count the items rated so.
 */
export function cohensKappa(table: readonly VotePattern[]): MetricResult {
  let n = 0;
  let agreed = 0;
  const first = new Map<Rating, number>();
  const second = new Map<Rating, number>();
  for (const { votes, count } of table) {
    if (votes.length !== 2) throw new Error("Cohen's kappa needs exactly two ratings per item");
    const [x, y] = votes;
    n += count;
    if (x === y) agreed += count;
    first.set(x, (first.get(x) ?? 0) + count);
    second.set(y, (second.get(y) ?? 0) + count);
  }
  if (n === 0) return { value: null, items: 0 };
  const observed = agreed / n;
  let expected = 0;
  for (const [category, count] of first) expected += (count / n) * ((second.get(category) ?? 0) / n);
  if (expected === 1) return { value: null, items: n };
  return { value: (observed - expected) / (1 - expected), items: n };
}
