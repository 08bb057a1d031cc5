import { z } from "zod";
import { apiError, apiJson, withSession } from "@/lib/auth/route";
import { teamLabelsForTranscripts } from "@/lib/team/consensus";

/**
 * Everyone's submitted labels of a transcript and the consensus per label
 * (lib/team/consensus.ts): leads only. An annotator asking for other people's
 * labels gets 403 (withSession checks the role), not an empty list.
 *
 * GET 200 {transcriptId, annotators: AnnotatorLabels[], consensus: ConsensusLabel[]} · 401 · 403
 */
type Context = { params: Promise<{ id: string }> };

export const GET = withSession("lead", async (_request, context: Context) => {
  const id = z.coerce
    .number()
    .int()
    .positive()
    .safeParse((await context.params).id);
  if (!id.success) return apiError(404, "not_found", "No such transcript.");
  const labels = (await teamLabelsForTranscripts([id.data])).get(id.data) ?? { annotators: [], consensus: [] };
  return apiJson({ transcriptId: id.data, ...labels });
});
