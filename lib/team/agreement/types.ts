/**
 * Agreement metrics are pure functions of the ratings (no database, no
 * React); lib/team/agreement/load.ts reads the ratings. A rating is any
 * primitive (a label value); `null` results mean "not defined for this data"
 * (e.g. every rating the same, so chance agreement is total), never 0.
 */
export type Rating = string | number | boolean;

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
