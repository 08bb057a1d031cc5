import { Z95, type Interval } from "@/lib/analytics/stats/intervals";

/** Counts behind a corrected rate: the judge's positives on the charted set, and its validation against humans. */
export interface RoganGladenInput {
  /** Transcripts the judge called positive, of `n` judged (the raw rate). */
  judgedPositive: number;
  n: number;
  /** Validation: of `referencePositives` human positives the judge found `truePositives` (sensitivity). */
  truePositives: number;
  referencePositives: number;
  /** Of `referenceNegatives` human negatives the judge cleared `trueNegatives` (specificity). */
  trueNegatives: number;
  referenceNegatives: number;
}

export interface CorrectedRate extends Interval {
  /** The uncorrected estimate (p̂ − 1 + Sp) / (Se + Sp − 1) before truncation to [0, 1]. */
  unclipped: number;
  standardError: number;
  sensitivity: number;
  specificity: number;
  /** Validation transcripts the correction rests on. */
  validationN: number;
}

/**
 * Rogan–Gladen corrected prevalence (Rogan & Gladen 1978, Am J Epidemiol
 * 107:71–76): π̂ = (p̂ + Sp − 1) / (Se + Sp − 1), p̂ the judge's raw rate.
 *
 * Interval: delta method with all three proportions estimated from
 * independent binomial samples (the charted set for p̂, the human-labelled
 * positives for Se, negatives for Sp), as in Rogan & Gladen's variance and
 * Greiner & Gardner (2000), Prev Vet Med 45:3–22:
 *   Var(π̂) = [p̂(1−p̂)/n + π̂² Se(1−Se)/n₊ + (1−π̂)² Sp(1−Sp)/n₋] / (Se + Sp − 1)²,
 * a Wald interval, estimate and limits truncated to [0, 1]. The validation
 * terms are what make it wider than the raw rate's interval when few
 * transcripts were checked by humans.
 *
 * Null when a count is empty or Se + Sp ≤ 1 (the judge is no better than
 * chance on the validation set, and no correction is defined).
 */
export function roganGladen(input: RoganGladenInput, z = Z95): CorrectedRate | null {
  const { judgedPositive, n, truePositives, referencePositives, trueNegatives, referenceNegatives } = input;
  for (const [x, total] of [
    [judgedPositive, n],
    [truePositives, referencePositives],
    [trueNegatives, referenceNegatives],
  ]) {
    if (!Number.isInteger(x) || !Number.isInteger(total) || x < 0 || x > total) throw new RangeError(`Invalid count: ${x} of ${total}`);
  }
  if (n === 0 || referencePositives === 0 || referenceNegatives === 0) return null;
  const raw = judgedPositive / n;
  const sensitivity = truePositives / referencePositives;
  const specificity = trueNegatives / referenceNegatives;
  const youden = sensitivity + specificity - 1;
  if (youden <= 0) return null;
  const unclipped = (raw + specificity - 1) / youden;
  const variance =
    ((raw * (1 - raw)) / n +
      (unclipped ** 2 * sensitivity * (1 - sensitivity)) / referencePositives +
      ((1 - unclipped) ** 2 * specificity * (1 - specificity)) / referenceNegatives) /
    youden ** 2;
  const standardError = Math.sqrt(variance);
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  return {
    estimate: clip(unclipped),
    lower: clip(unclipped - z * standardError),
    upper: clip(unclipped + z * standardError),
    unclipped,
    standardError,
    sensitivity,
    specificity,
    validationN: referencePositives + referenceNegatives,
  };
}
