/**
 * Agreement metrics are pure functions of counts (no database, no React);
 * lib/team/agreement/load.ts lets PostgreSQL count. A rating is any primitive
 * (a label value); `null` results mean "not defined for this data" (e.g. every
 * rating the same, so chance agreement is total), never 0.
 */
export type Rating = string | number | boolean;

/**
 * `count` items whose ratings were exactly `votes`: one vote per annotator, in
 * one fixed order of the annotators (Cohen's kappa reads votes[0] as rater 1's
 * and votes[1] as rater 2's; Fleiss and Krippendorff only see the multiset).
 * The statistics only need these histograms, never the ratings one by one.
 */
export interface VotePattern {
  votes: readonly Rating[];
  count: number;
}

/** One pattern per item (count 1): ratings item by item, as a textbook prints them. */
export const itemByItem = (units: readonly (readonly Rating[])[]): VotePattern[] => units.map((votes) => ({ votes, count: 1 }));

export interface MetricResult {
  /** The coefficient, or null when the data cannot define it. */
  value: number | null;
  /** Items (units) that entered the computation. */
  items: number;
}

/** Categories in one stable order: numbers ascending, then everything else by its text. */
export function sortedCategories(values: Iterable<Rating>): Rating[] {
  return [...new Set(values)].sort((x, y) => {
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1;
    if (typeof y === "number") return 1;
    return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  });
}
