import type { MetricResult, Rating } from "./types";

/**
 * Fleiss' kappa (Fleiss 1971) for items each rated by the same number m >= 2
 * of raters (not necessarily the same people). `items` holds each item's m
 * ratings. P_i = (sum_j n_ij^2 - m) / (m (m - 1)); kappa = (mean P_i - P_e) / (1 - P_e),
 * P_e = sum_j p_j^2 over the categories' overall shares p_j.
 * Items with a different number of ratings than the first are a caller error.
 */
export function fleissKappa(items: readonly (readonly Rating[])[]): MetricResult {
  if (items.length === 0) return { value: null, items: 0 };
  const m = items[0].length;
  if (m < 2) return { value: null, items: 0 };
  if (items.some((ratings) => ratings.length !== m)) throw new Error("Fleiss' kappa needs the same number of ratings for every item");
  const totals = new Map<Rating, number>();
  let sumP = 0;
  for (const ratings of items) {
    const counts = new Map<Rating, number>();
    for (const rating of ratings) counts.set(rating, (counts.get(rating) ?? 0) + 1);
    let squares = 0;
    for (const [category, count] of counts) {
      squares += count * count;
      totals.set(category, (totals.get(category) ?? 0) + count);
    }
    sumP += (squares - m) / (m * (m - 1));
  }
  const n = items.length;
  const meanP = sumP / n;
  let expected = 0;
  for (const count of totals.values()) expected += (count / (n * m)) ** 2;
  if (expected === 1) return { value: null, items: n };
  return { value: (meanP - expected) / (1 - expected), items: n };
}

/** Fleiss' kappa from a subjects x categories table of counts (the form Fleiss 1971 and most textbooks print). */
export function fleissKappaFromCounts(table: readonly (readonly number[])[]): MetricResult {
  return fleissKappa(table.map((row) => row.flatMap((count, category) => Array<Rating>(count).fill(category))));
}
