import { calibrationBins, expectedCalibrationError, type CalibrationBin } from "@/lib/judges/metrics/calibration";
import { classificationFigures, confusionMatrix, type ClassificationFigures, type ConfusionMatrix } from "@/lib/judges/metrics/confusion";
import { precisionRecallCurve, type PrecisionRecallPoint } from "@/lib/judges/metrics/precision-recall";
import { auroc, rocCurve, type AurocEstimate, type RocPoint } from "@/lib/judges/metrics/roc";

/**
 * One transcript of a validation: the judge's prediction for one label and
 * the human reference (the consensus, or one annotator), read by
 * reference.ts into positive / negative / none.
 */
export interface ValidationRow {
  transcriptId: number;
  variation: string;
  /** For the links to the transcripts table (`variation=`). */
  variationId?: number;
  condition: string;
  /** The judge's verdict; null: no readable sample. */
  verdict: boolean | null;
  /** The judge's score in [0, 1]; null for a judge without scores. */
  score: number | null;
  /** The human reference; null: nobody labelled it, or the consensus is undecided. */
  reference: boolean | null;
}

/** Which cell of the confusion matrix a transcript falls in (the links' filter). */
export type Cell = "tp" | "fp" | "fn" | "tn";

/**
 * What a transcript counts as: its verdict is the judge's own, or, with a
 * threshold, "score ≥ threshold". A transcript without a verdict (no
 * readable sample, or no score under a threshold) or without a reference
 * counts in no cell: the page says how many.
 */
export function cellOf(row: ValidationRow, threshold: number | null): Cell | null {
  const predicted = predictedAt(row, threshold);
  if (predicted === null || row.reference === null) return null;
  if (predicted) return row.reference ? "tp" : "fp";
  return row.reference ? "fn" : "tn";
}

export function predictedAt(row: ValidationRow, threshold: number | null): boolean | null {
  if (threshold === null) return row.verdict;
  return row.score === null ? null : row.score >= threshold;
}

export interface ValidationFigures {
  /** Transcripts counted in the matrix. */
  n: number;
  /** Judged but without a human reference (not counted). */
  withoutReference: number;
  /** With a reference but without a verdict (unreadable answers, or no score under a threshold): not counted. */
  withoutVerdict: number;
  matrix: ConfusionMatrix;
  figures: ClassificationFigures;
  /** Scored judges only (null otherwise, or without both classes). */
  auroc: AurocEstimate | null;
  roc: RocPoint[] | null;
  precisionRecall: { points: PrecisionRecallPoint[]; averagePrecision: number } | null;
  calibration: CalibrationBin[] | null;
  expectedCalibrationError: number | null;
}

/**
 * Every figure of the validation page for one set of rows at one threshold.
 * The curves and the AUROC do not depend on the threshold (they are every
 * threshold at once); the matrix and the figures do.
 */
export function validationFigures(rows: readonly ValidationRow[], threshold: number | null): ValidationFigures {
  const cells: { predicted: boolean; actual: boolean }[] = [];
  let withoutReference = 0;
  let withoutVerdict = 0;
  for (const row of rows) {
    const predicted = predictedAt(row, threshold);
    if (row.reference === null) withoutReference++;
    else if (predicted === null) withoutVerdict++;
    else cells.push({ predicted, actual: row.reference });
  }
  const matrix = confusionMatrix(cells);
  const scored = rows.flatMap((row) => (row.score !== null && row.reference !== null ? [{ score: row.score, actual: row.reference }] : []));
  const hasScores = scored.length > 0;
  const calibration = hasScores ? calibrationBins(scored) : null;
  return {
    n: cells.length,
    withoutReference,
    withoutVerdict,
    matrix,
    figures: classificationFigures(matrix),
    auroc: hasScores ? auroc(scored) : null,
    roc: hasScores ? rocCurve(scored) : null,
    precisionRecall: hasScores ? precisionRecallCurve(scored) : null,
    calibration,
    expectedCalibrationError: calibration ? expectedCalibrationError(calibration) : null,
  };
}

/** One group of the breakdown: a variation and a condition, with its own n. */
export interface BreakdownGroup {
  variation: string;
  variationId?: number;
  condition: string;
  figures: ValidationFigures;
}

/**
 * The figures per variation and condition (the paper's groups), sorted by
 * variation then condition; each with its n, so a figure from ten
 * transcripts reads as what it is.
 */
export function breakdown(rows: readonly ValidationRow[], threshold: number | null): BreakdownGroup[] {
  const groups = new Map<string, ValidationRow[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.variation, row.condition]);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.entries()]
    .map(([key, group]) => {
      const [variation, condition] = JSON.parse(key) as [string, string];
      return { variation, variationId: group[0].variationId, condition, figures: validationFigures(group, threshold) };
    })
    .sort((a, b) => a.variation.localeCompare(b.variation) || a.condition.localeCompare(b.condition));
}
