import { CONSENSUS_BY } from "@/lib/analytics/label-sources";
import { formatJudgeFilter, type JudgeCell, type ValidationReference } from "./judge-filter";

/**
 * The transcripts behind a number of the validation page: the transcripts
 * table filtered by the run's cell (judge=RUN:CELL[@threshold]), against the
 * same reference (`by`), narrowed to a variation and condition for the
 * breakdown's numbers.
 */
export function cellHref(
  runId: number,
  cell: JudgeCell,
  options: { threshold: number | null; reference: ValidationReference; variationId?: number; condition?: string },
): string {
  const params = new URLSearchParams();
  params.set("judge", formatJudgeFilter({ runId, cell, ...(options.threshold !== null && { threshold: options.threshold }) }));
  params.set("by", options.reference.kind === "consensus" ? CONSENSUS_BY : options.reference.annotatorId);
  if (options.variationId !== undefined) params.set("variation", String(options.variationId));
  if (options.condition) params.set("condition", options.condition);
  return `/transcripts?${params.toString()}`;
}
