import { UserFacingError } from "@/lib/auth/errors";
import { apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/api/schemas";
import { pgPool } from "@/lib/db/pg-pool";
import { jobDocument } from "@/lib/jobs/document";
import { getJob } from "@/lib/jobs/queue";

/** GET /api/v1/jobs/:id: any background job's status, attempts and progress, read from the database. */
export const GET = withApiAuth("lead", async (_request, context: { params: Promise<{ id: string }> }) => {
  const { id } = parseInput(idParamsSchema, await context.params, "path");
  const job = await getJob(pgPool(), id);
  if (!job) throw new UserFacingError(`There is no job ${id}.`, 404);
  return apiJson(jobDocument(job));
});
