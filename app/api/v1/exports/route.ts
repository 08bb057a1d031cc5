import { ApiInputError, apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { exportRequestSchema } from "@/lib/api/schemas";
import { pgPool } from "@/lib/db/pg-pool";
import { createExportJob, listExportJobs, spawnExportJob } from "@/lib/exports/jobs";
import { exportJobDocument } from "@/lib/exports/job-document";

/**
 * POST /api/v1/exports: starts an export of a filter of the transcripts
 * table as a background job; 202 with the job, whose `status_url` tells its
 * progress and, once done, its files' download links. GET: the latest jobs.
 */
export const POST = withApiAuth("lead", async (request, _context: unknown, user) => {
  const body = await request.json().catch(() => {
    throw new ApiInputError("The request body must be JSON: an export request (see /api/v1/openapi.json).", []);
  });
  const exportRequest = parseInput(exportRequestSchema, body, "export request");
  const id = await createExportJob(pgPool(), exportRequest, user.id);
  spawnExportJob(process.env.DATABASE_URL!, id);
  return apiJson(exportJobDocument({ id, status: "queued", done: 0, total: null, files: [], message: null, request: exportRequest }), 202);
});

export const GET = withApiAuth("lead", async () => {
  const jobs = await listExportJobs(pgPool());
  return apiJson({ exports: jobs.map(exportJobDocument) });
});
