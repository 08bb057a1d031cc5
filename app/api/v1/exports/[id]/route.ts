import { UserFacingError } from "@/lib/auth/errors";
import { apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/api/schemas";
import { pgPool } from "@/lib/db/pg-pool";
import { getExportJob } from "@/lib/exports/jobs";
import { exportJobDocument } from "@/lib/exports/job-document";

/** GET /api/v1/exports/:id: the job's status and progress; once succeeded, its files with download URLs. */
export const GET = withApiAuth("lead", async (_request, context: { params: Promise<{ id: string }> }) => {
  const { id } = parseInput(idParamsSchema, await context.params, "path");
  const job = await getExportJob(pgPool(), id);
  if (!job) throw new UserFacingError(`There is no export ${id}.`, 404);
  return apiJson(exportJobDocument(job));
});
