import type { Interval } from "./stats/intervals";
import type { JudgeRateRow } from "@/lib/judges/validation/corrected";

/** A bar row of the chart by judge: percentages, and each interval as [below, above] the estimate for an ErrorBar. */
export interface JudgeChartRow {
  name: string;
  raw: number | null;
  rawError: [number, number] | null;
  corrected: number | null;
  correctedError: [number, number] | null;
}

const percentOf = (interval: Interval | null) => (interval ? interval.estimate * 100 : null);
const errorOf = (interval: Interval | null): [number, number] | null =>
  interval ? [(interval.estimate - interval.lower) * 100, (interval.upper - interval.estimate) * 100] : null;

export function judgeChartRows(rows: readonly JudgeRateRow[]): JudgeChartRow[] {
  return rows.map((row) => ({
    name: `${row.variation} · ${row.condition}`,
    raw: percentOf(row.raw),
    rawError: errorOf(row.raw),
    corrected: percentOf(row.corrected),
    correctedError: errorOf(row.corrected),
  }));
}
