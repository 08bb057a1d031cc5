import { newcombePairedAt, squareAndAdd, wilsonAt, Z95, type Interval, type PairedCounts } from "./intervals";

/**
 * Intervals that treat the query, not the transcript, as the independent unit.
 *
 * Samples of one query are correlated (the same query under both tiers, under
 * several models, sampled several times), so an interval over transcripts is
 * too narrow when a few queries carry many samples. The design effect (Kish
 * 1965) says by how much: deff = (variance of the estimate with queries as
 * clusters) / (variance if every unit were independent). The clustered
 * interval is then the same interval (Wilson, Newcombe's method 10) at the
 * effective sample size n / deff.
 *
 * The clustered variance is the usual cluster-robust (ratio-estimator) one,
 * Σ_q (y_q − p̂·m_q)² with the small-sample factor K/(K − 1), against the
 * independent Σ_u (y_u − p̂)² with n/(n − 1). With one unit per query the two
 * are the same sum, so deff = 1 exactly and the clustered interval equals the
 * plain one; deff is never taken below 1 (the clustered interval is never the
 * narrower). With a single query there is no between-query spread to
 * estimate: no clustered interval.
 */

/** Per query q of a variation: y_q (the count) over m_q units. Sums over queries with m_q > 0. */
export interface ClusterMoments {
  /** Queries with at least one unit: K. */
  queries: number;
  sumYY: number;
  sumYM: number;
  sumMM: number;
}

export interface ClusteredInterval extends Interval {
  designEffect: number;
  /** The number of queries (the clusters): the n of the clustered interval. */
  queries: number;
  /** n / deff; null for a difference of two independent sides (each has its own). */
  effectiveN: number | null;
}

/**
 * The design effect of a mean of units over queries: `total` = Σ y_u,
 * `totalSquares` = Σ y_u² over the n units (for 0/1 units, the count itself).
 */
export function designEffect(total: number, totalSquares: number, n: number, moments: ClusterMoments): number | null {
  const { queries: k, sumYY, sumYM, sumMM } = moments;
  if (k < 2 || n < 2) return null;
  const mean = total / n;
  const between = Math.max(0, sumYY - 2 * mean * sumYM + mean * mean * sumMM);
  const within = Math.max(0, totalSquares - n * mean * mean);
  // No spread between units: nothing for clustering to inflate.
  if (within <= 1e-12 * Math.max(1, totalSquares)) return 1;
  return Math.max(1, ((k / (k - 1)) * between) / ((n / (n - 1)) * within));
}

/** A rate x / n with its Wilson interval at the effective n. */
export function clusteredWilson(successes: number, n: number, moments: ClusterMoments, z = Z95): ClusteredInterval | null {
  const deff = designEffect(successes, successes, n, moments);
  if (deff === null) return null;
  const effectiveN = n / deff;
  return { ...wilsonAt(successes / n, effectiveN, z), designEffect: deff, queries: moments.queries, effectiveN };
}

/**
 * The paired difference (first − second) with the pair as the unit: its
 * design effect from d = +1 (yesNo), −1 (noYes), 0 per pair, then method 10
 * on the table's cells divided by it.
 */
export function clusteredNewcombePaired(counts: PairedCounts, moments: ClusterMoments, z = Z95): ClusteredInterval | null {
  const { yesYes, yesNo, noYes, noNo } = counts;
  const n = yesYes + yesNo + noYes + noNo;
  const deff = designEffect(yesNo - noYes, yesNo + noYes, n, moments);
  if (deff === null) return null;
  const scaled = { yesYes: yesYes / deff, yesNo: yesNo / deff, noYes: noYes / deff, noNo: noNo / deff };
  return { ...newcombePairedAt(scaled, z), designEffect: deff, queries: moments.queries, effectiveN: n / deff };
}

/**
 * The difference of two rates that are not paired item by item: each side's
 * Wilson interval at its own effective n, combined as method 10 combines them.
 * The design effect reported is the larger side's; `queries` counts the
 * queries with a unit on either side.
 */
export function clusteredNewcombeIndependent(
  first: { successes: number; n: number; moments: ClusterMoments },
  second: { successes: number; n: number; moments: ClusterMoments },
  queries: number,
  z = Z95,
): ClusteredInterval | null {
  const a = clusteredWilson(first.successes, first.n, first.moments, z);
  const b = clusteredWilson(second.successes, second.n, second.moments, z);
  if (!a || !b) return null;
  return { ...squareAndAdd(a, b), designEffect: Math.max(a.designEffect, b.designEffect), queries, effectiveN: null };
}

/** The moments of per-query (y, m) counts, as the chart's SQL sums them. */
export function momentsOf(perQuery: { y: number; m: number }[]): ClusterMoments {
  const counted = perQuery.filter((q) => q.m > 0);
  return {
    queries: counted.length,
    sumYY: counted.reduce((sum, q) => sum + q.y * q.y, 0),
    sumYM: counted.reduce((sum, q) => sum + q.y * q.m, 0),
    sumMM: counted.reduce((sum, q) => sum + q.m * q.m, 0),
  };
}
