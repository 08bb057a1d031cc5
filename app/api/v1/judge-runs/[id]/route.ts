import { runForLead } from "@/lib/access/judges";
import { runAnswer } from "@/lib/judges/api";
import { idParams } from "@/lib/schemas";
import { route } from "@/lib/server/route";

/** GET /api/v1/judge-runs/:id: a run's status, progress, tokens and estimated cost. */
export const GET = route({ auth: "token-or-session", role: "lead", params: idParams, output: runAnswer }, async ({ params }) =>
  runForLead(params.id),
);
