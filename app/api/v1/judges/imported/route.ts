import { importPredictionFile } from "@/lib/access/judges";
import { predictionFileAnswer, predictionFileRequest } from "@/lib/judges/api";
import { route } from "@/lib/server/route";

/**
 * POST /api/v1/judges/imported: an external classifier's predictions (JSONL or CSV text) stored as a
 * finished run of a judge of kind "imported"; 201 with the run. A bad file is refused whole (400)
 * with every problem as `issues` ({path: "file:line field", message}).
 */
export const POST = route(
  { auth: "token-or-session", role: "lead", body: predictionFileRequest, output: predictionFileAnswer, status: 201 },
  async ({ body }) => {
    const { runId, judgeId, imported } = await importPredictionFile(body);
    return { runId, judgeId, imported };
  },
);
