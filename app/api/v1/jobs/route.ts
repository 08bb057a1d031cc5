import { jobList } from "@/lib/access/jobs";
import { jobsAnswer } from "@/lib/api/answers";
import { jobListQuerySchema } from "@/lib/api/schemas";
import { jobDocument } from "@/lib/jobs/document";
import { route } from "@/lib/server/route";

/** GET /api/v1/jobs?kind=&status=&limit=: the latest background jobs, newest first. */
export const GET = route({ auth: "token-or-session", role: "lead", query: jobListQuerySchema, output: jobsAnswer }, async ({ query }) => ({
  jobs: (await jobList(query)).map(jobDocument),
}));
