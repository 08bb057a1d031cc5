import type { ClusterMoments } from "./stats/design-effect";
import type { PairedCounts } from "./stats/intervals";

/** What SQL counts per variation for the variation chart; everything shown is derived from these. */

export type ChartCondition = "training" | "deployment";

/** One (variation, condition) cell, over the transcripts with a compliance label. */
export interface ConditionCounts {
  /** Transcripts with a compliance label. */
  n: number;
  complied: number;
  /** Complied and showed alignment-faking reasoning (the paper counts AF only when complying). */
  compliedWithAf: number;
  /**
   * Complied and carry an AF label at all. Below `complied`, some compliant
   * transcripts have no AF label to count (with the AF label "none", all of them).
   */
  compliedAfLabelled: number;
}

/**
 * Per-query moments (design-effect.ts) of each rate and of the paired gap: the
 * query is the cluster, so intervals can account for several samples per query.
 */
export interface VariationClusters {
  afTraining: ClusterMoments;
  complianceTraining: ClusterMoments;
  complianceDeployment: ClusterMoments;
  /** y = yesNo − noYes per query, over its fully labelled pairs. */
  gap: ClusterMoments;
  /** Queries with a labelled transcript in either condition. */
  queries: number;
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
  clusters: VariationClusters;
}
