import { transcriptRows } from "@/lib/access/transcripts";
import { transcriptListAnswer } from "@/lib/api/answers";
import { transcriptListQuerySchema } from "@/lib/api/schemas";
import { filtersQueryString } from "@/lib/exports/request";
import { route } from "@/lib/server/route";
import { parseListState } from "@/lib/transcripts/list-state";

/** GET /api/v1/transcripts: the transcripts table's rows (same filters, same visibility), in id order, a page at a time. */
export const GET = route(
  { auth: "token-or-session", query: transcriptListQuerySchema, output: transcriptListAnswer },
  async ({ query: { size, after, ...filters } }) => {
    const params = new URLSearchParams(filtersQueryString(filters));
    params.set("size", String(size));
    if (after !== undefined) params.set("after", String(after));
    const page = await transcriptRows(parseListState(params));
    return {
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
    };
  },
);
