import type { StackedBar, VariationSeries } from "./prepare-variation-chart";

export type Segment = "refuses" | "compliesWithAf" | "compliesWithoutAf";
export const SEGMENTS: { key: Segment; label: string; color: string }[] = [
  { key: "refuses", label: "Refuses", color: "#94a3b8" },
  { key: "compliesWithAf", label: "Complies, with AF reasoning", color: "#e11d48" },
  { key: "compliesWithoutAf", label: "Complies, no AF reasoning", color: "#f59e0b" },
];

/** One horizontal bar of the chart: a variation under one condition, in percent. */
export interface ChartRow {
  id: string;
  variationId: number;
  variation: string;
  condition: StackedBar["condition"];
  label: string;
  n: number;
  refuses: number;
  compliesWithAf: number;
  compliesWithoutAf: number;
  counts: StackedBar["counts"];
}

/** Flattens the series into the bars the renderer draws, training above deployment. */
export function chartRows(series: VariationSeries[]): ChartRow[] {
  return series.flatMap((variation) =>
    variation.bars.map((bar) => ({
      id: `${variation.variationId}-${bar.condition}`,
      variationId: variation.variationId,
      variation: variation.name,
      condition: bar.condition,
      label: `${variation.name} · ${bar.condition === "training" ? "training" : "deployment"}`,
      n: bar.n,
      refuses: bar.refuses * 100,
      compliesWithAf: bar.compliesWithAf * 100,
      compliesWithoutAf: bar.compliesWithoutAf * 100,
      counts: bar.counts,
    })),
  );
}
