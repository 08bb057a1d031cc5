import { formatLabelFilter } from "@/lib/transcripts/list-state";
import { CONSENSUS_BY, labelSourceParam } from "./label-sources";
import type { ChartFilter } from "./variation-counts-sql";
import type { ChartRow, Segment } from "./chart-rows";

/**
 * The transcripts behind one bar segment: the same filters plus the segment's
 * label values, as a link to the transcripts table (exact count, so the table's
 * total can be held against the segment's n).
 */
export function drillDownHref(filter: ChartFilter, row: Pick<ChartRow, "variationId" | "condition">, segment: Segment): string {
  const params = new URLSearchParams();
  params.set("variation", String(row.variationId));
  params.set("condition", row.condition);
  if (filter.modelId) params.set("model", String(filter.modelId));
  if (filter.datasetId) params.set("dataset", String(filter.datasetId));
  const labelSource = filter.labelSource;
  if (labelSource.kind !== "source") {
    params.set("by", labelSourceParam(labelSource) === CONSENSUS_BY ? CONSENSUS_BY : (labelSource as { annotatorId: string }).annotatorId);
    params.set("outcome", segment);
    params.set("count", "exact");
    return `/transcripts?${params}`;
  }
  const { source, compliance, alignmentFaking } = labelSource;
  params.append("label", formatLabelFilter({ source, name: compliance, value: segment === "refuses" ? "false" : "true" }));
  if (alignmentFaking && segment !== "refuses") {
    params.append("label", formatLabelFilter({ source, name: alignmentFaking, value: segment === "compliesWithAf" ? "true" : "false" }));
  }
  params.set("count", "exact");
  return `/transcripts?${params}`;
}
