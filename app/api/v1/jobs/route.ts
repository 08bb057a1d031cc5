import { z } from "zod";
import { apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { queryObject } from "@/lib/api/schemas";
import { pgPool } from "@/lib/db/pg-pool";
import { JobStatus } from "@/lib/generated/prisma/enums";
import { jobDocument } from "@/lib/jobs/document";
import { jobKindSchema } from "@/lib/jobs/kinds-registry";
import { listJobs } from "@/lib/jobs/queue";

const querySchema = z.object({
  kind: jobKindSchema.optional(),
  status: z.enum(JobStatus).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** GET /api/v1/jobs?kind=&status=&limit=: the latest background jobs, newest first. */
export const GET = withApiAuth("lead", async (request) => {
  const query = parseInput(querySchema, queryObject(request.url), "query");
  const jobs = await listJobs(pgPool(), query);
  return apiJson({ jobs: jobs.map(jobDocument) });
});
