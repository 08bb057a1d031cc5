import { defineJudge, judgeForLead, judgesForLead } from "@/lib/access/judges";
import { judgeAnswer, judgesAnswer } from "@/lib/judges/api";
import { llmJudgeSchema } from "@/lib/judges/definition";
import { route } from "@/lib/server/route";

/** GET /api/v1/judges: every judge (leads). POST: defines an LLM judge; 201 with it. */
export const GET = route({ auth: "token-or-session", role: "lead", output: judgesAnswer }, async () => ({ judges: await judgesForLead() }));

export const POST = route(
  { auth: "token-or-session", role: "lead", body: llmJudgeSchema, output: judgeAnswer, status: 201 },
  async ({ body }) => judgeForLead(await defineJudge(body)),
);
