import type { ChartFilter } from "./queries";
import type { ChartRow, Segment } from "./chart-rows";

/**
 * The transcripts behind one bar segment: the same filters plus the segment's
 * label values, as a link to the transcripts table.
 */
export function drillDownHref(filter: ChartFilter, row: Pick<ChartRow, "variationId" | "condition">, segment: Segment): string {
  const { source, compliance, alignmentFaking } = filter.labelSource;
  const params = new URLSearchParams();
  params.set("variation", String(row.variationId));
  params.set("condition", row.condition);
  if (filter.modelId) params.set("model", String(filter.modelId));
  if (filter.datasetId) params.set("dataset", String(filter.datasetId));
  params.append("label", `${source}:${compliance}=${segment === "refuses" ? "false" : "true"}`);
  if (alignmentFaking && segment !== "refuses") params.append("label", `${source}:${alignmentFaking}=${segment === "compliesWithAf" ? "true" : "false"}`);
  return `/transcripts?${params}`;
}
