import { Z95, type Interval } from "@/lib/analytics/stats/intervals";
import type { ScoredItem } from "./confusion";

/** One operating point: the verdict "score ≥ threshold". */
export interface RocPoint {
  threshold: number;
  falsePositiveRate: number;
  truePositiveRate: number;
}

/**
 * The empirical ROC curve: one point per distinct score (highest first), from
 * (0, 0) (threshold above every score) to (1, 1). Tied scores move together,
 * so a tie draws a diagonal step, which is what the trapezoidal area (= the
 * Mann–Whitney statistic with ties counted half) integrates.
 * Null without both a positive and a negative reference label.
 */
export function rocCurve(items: readonly ScoredItem[]): RocPoint[] | null {
  const positives = items.filter((item) => item.actual).length;
  const negatives = items.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const points: RocPoint[] = [{ threshold: Infinity, falsePositiveRate: 0, truePositiveRate: 0 }];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].actual) tp++;
    else fp++;
    if (i === sorted.length - 1 || sorted[i + 1].score !== sorted[i].score) {
      points.push({ threshold: sorted[i].score, falsePositiveRate: fp / negatives, truePositiveRate: tp / positives });
    }
  }
  return points;
}

/** The AUROC with DeLong's interval, and the pieces a paired comparison needs. */
export interface AurocEstimate extends Interval {
  standardError: number;
  positives: number;
  negatives: number;
}

/**
 * AUROC (the Mann–Whitney estimate: the chance that a random positive scores
 * above a random negative, ties counted half) with a 95% Wald interval on
 * DeLong's variance (DeLong, DeLong & Clarke-Pearson 1988, Biometrics
 * 44:837–845), computed from mid-ranks by the fast algorithm of Sun & Xu
 * (2014), IEEE Signal Processing Letters 21:1389–1393. Clipped to [0, 1].
 */
export function auroc(items: readonly ScoredItem[], z = Z95): AurocEstimate | null {
  const components = structuralComponents(
    items.map((item) => item.score),
    items.map((item) => item.actual),
  );
  if (!components) return null;
  const { v10, v01, area } = components;
  const variance = sampleVariance(v10) / v10.length + sampleVariance(v01) / v01.length;
  const standardError = Math.sqrt(variance);
  return {
    estimate: area,
    lower: Math.max(0, area - z * standardError),
    upper: Math.min(1, area + z * standardError),
    standardError,
    positives: v10.length,
    negatives: v01.length,
  };
}

/**
 * Difference of two AUROCs measured on the same transcripts (two judges, or
 * two runs, scored on one validation set): DeLong's covariance of the paired
 * structural components, Wald interval. `first[i]` and `second[i]` must score
 * the same transcript, whose reference label is `actual[i]`.
 */
export function pairedAurocDifference(
  first: readonly number[],
  second: readonly number[],
  actual: readonly boolean[],
  z = Z95,
): (Interval & { standardError: number }) | null {
  if (first.length !== actual.length || second.length !== actual.length) {
    throw new RangeError(`Paired scores need one score per transcript in each run (${first.length}, ${second.length}, ${actual.length})`);
  }
  const a = structuralComponents(first, actual);
  const b = structuralComponents(second, actual);
  if (!a || !b) return null;
  const m = a.v10.length;
  const n = a.v01.length;
  const variance =
    (sampleVariance(a.v10) + sampleVariance(b.v10) - 2 * sampleCovariance(a.v10, b.v10)) / m +
    (sampleVariance(a.v01) + sampleVariance(b.v01) - 2 * sampleCovariance(a.v01, b.v01)) / n;
  const difference = a.area - b.area;
  const standardError = Math.sqrt(Math.max(0, variance));
  return { estimate: difference, lower: difference - z * standardError, upper: difference + z * standardError, standardError };
}

/**
 * DeLong's structural components by Sun & Xu's mid-rank identity: for the i-th
 * positive, V10 = (its mid-rank among all − its mid-rank among positives) / n;
 * for the j-th negative, V01 = 1 − (its mid-rank among all − its mid-rank among
 * negatives) / m. The AUROC is the mean of either. O((m + n) log(m + n)).
 */
function structuralComponents(scores: readonly number[], actual: readonly boolean[]) {
  const positiveScores: number[] = [];
  const negativeScores: number[] = [];
  scores.forEach((score, i) => (actual[i] ? positiveScores : negativeScores).push(score));
  const m = positiveScores.length;
  const n = negativeScores.length;
  if (m === 0 || n === 0) return null;
  const combined = midRanks([...positiveScores, ...negativeScores]);
  const withinPositives = midRanks(positiveScores);
  const withinNegatives = midRanks(negativeScores);
  const v10 = positiveScores.map((_, i) => (combined[i] - withinPositives[i]) / n);
  const v01 = negativeScores.map((_, j) => 1 - (combined[m + j] - withinNegatives[j]) / m);
  const area = v10.reduce((sum, v) => sum + v, 0) / m;
  return { v10, v01, area };
}

/** 1-based mid-ranks (ties share the mean of their ranks), in the input's order. */
export function midRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    const rank = (start + end + 2) / 2;
    for (let k = start; k <= end; k++) ranks[order[k]] = rank;
    start = end + 1;
  }
  return ranks;
}

function sampleVariance(values: readonly number[]): number {
  return sampleCovariance(values, values);
}

/** Sample covariance (denominator k − 1, as DeLong's S10 and S01); 0 for a single value. */
function sampleCovariance(x: readonly number[], y: readonly number[]): number {
  const k = x.length;
  if (k < 2) return 0;
  const meanX = x.reduce((s, v) => s + v, 0) / k;
  const meanY = y.reduce((s, v) => s + v, 0) / k;
  let sum = 0;
  for (let i = 0; i < k; i++) sum += (x[i] - meanX) * (y[i] - meanY);
  return sum / (k - 1);
}
