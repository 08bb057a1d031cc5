import "server-only";
import { pgPool } from "@/lib/db/pg-pool";
import { createExportJob, exportFileLocation, getExportJob, listExportJobs } from "@/lib/exports/jobs";
import type { ExportRequest } from "@/lib/exports/request";
import { notFound } from "@/lib/server/errors";
import { listScopeOf } from "./transcripts";
import { viewerWithRole } from "./viewer";

/**
 * Exports hold every annotator's submitted labels and the consensus (named or
 * anonymised): leads only, to start, to follow and to download.
 */

/**
 * Queues an export (any worker runs it: lib/exports/export-job.ts). The job
 * runs without a request, so it carries the scope of the lead who started it
 * in its payload and reads for them, never for nobody or for everyone.
 */
export async function startExportJob(request: ExportRequest): Promise<{ id: number; jobId: number }> {
  const viewer = await viewerWithRole("lead");
  const scope = await listScopeOf(viewer);
  const client = await pgPool().connect();
  try {
    return await createExportJob(client, request, viewer.id, scope);
  } finally {
    client.release();
  }
}

export async function exportJobs() {
  await viewerWithRole("lead");
  return listExportJobs(pgPool());
}

export async function exportJob(id: number) {
  await viewerWithRole("lead");
  const job = await getExportJob(pgPool(), id);
  if (!job) throw notFound(`There is no export ${id}.`);
  return job;
}

/** One file of a published export: where it is (a storage key, or an older export's path) and what the job recorded of it. */
export async function exportFile(id: number, name: string) {
  await viewerWithRole("lead");
  const found = await exportFileLocation(pgPool(), id, name);
  if (!found) throw notFound(`Export ${id} has no file "${name}" (or it has not finished).`);
  return found;
}
