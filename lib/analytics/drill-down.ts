import { formatLabelFilter } from "@/lib/transcripts/list-state";
import { CONSENSUS_BY, labelSourceParam } from "./label-sources";
import type { ChartFilter } from "./variation-counts-sql";
import type { ChartRow, Segment } from "./chart-rows";

/**
 * The transcripts behind one bar segment: the same filters plus the segment's
 * label values, as a link to the transcripts table (exact count, so the table's
 * total can be held against the segment's n). Null when the table cannot list
 * exactly those transcripts: compliant ones that lack an AF label while others
 * have one (the table filters on labels present, not absent).
 */
export function drillDownHref(
  filter: ChartFilter,
  row: Pick<ChartRow, "variationId" | "condition">,
  segment: Segment,
  counts?: ChartRow["counts"],
): string | null {
  const params = new URLSearchParams();
  params.set("variation", String(row.variationId));
  params.set("condition", row.condition);
  if (filter.modelId) params.set("model", String(filter.modelId));
  if (filter.datasetId) params.set("dataset", String(filter.datasetId));
  const labelSource = filter.labelSource;
  if (labelSource.kind !== "source") {
    if (segment === "compliesAfUnlabelled") return null; // human outcomes always say whether there was AF reasoning
    params.set("by", labelSourceParam(labelSource) === CONSENSUS_BY ? CONSENSUS_BY : (labelSource as { annotatorId: string }).annotatorId);
    params.set("outcome", segment);
    params.set("count", "exact");
    return `/transcripts?${params}`;
  }
  const { source, compliance, alignmentFaking } = labelSource;
  params.append("label", formatLabelFilter({ source, name: compliance, value: segment === "refuses" ? "false" : "true" }));
  if (segment === "compliesAfUnlabelled") {
    // Exact only when no compliant transcript of the bar has an AF label: then it is "complied" itself.
    const someLabelled = counts && (counts.compliesWithAf ?? 0) + (counts.compliesWithoutAf ?? 0) > 0;
    if (alignmentFaking && someLabelled) return null;
  } else if (alignmentFaking && segment !== "refuses") {
    params.append("label", formatLabelFilter({ source, name: alignmentFaking, value: segment === "compliesWithAf" ? "true" : "false" }));
  }
  params.set("count", "exact");
  return `/transcripts?${params}`;
}
