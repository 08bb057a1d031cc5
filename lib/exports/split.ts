import { SPLITS, type SplitName } from "./request";

/**
 * Train / validation / test without leakage.
 *
 * The unit is the query: every exported transcript of one query (both
 * conditions, every variation, model and sample) lands in one split, so a
 * classifier never sees the training sample of a query and is tested on its
 * deployment twin. Queries are stratified by their consensus label: within
 * each stratum, queries are taken in a seeded pseudo-random order and each
 * goes to the split furthest below its share (counted in transcripts), so
 * every split gets close to its ratio of every label.
 *
 * Deterministic: the same groups, ratios and seed give the same assignment,
 * whatever order the groups come in.
 */
export interface SplitGroup {
  queryId: number;
  /** Exported transcripts of this query. */
  size: number;
  /** The query's consensus label: the most frequent among its transcripts (see stratumOf). */
  stratum: string;
}

export type SplitRatios = readonly [number, number, number];

/** A 32-bit hash of (seed, id): the order queries are dealt in. */
export function seededRank(seed: number, id: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(id, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

export function assignSplits(groups: readonly SplitGroup[], ratios: SplitRatios, seed: number): Map<number, SplitName> {
  const byStratum = new Map<string, SplitGroup[]>();
  for (const group of groups) {
    const list = byStratum.get(group.stratum) ?? [];
    list.push(group);
    byStratum.set(group.stratum, list);
  }
  const assignment = new Map<number, SplitName>();
  for (const stratum of [...byStratum.keys()].sort()) {
    const dealt = byStratum.get(stratum)!.map((group) => ({ group, rank: seededRank(seed, group.queryId) }));
    dealt.sort((a, b) => a.rank - b.rank || a.group.queryId - b.group.queryId);
    const filled = [0, 0, 0];
    let total = 0;
    for (const { group } of dealt) {
      total += group.size;
      let best = 0;
      let bestDeficit = -Infinity;
      for (let i = 0; i < 3; i++) {
        if (ratios[i] === 0) continue;
        const deficit = ratios[i] * total - filled[i];
        if (deficit > bestDeficit + 1e-9) [best, bestDeficit] = [i, deficit];
      }
      filled[best] += group.size;
      assignment.set(group.queryId, SPLITS[best]);
    }
  }
  return assignment;
}

/** The most frequent label among a query's transcripts; ties go to the label first in sort order. */
export function stratumOf(labelCounts: ReadonlyMap<string, number>): string {
  let best = "";
  let bestCount = -1;
  for (const [label, count] of [...labelCounts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (count > bestCount) [best, bestCount] = [label, count];
  }
  return best;
}
