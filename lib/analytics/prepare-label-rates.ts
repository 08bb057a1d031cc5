import { wilson, type Interval } from "./stats/intervals";
import type { LabelRateRow } from "./label-rates-sql";
import { csvFile } from "@/lib/csv/write";
import { CONDITIONS } from "@/lib/schemas";
import type { LabelRateGap } from "./label-rate-gaps";
import { csvNumber, csvP } from "./rates-table";

/** One variation of the "any label" chart: the rate in each condition with its Wilson interval and n. */
export interface LabelRateSeries {
  variationId: number;
  name: string;
  isBaseline: boolean;
  training: RateCell;
  deployment: RateCell;
}

export interface RateCell {
  k: number;
  n: number;
  /** Null when n = 0: no estimate, shown as such. */
  rate: Interval | null;
}

export function prepareLabelRates(rows: LabelRateRow[]): LabelRateSeries[] {
  const cell = (k: number, n: number): RateCell => ({ k, n, rate: wilson(k, n) });
  return rows.map((row) => ({
    variationId: row.id,
    name: row.name,
    isBaseline: row.is_baseline,
    training: cell(row.k_training, row.n_training),
    deployment: cell(row.k_deployment, row.n_deployment),
  }));
}

/**
 * The chart's rows in percent, with the interval as [lower, upper] error bars (Recharts' shape);
 * `flagged`: the variations whose gap stays significant after the page's correction (starred).
 */
export function labelRateChartRows(series: LabelRateSeries[], flagged: ReadonlySet<number> = new Set()) {
  const percent = (cell: RateCell) => (cell.rate ? cell.rate.estimate * 100 : null);
  const error = (cell: RateCell): [number, number] | null =>
    cell.rate ? [(cell.rate.estimate - cell.rate.lower) * 100, (cell.rate.upper - cell.rate.estimate) * 100] : null;
  return series.map((s) => ({
    id: s.variationId,
    name: s.name,
    training: percent(s.training),
    trainingError: error(s.training),
    trainingN: s.training.n,
    deployment: percent(s.deployment),
    deploymentError: error(s.deployment),
    deploymentN: s.deployment.n,
    flagged: flagged.has(s.variationId),
  }));
}

const CSV_HEADER = [
  "variation",
  "baseline",
  "condition",
  "k",
  "n",
  "rate",
  "lower_95",
  "upper_95",
  "gap",
  "gap_p",
  "gap_p_holm",
  "gap_p_bh",
  "gap_flagged",
];

/**
 * The "any label" chart's numbers as CSV: one line per variation and condition (rates as fractions;
 * empty when n = 0), and the variation's gap with its test and the page's flag on both of its lines
 * (label-rate-gaps.ts; empty where untested).
 */
export function labelRatesCsv(series: LabelRateSeries[], gaps: ReadonlyMap<number, LabelRateGap> = new Map()): string {
  const lines = series.flatMap((s) =>
    CONDITIONS.map((condition) => {
      const cell = s[condition];
      const rate = cell.rate ? [cell.rate.estimate, cell.rate.lower, cell.rate.upper].map((x) => Number(x.toFixed(6))) : [null, null, null];
      const gap = gaps.get(s.variationId);
      const test = gap?.test;
      const tested = test
        ? [csvNumber(gap.gap), csvP(test.p), csvP(test.holm), csvP(test.bh), gap.flagged]
        : [null, null, null, null, null];
      return [s.name, s.isBaseline, condition, cell.k, cell.n, ...rate, ...tested];
    }),
  );
  return csvFile(CSV_HEADER, lines);
}
