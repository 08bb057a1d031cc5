import "server-only";
import { pgPool } from "@/lib/db/pg-pool";
import type { JobStatus } from "@/lib/generated/prisma/enums";
import { cancelJob, getJob, listJobs, type CancelOutcome, type JobView } from "@/lib/jobs/queue";
import { listLiveWorkers } from "@/lib/jobs/workers";
import { notFound } from "@/lib/server/errors";
import { viewerWithRole } from "./viewer";

/**
 * Background jobs (imports, exports, label-signature rebuilds) and the
 * workers running them: leads only, who start them. A job's payload can hold
 * whole system prompts of an import; the API leaves it out (lib/jobs/document.ts).
 */
export async function jobList(filter: { kind?: string; status?: JobStatus; limit?: number }): Promise<JobView[]> {
  await viewerWithRole("lead");
  return listJobs(pgPool(), filter);
}

export async function jobDetail(id: number): Promise<JobView> {
  await viewerWithRole("lead");
  const job = await getJob(pgPool(), id);
  if (!job) throw missingJob(id);
  return job;
}

/** The jobs page: recent jobs and the live workers. */
export async function jobsOverview(kind: string | undefined) {
  await viewerWithRole("lead");
  const [jobs, workers] = await Promise.all([listJobs(pgPool(), { kind, limit: 100 }), listLiveWorkers(pgPool())]);
  return { jobs, workers };
}

/** Cancels a queued job at once, or asks a running one to stop; the job as it is afterwards. */
export async function cancelJobAs(id: number): Promise<{ outcome: Exclude<CancelOutcome, "missing">; job: JobView }> {
  await viewerWithRole("lead");
  const client = await pgPool().connect();
  const outcome = await cancelJob(client, id).finally(() => client.release());
  if (outcome === "missing") throw missingJob(id);
  return { outcome, job: await jobDetail(id) };
}

const missingJob = (id: number) => notFound(`There is no job ${id}.`);
