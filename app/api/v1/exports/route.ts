import { ApiInputError, apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { exportRequestSchema } from "@/lib/api/schemas";
import { pgPool } from "@/lib/db/pg-pool";
import { createExportJob, getExportJob, listExportJobs } from "@/lib/exports/jobs";
import { exportJobDocument } from "@/lib/exports/job-document";

/**
 * POST /api/v1/exports: queues an export of a filter of the transcripts
 * table as a background job (any worker runs it); 202 with the job, whose `status_url` tells its
 * progress and, once done, its files' download links. GET: the latest jobs.
 */
export const POST = withApiAuth("lead", async (request, _context: unknown, user) => {
  const body = await request.json().catch(() => {
    throw new ApiInputError("The request body must be JSON: an export request (see /api/v1/openapi.json).", []);
  });
  const exportRequest = parseInput(exportRequestSchema, body, "export request");
  const client = await pgPool().connect();
  const { id } = await createExportJob(client, exportRequest, user.id).finally(() => client.release());
  return apiJson(exportJobDocument((await getExportJob(pgPool(), id))!), 202);
});

export const GET = withApiAuth("lead", async () => {
  const jobs = await listExportJobs(pgPool());
  return apiJson({ exports: jobs.map(exportJobDocument) });
});
