import { clusteredNewcombeIndependent, clusteredNewcombePaired, clusteredWilson, type ClusteredInterval } from "./stats/design-effect";
import { newcombeIndependent, newcombePaired, wilson, type Interval } from "./stats/intervals";
import type { ChartCondition, ConditionCounts, VariationCounts } from "./variation-counts";

/**
 * Turns per-variation counts (aggregated in SQL) into what the variation chart
 * shows for each variation: the paper's stacked bars and the rates with their
 * plain and clustered intervals. Every number the chart draws is decided here
 * (the tests across variations are in variation-statistics.ts).
 */

export type { ChartCondition, ConditionCounts, VariationCounts };

/** Segment counts of one bar; a segment with no label to count is null (shown as "–"). */
export interface SegmentCounts {
  refuses: number;
  compliesWithAf: number | null;
  compliesWithoutAf: number | null;
  /** Complied, but carries no AF label (all compliant transcripts when no AF label is chosen). */
  compliesAfUnlabelled: number;
}

export interface StackedBar {
  condition: ChartCondition;
  n: number;
  /** Shares of n; with the unlabelled ones they add up to 1 when n > 0. */
  shares: SegmentCounts;
  counts: SegmentCounts;
}

export type GapMethod = "newcombe-paired" | "newcombe-independent";

export const GAP_METHOD_LABEL: Record<GapMethod, string> = {
  "newcombe-paired": "Newcombe, paired",
  "newcombe-independent": "Newcombe, independent",
};

/** An interval with the n behind it and, when some query has several samples, its clustered twin. */
export interface Rate extends Interval {
  n: number;
  clustered: ClusteredInterval | null;
}

export interface Gap extends Rate {
  method: GapMethod;
}

export interface VariationSeries {
  variationId: number;
  name: string;
  isBaseline: boolean;
  referenceNo: number | null;
  bars: [StackedBar, StackedBar];
  /** Queries with a labelled transcript: the clusters behind the clustered intervals. */
  queries: number;
  /** Training, among compliant outputs; null when the AF label is not there to count. */
  afRate: Rate | null;
  complianceTraining: Rate | null;
  complianceDeployment: Rate | null;
  /** Compliance in training minus compliance in deployment. */
  complianceGap: Gap | null;
}

const pairCount = (v: VariationCounts) => v.pairs.yesYes + v.pairs.yesNo + v.pairs.noYes + v.pairs.noNo;

/** A gap interval is paired when every labelled transcript sits in a labelled pair. */
export function isFullyPaired(v: VariationCounts): boolean {
  return pairCount(v) > 0 && pairCount(v) === v.training.n && pairCount(v) === v.deployment.n;
}

function bar(condition: ChartCondition, counts: ConditionCounts, hasAfLabel: boolean): StackedBar {
  const afLabelled = hasAfLabel ? counts.compliedAfLabelled : 0;
  const split = afLabelled > 0 || counts.complied === 0;
  const segments: SegmentCounts = {
    refuses: counts.n - counts.complied,
    compliesWithAf: hasAfLabel && split ? counts.compliedWithAf : null,
    compliesWithoutAf: hasAfLabel && split ? afLabelled - counts.compliedWithAf : null,
    compliesAfUnlabelled: counts.complied - afLabelled,
  };
  const share = (x: number | null) => (x === null ? null : counts.n === 0 ? 0 : x / counts.n);
  return {
    condition,
    n: counts.n,
    counts: segments,
    shares: {
      refuses: share(segments.refuses)!,
      compliesWithAf: share(segments.compliesWithAf),
      compliesWithoutAf: share(segments.compliesWithoutAf),
      compliesAfUnlabelled: share(segments.compliesAfUnlabelled)!,
    },
  };
}

function rate(x: number, n: number, clustered: ClusteredInterval | null): Rate | null {
  const interval = wilson(x, n);
  return interval && { ...interval, n, clustered };
}

/** The clustered twin only where it can differ: when some query has more than one sample. */
const clusteredOrNull = (clustered: ClusteredInterval | null, n: number) => (clustered && clustered.queries < n ? clustered : null);

/**
 * `hasAfLabel`: whether the label source has an AF label at all (a source
 * label source may have none: then no AF rate, and no AF split of the bars).
 */
export function prepareVariationSeries(rows: VariationCounts[], hasAfLabel = true): VariationSeries[] {
  for (const row of rows) assertConsistent(row);
  return [...rows]
    .sort((a, b) => Number(b.isBaseline) - Number(a.isBaseline) || a.position - b.position || a.name.localeCompare(b.name))
    .map((row) => seriesOf(row, hasAfLabel));
}

function seriesOf(row: VariationCounts, hasAfLabel: boolean): VariationSeries {
  const { training, deployment, clusters } = row;
  // AF is counted only when every compliant training output says whether it showed AF reasoning.
  const afCountable = hasAfLabel && training.compliedAfLabelled === training.complied;
  return {
    variationId: row.variationId,
    name: row.name,
    isBaseline: row.isBaseline,
    referenceNo: row.referenceNo ?? null,
    bars: [bar("training", training, hasAfLabel), bar("deployment", deployment, hasAfLabel)],
    queries: clusters.queries,
    afRate: afCountable
      ? rate(
          training.compliedWithAf,
          training.n,
          clusteredOrNull(clusteredWilson(training.compliedWithAf, training.n, clusters.afTraining), training.n),
        )
      : null,
    complianceTraining: rate(
      training.complied,
      training.n,
      clusteredOrNull(clusteredWilson(training.complied, training.n, clusters.complianceTraining), training.n),
    ),
    complianceDeployment: rate(
      deployment.complied,
      deployment.n,
      clusteredOrNull(clusteredWilson(deployment.complied, deployment.n, clusters.complianceDeployment), deployment.n),
    ),
    complianceGap: gapOf(row),
  };
}

function gapOf(row: VariationCounts): Gap | null {
  const { training, deployment, clusters, pairs } = row;
  if (isFullyPaired(row)) {
    const n = pairCount(row);
    const clustered = clusteredOrNull(clusteredNewcombePaired(pairs, clusters.gap), n);
    return { ...newcombePaired(pairs)!, n, clustered, method: "newcombe-paired" };
  }
  const interval = newcombeIndependent(training.complied, training.n, deployment.complied, deployment.n);
  if (!interval) return null;
  const n = training.n + deployment.n;
  const clustered = clusteredNewcombeIndependent(
    { successes: training.complied, n: training.n, moments: clusters.complianceTraining },
    { successes: deployment.complied, n: deployment.n, moments: clusters.complianceDeployment },
    clusters.queries,
  );
  // Unpaired sides cluster by query too; the twin is shown when either side has repeated queries.
  const repeated = clusters.complianceTraining.queries < training.n || clusters.complianceDeployment.queries < deployment.n;
  return { ...interval, n, clustered: repeated ? clustered : null, method: "newcombe-independent" };
}

function assertConsistent(row: VariationCounts) {
  for (const condition of ["training", "deployment"] as const) {
    const c = row[condition];
    if (c.complied > c.n || c.compliedWithAf > c.compliedAfLabelled || c.compliedAfLabelled > c.complied || c.compliedWithAf < 0) {
      throw new RangeError(`Inconsistent counts for ${row.name} (${condition}): ${JSON.stringify(c)}`);
    }
  }
}
