import { mcnemarExact } from "@/lib/analytics/stats/exact-tests";
import { newcombePaired, type Interval } from "@/lib/analytics/stats/intervals";
import { pairedAurocDifference } from "@/lib/judges/metrics/roc";
import { predictedAt, validationFigures, type ValidationFigures, type ValidationRow } from "./report";

/**
 * Two judges (or two runs) side by side, paired: only the transcripts both
 * judged and humans labelled, so a difference is the judges', not the
 * samples'. Accuracy is compared with Newcombe's paired interval (method 10)
 * and McNemar's exact test on the transcripts where exactly one is right;
 * AUROC (both scored) with DeLong's paired covariance.
 */
export interface PairedComparison {
  n: number;
  first: ValidationFigures;
  second: ValidationFigures;
  /** Right/wrong counts: both right, only the first, only the second, both wrong. */
  agreement: { bothRight: number; firstOnly: number; secondOnly: number; bothWrong: number };
  /** Accuracy of the first minus the second, Newcombe paired 95% interval. */
  accuracyDifference: Interval | null;
  /** McNemar's exact two-sided p for "equally accurate". */
  mcnemarP: number | null;
  /** AUROC of the first minus the second (DeLong, paired). */
  aurocDifference: (Interval & { standardError: number }) | null;
}

export function pairedComparison(
  first: readonly ValidationRow[],
  second: readonly ValidationRow[],
  thresholds: { first: number | null; second: number | null },
): PairedComparison {
  const secondById = new Map(second.map((row) => [row.transcriptId, row]));
  const pairs: [ValidationRow, ValidationRow][] = [];
  for (const row of first) {
    const other = secondById.get(row.transcriptId);
    if (!other || row.reference === null) continue;
    if (predictedAt(row, thresholds.first) === null || predictedAt(other, thresholds.second) === null) continue;
    pairs.push([row, { ...other, reference: row.reference }]);
  }
  const agreement = { bothRight: 0, firstOnly: 0, secondOnly: 0, bothWrong: 0 };
  for (const [a, b] of pairs) {
    const aRight = predictedAt(a, thresholds.first) === a.reference;
    const bRight = predictedAt(b, thresholds.second) === b.reference;
    if (aRight && bRight) agreement.bothRight++;
    else if (aRight) agreement.firstOnly++;
    else if (bRight) agreement.secondOnly++;
    else agreement.bothWrong++;
  }
  const bothScored = pairs.filter(([a, b]) => a.score !== null && b.score !== null);
  return {
    n: pairs.length,
    first: validationFigures(
      pairs.map(([a]) => a),
      thresholds.first,
    ),
    second: validationFigures(
      pairs.map(([, b]) => b),
      thresholds.second,
    ),
    agreement,
    accuracyDifference: newcombePaired({
      yesYes: agreement.bothRight,
      yesNo: agreement.firstOnly,
      noYes: agreement.secondOnly,
      noNo: agreement.bothWrong,
    }),
    mcnemarP: pairs.length ? mcnemarExact(agreement.firstOnly, agreement.secondOnly) : null,
    aurocDifference:
      bothScored.length === pairs.length && pairs.length > 0
        ? pairedAurocDifference(
            bothScored.map(([a]) => a.score!),
            bothScored.map(([, b]) => b.score!),
            bothScored.map(([a]) => a.reference!),
          )
        : null,
  };
}
