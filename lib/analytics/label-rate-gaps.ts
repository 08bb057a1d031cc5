import type { MultiplicityMethod } from "./stats/multiplicity";
import { fisherExact } from "./stats/exact-tests";
import type { LabelRateSeries } from "./prepare-label-rates";
import { adjustFamily, type TestResult } from "./variation-statistics";

/**
 * The "any label" chart's training–deployment gaps, tested and corrected for
 * multiplicity the way /analytics corrects its gaps (adjustFamily, one
 * implementation). The family is the page's chart: the chosen label over every
 * variation shown that has labels in both conditions; a variation with none on
 * a side has no test and is not counted in the family.
 *
 * The test is Fisher's exact test on k / n of the two conditions as independent
 * samples (the counts here are per transcript, not per pair). For a judge's
 * Rogan–Gladen corrected rates it runs on the judge's own counts: the correction
 * is the same linear map on both sides, so "no gap" before it is "no gap" after.
 */
export interface LabelRateGap {
  /** Training rate minus deployment rate (the cells' estimates); null without both. */
  gap: number | null;
  test: TestResult | null;
  /** The test's adjusted p ≤ α under the chosen correction (false with none chosen). */
  flagged: boolean;
}

export interface LabelRateSignificance {
  alpha: number;
  flag: MultiplicityMethod | null;
  /** How many gaps were tested together (the family's size). */
  family: number;
}

export function labelRateGaps(
  series: LabelRateSeries[],
  options: { alpha: number; flag: MultiplicityMethod | null },
): { gaps: Map<number, LabelRateGap>; significance: LabelRateSignificance } {
  const raw = series.map(({ training: t, deployment: d }) =>
    t.n > 0 && d.n > 0
      ? {
          test: "fisher-exact" as const,
          p: fisherExact({ successes1: t.k, failures1: t.n - t.k, successes2: d.k, failures2: d.n - d.k }),
        }
      : null,
  );
  const tests = adjustFamily(raw, options.alpha);
  const gaps = new Map(
    series.map((s, i) => {
      const test = tests[i];
      const gap = s.training.rate && s.deployment.rate ? s.training.rate.estimate - s.deployment.rate.estimate : null;
      return [s.variationId, { gap, test, flagged: options.flag !== null && test !== null && test.significant[options.flag] }];
    }),
  );
  return { gaps, significance: { ...options, family: raw.filter(Boolean).length } };
}
