import type { ClusterMoments } from "@/lib/analytics/stats/design-effect";
import type { PairedCounts } from "@/lib/analytics/stats/intervals";
import type { VariationCounts } from "@/lib/analytics/variation-counts";

/**
 * Test support: a variation's counts as SQL would give them, with every pair
 * its own query unless per-query counts are given (then the moments are theirs).
 */
const linear = (y: number, m: number, ySquared = y): ClusterMoments => ({ queries: m, sumYY: ySquared, sumYM: y, sumMM: m });

export function variationCountsOf(
  base: Pick<VariationCounts, "variationId" | "name"> & Partial<Pick<VariationCounts, "isBaseline" | "position" | "referenceNo">>,
  training: { n: number; complied: number; af?: number; afLabelled?: number },
  deployment: { n: number; complied: number; af?: number; afLabelled?: number },
  pairs: PairedCounts,
  clusters?: Partial<VariationCounts["clusters"]>,
): VariationCounts {
  const side = (s: typeof training) => ({
    n: s.n,
    complied: s.complied,
    compliedWithAf: s.af ?? 0,
    compliedAfLabelled: s.afLabelled ?? s.complied,
  });
  const pairN = pairs.yesYes + pairs.yesNo + pairs.noYes + pairs.noNo;
  return {
    isBaseline: false,
    position: 0,
    referenceNo: null,
    ...base,
    training: side(training),
    deployment: side(deployment),
    pairs,
    clusters: {
      afTraining: linear(training.af ?? 0, training.n),
      complianceTraining: linear(training.complied, training.n),
      complianceDeployment: linear(deployment.complied, deployment.n),
      gap: linear(pairs.yesNo - pairs.noYes, pairN, pairs.yesNo + pairs.noYes),
      queries: Math.max(training.n, deployment.n),
      ...clusters,
    },
  };
}
