import "server-only";
import { pgPool } from "@/lib/db/pg-pool";
import { createExportJob, exportFilePath, getExportJob, listExportJobs, spawnExportJob } from "@/lib/exports/jobs";
import type { ExportRequest } from "@/lib/exports/request";
import { notFound } from "@/lib/server/errors";
import { viewerWithRole } from "./viewer";

/**
 * Exports hold every annotator's submitted labels and the consensus (named or
 * anonymised): leads only, to start, to follow and to download.
 */
export async function startExportJob(request: ExportRequest): Promise<number> {
  const viewer = await viewerWithRole("lead");
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  const id = await createExportJob(pgPool(), request, viewer.id);
  spawnExportJob(databaseUrl, id);
  return id;
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

/** One file of a finished export: where it is on disk and what the job recorded of it. */
export async function exportFile(id: number, name: string) {
  await viewerWithRole("lead");
  const found = await exportFilePath(pgPool(), id, name);
  if (!found) throw notFound(`Export ${id} has no file "${name}" (or it has not finished).`);
  return found;
}
