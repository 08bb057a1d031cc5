import { wilson, wilsonAt, Z95, type Interval } from "@/lib/analytics/stats/intervals";
import { cohenKappa } from "./kappa";

/**
 * A judge's verdicts against a reference (the human consensus, or one
 * annotator), as the 2×2 table every figure of the validation page is read
 * from. "Positive" is the label being present (e.g. alignment faking shown).
 */
export interface ConfusionMatrix {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
}

/** One validated transcript: what the judge said and what the reference says. */
export interface VerdictPair {
  predicted: boolean;
  actual: boolean;
}

export function confusionMatrix(pairs: Iterable<VerdictPair>): ConfusionMatrix {
  const matrix = { truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0 };
  for (const { predicted, actual } of pairs) {
    if (predicted && actual) matrix.truePositive++;
    else if (predicted) matrix.falsePositive++;
    else if (actual) matrix.falseNegative++;
    else matrix.trueNegative++;
  }
  return matrix;
}

/** A scored item: the judge's score in [0, 1] and the reference's label. */
export interface ScoredItem {
  score: number;
  actual: boolean;
}

/**
 * The matrix at a threshold: score ≥ threshold counts as a positive verdict.
 * The threshold picker re-reads every figure through this.
 */
export function confusionAtThreshold(items: Iterable<ScoredItem>, threshold: number): ConfusionMatrix {
  const pairs: VerdictPair[] = [];
  for (const { score, actual } of items) pairs.push({ predicted: score >= threshold, actual });
  return confusionMatrix(pairs);
}

export function matrixTotal(m: ConfusionMatrix): number {
  return m.truePositive + m.falsePositive + m.falseNegative + m.trueNegative;
}

/**
 * Every figure of a confusion matrix with its 95% interval, null where the
 * denominator is empty (no figure is better than a made-up one):
 * - precision, recall (sensitivity), specificity, negative predictive value and
 *   accuracy are proportions: Wilson score intervals;
 * - F1: see `f1WithInterval`;
 * - Cohen's kappa: Fleiss, Cohen & Everitt's large-sample variance (kappa.ts).
 */
export interface ClassificationFigures {
  n: number;
  precision: Interval | null;
  recall: Interval | null;
  specificity: Interval | null;
  negativePredictiveValue: Interval | null;
  accuracy: Interval | null;
  f1: Interval | null;
  kappa: Interval | null;
  /** Share of the reference's positives: the prevalence in the validation sample. */
  referencePrevalence: Interval | null;
  /** Share of the judge's positives: the apparent prevalence. */
  judgePrevalence: Interval | null;
}

export function classificationFigures(m: ConfusionMatrix, z = Z95): ClassificationFigures {
  const { truePositive: tp, falsePositive: fp, falseNegative: fn, trueNegative: tn } = m;
  const n = matrixTotal(m);
  return {
    n,
    precision: wilson(tp, tp + fp, z),
    recall: wilson(tp, tp + fn, z),
    specificity: wilson(tn, tn + fp, z),
    negativePredictiveValue: wilson(tn, tn + fn, z),
    accuracy: wilson(tp + tn, n, z),
    f1: f1WithInterval(m, z),
    kappa: cohenKappa({ yesYes: tp, yesNo: fp, noYes: fn, noNo: tn }, z),
    referencePrevalence: wilson(tp + fn, n, z),
    judgePrevalence: wilson(tp + fp, n, z),
  };
}

/**
 * F1 = 2TP / (2TP + FP + FN) with a 95% interval. F1 is a monotone function
 * of the Jaccard index (threat score) J = TP / (TP + FP + FN): F1 = 2J / (1 + J).
 * Given the m = TP + FP + FN transcripts that are not true negatives, TP is
 * binomial(m, J), so the Wilson interval of J on m, mapped through 2J / (1 + J),
 * is an interval for F1 that stays inside [0, 1] (a transformation of a score
 * interval; the conditioning on m ignores the true negatives, which F1 ignores too).
 */
export function f1WithInterval(m: ConfusionMatrix, z = Z95): Interval | null {
  const nonNegatives = m.truePositive + m.falsePositive + m.falseNegative;
  if (nonNegatives === 0) return null;
  const jaccard = wilsonAt(m.truePositive / nonNegatives, nonNegatives, z);
  const toF1 = (j: number) => (2 * j) / (1 + j);
  return { estimate: toF1(jaccard.estimate), lower: toF1(jaccard.lower), upper: toF1(jaccard.upper) };
}
