import { runForLead, runsForLead, startRun } from "@/lib/access/judges";
import { runAnswer, runRequestSchema, runsAnswer } from "@/lib/judges/api";
import { idParams } from "@/lib/schemas";
import { route } from "@/lib/server/route";

/** POST /api/v1/judges/:id/runs: runs the judge over a filter of the transcripts table as a background job; 202 with the run. GET: its runs. */
export const POST = route(
  { auth: "token-or-session", role: "lead", params: idParams, body: runRequestSchema, output: runAnswer, status: 202 },
  async ({ params, body }) => runForLead((await startRun(params.id, body.filters)).runId),
);

export const GET = route({ auth: "token-or-session", role: "lead", params: idParams, output: runsAnswer }, async ({ params }) => ({
  runs: await runsForLead({ judgeId: params.id }),
}));
