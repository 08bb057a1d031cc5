import { UserFacingError } from "@/lib/auth/errors";
import { hasRole } from "@/lib/auth/roles";
import { apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { queryObject, transcriptListQuerySchema } from "@/lib/api/schemas";
import { filtersQueryString } from "@/lib/exports/request";
import { hideBlindHeld } from "@/lib/team/blind-holds";
import { listTranscripts } from "@/lib/transcripts/list";
import { parseListState } from "@/lib/transcripts/list-state";

/** GET /api/v1/transcripts: the transcripts table's rows (same filters), in id order, a page at a time. */
export const GET = withApiAuth("annotator", async (request, _context: unknown, user) => {
  const { size, after, ...filters } = parseInput(transcriptListQuerySchema, queryObject(request.url), "query");
  const params = new URLSearchParams(filtersQueryString(filters));
  params.set("size", String(size));
  if (after !== undefined) params.set("after", String(after));
  const lead = hasRole(user.role, "lead");
  if (filters.consensus?.length && !lead)
    throw new UserFacingError("Filtering by consensus needs the lead role: a consensus is made of other annotators' labels.", 403);
  const state = parseListState(params);
  state.filters.viewerId = user.id;
  state.filters.viewerSeesOthers = lead; // an annotator's human label conditions read their own labels only, as in the table
  const page = await listTranscripts(await hideBlindHeld(state, user));
  return apiJson({
    transcripts: page.rows.map((row) => ({
      id: row.id,
      pair_id: row.pairId,
      condition: row.condition,
      setting_id: row.settingId,
      variation_id: row.variationId,
      model_id: row.modelId,
      dataset_id: row.datasetId,
      query_preview: row.query,
      scratchpad_chars: row.scratchpadChars,
      output_chars: row.outputChars,
      format_issues: row.formatIssues,
      labels: row.labels,
    })),
    counts: page.counts,
    next_after: page.hasNext ? page.rows.at(-1)!.id : null,
  });
});
