import { apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { queryObject, transcriptListQuerySchema } from "@/lib/api/schemas";
import { filtersQueryString } from "@/lib/exports/request";
import { listTranscripts } from "@/lib/transcripts/list";
import { parseListState } from "@/lib/transcripts/list-state";

/** GET /api/v1/transcripts: the transcripts table's rows (same filters), in id order, a page at a time. */
export const GET = withApiAuth("annotator", async (request, _context: unknown, user) => {
  const { size, after, ...filters } = parseInput(transcriptListQuerySchema, queryObject(request.url), "query");
  const params = new URLSearchParams(filtersQueryString(filters));
  params.set("size", String(size));
  if (after !== undefined) params.set("after", String(after));
  const state = parseListState(params);
  state.filters.viewerId = user.id;
  const page = await listTranscripts(state);
  return apiJson({
    transcripts: page.rows.map((row) => ({
      id: row.id, pair_id: row.pairId, condition: row.condition, setting_id: row.settingId, variation_id: row.variationId,
      model_id: row.modelId, dataset_id: row.datasetId, query_preview: row.query, scratchpad_chars: row.scratchpadChars,
      output_chars: row.outputChars, format_issues: row.formatIssues, labels: row.labels,
    })),
    counts: page.counts,
    next_after: page.hasNext ? page.rows.at(-1)!.id : null,
  });
});
