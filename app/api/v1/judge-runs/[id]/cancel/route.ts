import { cancelRun } from "@/lib/access/judges";
import { cancelAnswer } from "@/lib/judges/api";
import { idParams } from "@/lib/schemas";
import { route } from "@/lib/server/route";

/** POST /api/v1/judge-runs/:id/cancel: a queued run is cancelled at once, a running one stops within a second or two ("stopping"). */
export const POST = route({ auth: "token-or-session", role: "lead", params: idParams, output: cancelAnswer }, async ({ params }) => ({
  outcome: await cancelRun(params.id),
}));
