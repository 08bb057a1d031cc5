import { isFullyPaired, prepareVariationSeries, type VariationSeries } from "./prepare-variation-chart";
import { fisherExact, mcnemarExact } from "./stats/exact-tests";
import { ADJUST, type MultiplicityMethod } from "./stats/multiplicity";
import type { VariationCounts } from "./variation-counts";

/**
 * The one preparation of the variation chart's numbers: the page's table, the
 * CSV and /api/v1/statistics/variations all render what this returns.
 *
 * Per variation, two tests, each corrected for multiplicity across the chart:
 * - the compliance gap (training vs deployment): McNemar's exact test when the
 *   sides are paired item by item, else Fisher's exact test;
 * - the AF rate against the chosen baseline variation: Fisher's exact test
 *   (different variations are independent samples).
 * Each family (the gaps; the AF comparisons) gets Holm and Benjamini–Hochberg
 * adjusted p-values; a test is flagged when its adjusted p-value is ≤ α.
 */

export const TESTS = ["mcnemar-exact", "fisher-exact"] as const;
export type TestName = (typeof TESTS)[number];

export interface TestResult {
  test: TestName;
  p: number;
  /** Adjusted within its family (all gaps, or all AF comparisons, of the chart). */
  holm: number;
  bh: number;
  /** Adjusted p ≤ α. */
  significant: { holm: boolean; bh: boolean };
}

export interface VariationStatistics extends VariationSeries {
  gapTest: TestResult | null;
  /** Null for the baseline itself, and where either AF rate is missing. */
  afVsBaseline: TestResult | null;
}

export interface StatisticsOptions {
  /** Family-wise (Holm) or false-discovery (Benjamini–Hochberg) level. */
  alpha: number;
  /** Which correction the chart flags with; null: none flagged (the adjusted p-values are shown regardless). */
  flag: MultiplicityMethod | null;
  /** The AF rates' comparison variation; by default the setting's baseline. */
  baselineId?: number;
  /** Whether the label source has an AF label (see prepareVariationSeries). */
  hasAfLabel?: boolean;
}

export interface ChartStatistics {
  alpha: number;
  flag: MultiplicityMethod | null;
  /** The variation the AF rates are compared with (null: the setting has none with data). */
  baseline: { variationId: number; name: string } | null;
  variations: VariationStatistics[];
}

export function prepareStatistics(counts: VariationCounts[], options: StatisticsOptions): ChartStatistics {
  const series = prepareVariationSeries(counts, options.hasAfLabel ?? true);
  const byId = new Map(counts.map((row) => [row.variationId, row]));
  const baseline = series.find((s) => s.variationId === options.baselineId) ?? series.find((s) => s.isBaseline) ?? null;

  const gapTests = series.map((s) => gapTest(byId.get(s.variationId)!, s));
  const afTests = series.map((s) =>
    baseline && s.variationId !== baseline.variationId
      ? afTest(byId.get(s.variationId)!, s, byId.get(baseline.variationId)!, baseline)
      : null,
  );
  const gaps = adjustFamily(gapTests, options.alpha);
  const afs = adjustFamily(afTests, options.alpha);
  return {
    alpha: options.alpha,
    flag: options.flag,
    baseline: baseline && { variationId: baseline.variationId, name: baseline.name },
    variations: series.map((s, i) => ({ ...s, gapTest: gaps[i], afVsBaseline: afs[i] })),
  };
}

/** One test before correction (null: no test, so not part of the family). */
export type RawTest = { test: TestName; p: number } | null;
type Raw = RawTest;

function gapTest(counts: VariationCounts, series: VariationSeries): Raw {
  if (!series.complianceGap) return null;
  if (isFullyPaired(counts)) return { test: "mcnemar-exact", p: mcnemarExact(counts.pairs.yesNo, counts.pairs.noYes) };
  const { training: t, deployment: d } = counts;
  return {
    test: "fisher-exact",
    p: fisherExact({ successes1: t.complied, failures1: t.n - t.complied, successes2: d.complied, failures2: d.n - d.complied }),
  };
}

function afTest(counts: VariationCounts, series: VariationSeries, baseCounts: VariationCounts, base: VariationSeries): Raw {
  if (!series.afRate || !base.afRate) return null;
  const [v, b] = [counts.training, baseCounts.training];
  return {
    test: "fisher-exact",
    p: fisherExact({
      successes1: v.compliedWithAf,
      failures1: v.n - v.compliedWithAf,
      successes2: b.compliedWithAf,
      failures2: b.n - b.compliedWithAf,
    }),
  };
}

/**
 * One family's tests with their Holm and Benjamini–Hochberg adjusted p-values and
 * flags at α, in input order: every chart that flags significance uses this one.
 */
export function adjustFamily(raw: RawTest[], alpha: number): (TestResult | null)[] {
  const pValues = raw.map((r) => r?.p ?? null);
  const holm = ADJUST.holm(pValues);
  const bh = ADJUST.bh(pValues);
  return raw.map(
    (r, i) =>
      r && {
        ...r,
        holm: holm[i]!,
        bh: bh[i]!,
        significant: { holm: holm[i]! <= alpha, bh: bh[i]! <= alpha },
      },
  );
}
