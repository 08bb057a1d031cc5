import { exportJob, exportJobs, startExportJob } from "@/lib/access/exports";
import { exportJobAnswer, exportJobsAnswer } from "@/lib/api/answers";
import { exportRequestSchema } from "@/lib/api/schemas";
import { exportJobDocument } from "@/lib/exports/job-document";
import { route } from "@/lib/server/route";

/**
 * POST /api/v1/exports: queues an export of a filter of the transcripts
 * table as a background job (any worker runs it); 202 with the job, whose `status_url` tells its
 * progress and, once done, its files' download links. GET: the latest jobs.
 */
export const POST = route(
  { auth: "token-or-session", role: "lead", body: exportRequestSchema, output: exportJobAnswer, status: 202 },
  async ({ body }) => {
    const { id } = await startExportJob(body);
    return exportJobDocument(await exportJob(id));
  },
);

export const GET = route({ auth: "token-or-session", role: "lead", output: exportJobsAnswer }, async () => ({
  exports: (await exportJobs()).map(exportJobDocument),
}));
