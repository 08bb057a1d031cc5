import { itemByItem, type MetricResult, type Rating, type VotePattern } from "./types";

/**
 * Fleiss' kappa (Fleiss 1971) for items each rated by the same number m >= 2
 * of raters (not necessarily the same people), from the items' vote patterns.
 * P_i = (sum_j n_ij^2 - m) / (m (m - 1)); kappa = (mean P_i - P_e) / (1 - P_e),
 * P_e = sum_j p_j^2 over the categories' overall shares p_j.
 * Patterns with a different number of votes than the first are a caller error.
 */
export function fleissKappa(patterns: readonly VotePattern[]): MetricResult {
  const n = patterns.reduce((sum, pattern) => sum + pattern.count, 0);
  if (n === 0) return { value: null, items: 0 };
  const m = patterns[0].votes.length;
  if (m < 2) return { value: null, items: 0 };
  if (patterns.some((pattern) => pattern.votes.length !== m))
    throw new Error("Fleiss' kappa needs the same number of ratings for every item");
  const totals = new Map<Rating, number>();
  let sumP = 0;
  for (const { votes, count: items } of patterns) {
    const counts = new Map<Rating, number>();
    for (const vote of votes) counts.set(vote, (counts.get(vote) ?? 0) + 1);
    let squares = 0;
    for (const [category, count] of counts) {
      squares += count * count;
      totals.set(category, (totals.get(category) ?? 0) + count * items);
    }
    sumP += (items * (squares - m)) / (m * (m - 1));
  }
  const meanP = sumP / n;
  let expected = 0;
  for (const count of totals.values()) expected += (count / (n * m)) ** 2;
  if (expected === 1) return { value: null, items: n };
  return { value: (meanP - expected) / (1 - expected), items: n };
}

/** Fleiss' kappa from a subjects x categories table of counts (the form Fleiss 1971 and most textbooks print). */
export function fleissKappaFromCounts(table: readonly (readonly number[])[]): MetricResult {
  return fleissKappa(itemByItem(table.map((row) => row.flatMap((count, category) => Array<Rating>(count).fill(category)))));
}
