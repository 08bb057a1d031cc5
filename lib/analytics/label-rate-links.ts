import { formatLabelCondition } from "@/lib/annotations/filter-params";
import { CONSENSUS_BY } from "./label-sources";
import type { LabelRateFilter } from "./label-rates-sql";

/** The transcripts behind one bar of the "any label" chart: the same filters, read from the same annotator's labels, counted exactly. */
export function labelRateDrillDown(filter: LabelRateFilter, variationId: number, condition: "training" | "deployment"): string {
  const params = new URLSearchParams();
  params.set("variation", String(variationId));
  params.set("condition", condition);
  if (filter.modelId) params.set("model", String(filter.modelId));
  if (filter.datasetId) params.set("dataset", String(filter.datasetId));
  if (filter.by === CONSENSUS_BY) {
    const { condition } = filter;
    // The consensus filter's syntax: a span label's consensus is "has evidence" (yes / no).
    params.set("consensus", "span" in condition ? `${condition.key}:yes` : formatLabelCondition(condition));
  } else {
    params.set("by", filter.by);
    params.set("human", formatLabelCondition(filter.condition));
  }
  params.set("count", "exact");
  return `/transcripts?${params}`;
}
