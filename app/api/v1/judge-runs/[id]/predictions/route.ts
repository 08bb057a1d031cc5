import { predictionsForLead } from "@/lib/access/judges";
import { predictionsAnswer, predictionsQuery } from "@/lib/judges/api";
import { idParams } from "@/lib/schemas";
import { route } from "@/lib/server/route";

/** GET /api/v1/judge-runs/:id/predictions?after=&limit=: the run's predictions in transcript-id order, with evidence offsets. */
export const GET = route(
  { auth: "token-or-session", role: "lead", params: idParams, query: predictionsQuery, output: predictionsAnswer },
  async ({ params, query }) => {
    const predictions = await predictionsForLead(params.id, query.after, query.limit);
    return { predictions, next: predictions.length === query.limit ? predictions.at(-1)!.transcriptId : null };
  },
);
