import { wilson, type Interval } from "@/lib/analytics/stats/intervals";
import type { ScoredItem } from "./confusion";

export interface CalibrationBin {
  /** [lower, upper): the last bin includes 1. */
  lower: number;
  upper: number;
  n: number;
  meanScore: number | null;
  /** Share of reference positives in the bin, Wilson 95% interval; null when empty. */
  observed: Interval | null;
}

/**
 * Reliability diagram bins: equal-width score bins, each with its mean score
 * and the observed positive rate (a calibrated judge sits on the diagonal).
 * Empty bins are kept so the plot's x axis stays fixed.
 */
export function calibrationBins(items: readonly ScoredItem[], binCount = 10): CalibrationBin[] {
  if (!Number.isInteger(binCount) || binCount < 1) throw new RangeError(`Invalid bin count ${binCount}`);
  const sums = Array.from({ length: binCount }, () => ({ n: 0, positives: 0, scoreSum: 0 }));
  for (const { score, actual } of items) {
    if (!(score >= 0 && score <= 1)) throw new RangeError(`Score ${score} is outside [0, 1]`);
    const bin = sums[Math.min(binCount - 1, Math.floor(score * binCount))];
    bin.n++;
    bin.scoreSum += score;
    if (actual) bin.positives++;
  }
  return sums.map((bin, i) => ({
    lower: i / binCount,
    upper: (i + 1) / binCount,
    n: bin.n,
    meanScore: bin.n ? bin.scoreSum / bin.n : null,
    observed: wilson(bin.positives, bin.n),
  }));
}

/** Expected calibration error: Σ (nᵦ / N) |observed − mean score| over non-empty bins. */
export function expectedCalibrationError(bins: readonly CalibrationBin[]): number | null {
  const total = bins.reduce((sum, bin) => sum + bin.n, 0);
  if (total === 0) return null;
  return bins.reduce(
    (sum, bin) => (bin.n && bin.observed ? sum + (bin.n / total) * Math.abs(bin.observed.estimate - bin.meanScore!) : sum),
    0,
  );
}
