import { csvFile } from "@/lib/csv/write";
import type { JudgeChart } from "./judge-chart";

const HEADER = [
  "variation",
  "condition",
  "judge",
  "run",
  "n",
  "positive",
  "rate",
  "lower_95",
  "upper_95",
  "corrected_rate",
  "corrected_lower_95",
  "corrected_upper_95",
  "validation_n",
];

const fraction = (x: number | undefined) => (x === undefined ? null : Number(x.toFixed(6)));

/**
 * The chart by judge as CSV (variations.csv with `source=@judge:<run>`): one
 * line per variation × condition the run judged, the raw rate with its Wilson
 * interval and, with `corrected=1`, the Rogan–Gladen rate beside it (empty
 * where the correction is undefined, Se + Sp ≤ 1) and the validation n.
 */
export function judgeRatesCsv(chart: JudgeChart): string {
  const lines = chart.rows.map((row) => [
    row.variation,
    row.condition,
    chart.source.judgeName,
    chart.source.runId,
    row.n,
    row.positive,
    fraction(row.raw?.estimate),
    fraction(row.raw?.lower),
    fraction(row.raw?.upper),
    fraction(row.corrected?.estimate),
    fraction(row.corrected?.lower),
    fraction(row.corrected?.upper),
    chart.validation?.n ?? null,
  ]);
  return csvFile(HEADER, lines);
}
