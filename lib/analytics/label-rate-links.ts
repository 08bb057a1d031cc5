import { formatLabelCondition } from "@/lib/annotations/filter-params";
import type { LabelRateFilter } from "./label-rates-sql";

/** The transcripts behind one bar of the "any label" chart: the same filters, read from the same annotator's labels, counted exactly. */
export function labelRateDrillDown(filter: LabelRateFilter, variationId: number, condition: "training" | "deployment"): string {
  const params = new URLSearchParams();
  params.set("variation", String(variationId));
  params.set("condition", condition);
  if (filter.modelId) params.set("model", String(filter.modelId));
  if (filter.datasetId) params.set("dataset", String(filter.datasetId));
  params.set("by", filter.annotatorId);
  params.set("human", formatLabelCondition(filter.condition));
  params.set("count", "exact");
  return `/transcripts?${params}`;
}
