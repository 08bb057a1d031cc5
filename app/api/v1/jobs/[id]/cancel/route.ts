import { UserFacingError } from "@/lib/auth/errors";
import { apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/api/schemas";
import { pgPool } from "@/lib/db/pg-pool";
import { jobDocument } from "@/lib/jobs/document";
import { cancelJob, getJob } from "@/lib/jobs/queue";

/**
 * POST /api/v1/jobs/:id/cancel: a queued job is cancelled at once; a running
 * one is asked to stop (its worker stops it within a few seconds; follow
 * `status_url`). 202 while stopping, 200 once cancelled or already finished.
 */
export const POST = withApiAuth("lead", async (_request, context: { params: Promise<{ id: string }> }) => {
  const { id } = parseInput(idParamsSchema, await context.params, "path");
  const client = await pgPool().connect();
  const outcome = await cancelJob(client, id).finally(() => client.release());
  if (outcome === "missing") throw new UserFacingError(`There is no job ${id}.`, 404);
  const job = (await getJob(pgPool(), id))!;
  return apiJson({ outcome, job: jobDocument(job) }, outcome === "stopping" ? 202 : 200);
});
