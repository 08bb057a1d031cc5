import { teamLabels } from "@/lib/access/annotations";
import { teamLabelsAnswer } from "@/lib/api/answers";
import { idParams } from "@/lib/schemas";
import { route } from "@/lib/server/route";

/**
 * Everyone's submitted labels of a transcript and the consensus per label
 * (lib/team/consensus.ts): leads only. An annotator asking for other people's
 * labels gets 403, not an empty list.
 *
 * GET 200 {transcriptId, annotators: AnnotatorLabels[], consensus: ConsensusLabel[]} · 401 · 403 · 404
 */
export const GET = route({ auth: "session", role: "lead", params: idParams, output: teamLabelsAnswer }, async ({ params }) => ({
  transcriptId: params.id,
  ...(await teamLabels(params.id)),
}));
