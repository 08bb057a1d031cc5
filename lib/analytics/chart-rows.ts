import type { SegmentCounts, StackedBar, VariationSeries } from "./prepare-variation-chart";
import type { ReferenceRates } from "./rates-table";

export type Segment = keyof SegmentCounts;
export const SEGMENTS: { key: Segment; label: string; color: string }[] = [
  { key: "refuses", label: "Refuses", color: "#94a3b8" },
  { key: "compliesWithAf", label: "Complies, with AF reasoning", color: "#e11d48" },
  { key: "compliesWithoutAf", label: "Complies, no AF reasoning", color: "#f59e0b" },
  { key: "compliesAfUnlabelled", label: "Complies, AF not labelled", color: "#fcd34d" },
];

/** One horizontal bar of the chart: a variation under one condition, in percent. */
export interface ChartRow {
  id: string;
  variationId: number;
  variation: string;
  condition: StackedBar["condition"];
  label: string;
  n: number;
  /** Percent of n per segment, 0 where a segment has nothing to count (drawn empty)... */
  refuses: number;
  compliesWithAf: number;
  compliesWithoutAf: number;
  compliesAfUnlabelled: number;
  /** ... and null there, for the tooltip's "–". */
  counts: SegmentCounts;
  /** Shown beside the name: the gap stays significant after the chosen correction. */
  flagged: boolean;
  /** The published refusal rate for this bar (percent), drawn as a marker where the refuses segment would end; null when unpublished. */
  reference: number | null;
  /** Distances below and above it to its 95% interval's ends, for the marker's whiskers; null without a standard error. */
  referenceError: [below: number, above: number] | null;
}

/** Flattens the series into the bars the renderer draws, training above deployment. */
export function chartRows(
  series: (VariationSeries & { flagged?: boolean })[],
  reference: Map<number, ReferenceRates | null> = new Map(),
): ChartRow[] {
  return series.flatMap((variation) =>
    variation.bars.map((bar) => {
      const published = reference.get(variation.variationId)?.refuses[bar.condition] ?? null;
      return {
        id: `${variation.variationId}-${bar.condition}`,
        variationId: variation.variationId,
        variation: variation.name,
        condition: bar.condition,
        label: `${variation.name} · ${bar.condition === "training" ? "training" : "deployment"}`,
        n: bar.n,
        refuses: bar.shares.refuses * 100,
        compliesWithAf: (bar.shares.compliesWithAf ?? 0) * 100,
        compliesWithoutAf: (bar.shares.compliesWithoutAf ?? 0) * 100,
        compliesAfUnlabelled: bar.shares.compliesAfUnlabelled * 100,
        counts: bar.counts,
        flagged: variation.flagged ?? false,
        reference: published?.value ?? null,
        referenceError: published?.interval ? [published.value - published.interval[0], published.interval[1] - published.value] : null,
      };
    }),
  );
}
