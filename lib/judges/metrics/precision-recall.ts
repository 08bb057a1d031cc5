import type { ScoredItem } from "./confusion";

export interface PrecisionRecallPoint {
  threshold: number;
  recall: number;
  precision: number;
}

/**
 * The precision–recall curve: one point per distinct score, highest first
 * (verdict "score ≥ threshold"). Points are not interpolated (linear
 * interpolation in PR space is optimistic: Davis & Goadrich 2006); the
 * summary is average precision, Σ (Rₖ − Rₖ₋₁) Pₖ, the step-wise area.
 * Null without a reference positive.
 */
export function precisionRecallCurve(items: readonly ScoredItem[]): { points: PrecisionRecallPoint[]; averagePrecision: number } | null {
  const positives = items.filter((item) => item.actual).length;
  if (positives === 0) return null;
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const points: PrecisionRecallPoint[] = [];
  let tp = 0;
  let averagePrecision = 0;
  let previousRecall = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].actual) tp++;
    if (i === sorted.length - 1 || sorted[i + 1].score !== sorted[i].score) {
      const recall = tp / positives;
      const precision = tp / (i + 1);
      averagePrecision += (recall - previousRecall) * precision;
      previousRecall = recall;
      points.push({ threshold: sorted[i].score, recall, precision });
    }
  }
  return { points, averagePrecision };
}
