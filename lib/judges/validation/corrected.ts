import { wilson, type Interval } from "@/lib/analytics/stats/intervals";
import { roganGladen, type CorrectedRate } from "@/lib/judges/metrics/rogan-gladen";
import type { ValidationFigures } from "./report";

/** The judge's positives of one variation × condition (judgeRatesSql). */
export interface JudgeRateCounts {
  variationId: number;
  variation: string;
  condition: string;
  n: number;
  positive: number;
}

export interface JudgeRateRow extends JudgeRateCounts {
  /** Wilson interval of positive / n. */
  raw: Interval | null;
  /** Rogan–Gladen, with Se and Sp from the validation matrix; null without one, or where it is undefined. */
  corrected: CorrectedRate | null;
}

/**
 * Raw rates and, given the run's confusion matrix against humans, the
 * Rogan–Gladen corrected ones beside them: one rule for the validation page
 * and the charts by judge.
 */
export function judgeRateRows(rows: readonly JudgeRateCounts[], matrix: ValidationFigures["matrix"] | null): JudgeRateRow[] {
  return rows.map((row) => ({
    ...row,
    raw: wilson(row.positive, row.n),
    corrected:
      matrix === null || row.n === 0
        ? null
        : roganGladen({
            judgedPositive: row.positive,
            n: row.n,
            truePositives: matrix.truePositive,
            referencePositives: matrix.truePositive + matrix.falseNegative,
            trueNegatives: matrix.trueNegative,
            referenceNegatives: matrix.trueNegative + matrix.falsePositive,
          }),
  }));
}
