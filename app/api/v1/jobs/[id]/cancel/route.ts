import { cancelJobAs } from "@/lib/access/jobs";
import { jobCancelAnswer } from "@/lib/api/answers";
import { jobDocument } from "@/lib/jobs/document";
import { idParams } from "@/lib/schemas";
import { route } from "@/lib/server/route";

/**
 * POST /api/v1/jobs/:id/cancel: a queued job is cancelled at once; a running
 * one is asked to stop (its worker stops it within a few seconds; follow
 * `status_url`). 202 while stopping, 200 once cancelled or already finished.
 */
export const POST = route(
  {
    auth: "token-or-session",
    role: "lead",
    params: idParams,
    output: jobCancelAnswer,
    status: (answer) => (answer.outcome === "stopping" ? 202 : 200),
  },
  async ({ params }) => {
    const { outcome, job } = await cancelJobAs(params.id);
    return { outcome, job: jobDocument(job) };
  },
);
