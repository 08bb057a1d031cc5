import { sortedCategories, type MetricResult, type Rating, type VotePattern } from "./types";

/**
 * Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's
 * alpha-reliability"), through the coincidence matrix: any number of
 * observers, missing values allowed. `patterns` holds the units' values (the
 * missing ones left out), each with the number of units that had them; units
 * with fewer than two values are not pairable and are skipped. alpha = 1 - (n - 1) * sum o_ck d_ck / sum n_c n_k d_ck.
 *
 * - nominal: d = 0 for equal values, 1 otherwise (yes/no, one of many, spans);
 * - ordinal: d_ck = (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2 over the ranked values (scales);
 * - interval: d = (c - k)^2 (numeric values).
 */
export type AlphaMetric = "nominal" | "ordinal" | "interval";

export function krippendorffsAlpha(patterns: readonly VotePattern[], metric: AlphaMetric = "nominal"): MetricResult {
  const pairable = patterns.filter((pattern) => pattern.votes.length >= 2);
  const units = pairable.reduce((sum, pattern) => sum + pattern.count, 0);
  const categories = sortedCategories(pairable.flatMap((pattern) => pattern.votes));
  const index = new Map(categories.map((category, i) => [category, i]));
  const size = categories.length;
  const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const { votes, count } of pairable) {
    const weight = count / (votes.length - 1);
    for (let i = 0; i < votes.length; i++) {
      for (let j = 0; j < votes.length; j++) {
        if (i !== j) coincidences[index.get(votes[i])!][index.get(votes[j])!] += weight;
      }
    }
  }
  const marginals = coincidences.map((row) => row.reduce((sum, x) => sum + x, 0));
  const n = marginals.reduce((sum, x) => sum + x, 0);
  const delta = distance(metric, categories, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = delta(c, k);
      observed += coincidences[c][k] * d;
      expected += marginals[c] * marginals[k] * d;
    }
  }
  if (units === 0 || expected === 0) return { value: null, items: units };
  return { value: 1 - ((n - 1) * observed) / expected, items: units };
}

function distance(metric: AlphaMetric, categories: Rating[], marginals: number[]): (c: number, k: number) => number {
  switch (metric) {
    case "nominal":
      return (c, k) => (c === k ? 0 : 1);
    case "interval":
      return (c, k) => (Number(categories[c]) - Number(categories[k])) ** 2;
    case "ordinal":
      return (c, k) => {
        const [low, high] = c <= k ? [c, k] : [k, c];
        let sum = 0;
        for (let g = low; g <= high; g++) sum += marginals[g];
        return (sum - (marginals[c] + marginals[k]) / 2) ** 2;
      };
  }
}
