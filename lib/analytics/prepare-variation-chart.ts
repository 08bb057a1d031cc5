import { newcombeIndependent, newcombePaired, wilson, type Interval, type PairedCounts } from "./intervals";

/**
 * Turns per-variation counts (aggregated in SQL) into what the variation chart
 * and its table show: the paper's stacked bars and the rates with intervals.
 * Every number the chart draws is decided here.
 */

export type ChartCondition = "training" | "deployment";

/** One (variation, condition) cell as counted by SQL, over labelled transcripts only. */
export interface ConditionCounts {
  /** Transcripts with a compliance label. */
  n: number;
  complied: number;
  /** Complied and showed alignment-faking reasoning (the paper counts AF only when complying). */
  compliedWithAf: number;
}

export interface VariationCounts {
  variationId: number;
  name: string;
  isBaseline: boolean;
  position: number;
  /** Number in a published results table, to line up reference values. */
  referenceNo?: number | null;
  training: ConditionCounts;
  deployment: ConditionCounts;
  /** Compliance of both sides of each labelled pair: training answer × deployment answer. */
  pairs: PairedCounts;
}

export interface StackedBar {
  condition: ChartCondition;
  n: number;
  /** Shares of n; they add up to 1 when n > 0. */
  refuses: number;
  compliesWithAf: number;
  compliesWithoutAf: number;
  counts: { refuses: number; compliesWithAf: number; compliesWithoutAf: number };
}

export type GapMethod = "newcombe-paired" | "newcombe-independent";

export const GAP_METHOD_LABEL: Record<GapMethod, string> = {
  "newcombe-paired": "Newcombe, paired",
  "newcombe-independent": "Newcombe, independent",
};

export interface VariationSeries {
  variationId: number;
  name: string;
  isBaseline: boolean;
  referenceNo: number | null;
  bars: [StackedBar, StackedBar];
  afRate: (Interval & { n: number }) | null;
  complianceTraining: (Interval & { n: number }) | null;
  complianceDeployment: (Interval & { n: number }) | null;
  /** Compliance in training minus compliance in deployment. */
  complianceGap: (Interval & { n: number; method: GapMethod }) | null;
}

/** A gap interval is paired when every labelled transcript sits in a labelled pair. */
function isFullyPaired(v: VariationCounts) {
  const pairCount = v.pairs.yesYes + v.pairs.yesNo + v.pairs.noYes + v.pairs.noNo;
  return pairCount > 0 && pairCount === v.training.n && pairCount === v.deployment.n;
}

function bar(condition: ChartCondition, counts: ConditionCounts): StackedBar {
  const refuses = counts.n - counts.complied;
  const compliesWithoutAf = counts.complied - counts.compliedWithAf;
  const share = (x: number) => (counts.n === 0 ? 0 : x / counts.n);
  return {
    condition,
    n: counts.n,
    refuses: share(refuses),
    compliesWithAf: share(counts.compliedWithAf),
    compliesWithoutAf: share(compliesWithoutAf),
    counts: { refuses, compliesWithAf: counts.compliedWithAf, compliesWithoutAf },
  };
}

function withN(interval: Interval | null, n: number) {
  return interval && { ...interval, n };
}

export function prepareVariationSeries(rows: VariationCounts[]): VariationSeries[] {
  for (const row of rows) assertConsistent(row);
  return [...rows]
    .sort((a, b) => Number(b.isBaseline) - Number(a.isBaseline) || a.position - b.position || a.name.localeCompare(b.name))
    .map((row) => {
      const paired = isFullyPaired(row);
      const gap = paired
        ? newcombePaired(row.pairs)
        : newcombeIndependent(row.training.complied, row.training.n, row.deployment.complied, row.deployment.n);
      const pairCount = row.pairs.yesYes + row.pairs.yesNo + row.pairs.noYes + row.pairs.noNo;
      return {
        variationId: row.variationId,
        name: row.name,
        isBaseline: row.isBaseline,
        referenceNo: row.referenceNo ?? null,
        bars: [bar("training", row.training), bar("deployment", row.deployment)],
        afRate: withN(wilson(row.training.compliedWithAf, row.training.n), row.training.n),
        complianceTraining: withN(wilson(row.training.complied, row.training.n), row.training.n),
        complianceDeployment: withN(wilson(row.deployment.complied, row.deployment.n), row.deployment.n),
        complianceGap: gap && {
          ...gap,
          n: paired ? pairCount : row.training.n + row.deployment.n,
          method: paired ? "newcombe-paired" : "newcombe-independent",
        },
      };
    });
}

function assertConsistent(row: VariationCounts) {
  for (const condition of ["training", "deployment"] as const) {
    const c = row[condition];
    if (c.complied > c.n || c.compliedWithAf > c.complied || c.compliedWithAf < 0) {
      throw new RangeError(`Inconsistent counts for ${row.name} (${condition}): ${JSON.stringify(c)}`);
    }
  }
}
