import { apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { jobListQuerySchema, queryObject } from "@/lib/api/schemas";
import { pgPool } from "@/lib/db/pg-pool";
import { jobDocument } from "@/lib/jobs/document";
import { listJobs } from "@/lib/jobs/queue";

/** GET /api/v1/jobs?kind=&status=&limit=: the latest background jobs, newest first. */
export const GET = withApiAuth("lead", async (request) => {
  const query = parseInput(jobListQuerySchema, queryObject(request.url), "query");
  const jobs = await listJobs(pgPool(), query);
  return apiJson({ jobs: jobs.map(jobDocument) });
});
