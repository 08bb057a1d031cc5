import type pg from "pg";
import type { JobStatus } from "@/lib/generated/prisma/enums";
import { enqueueJob } from "@/lib/jobs/queue";
import { workerAliveSql } from "@/lib/jobs/liveness";
import type { ListScope } from "@/lib/transcripts/list-scope";
import { exportRequestSchema, type ExportRequest } from "./request";

/**
 * Background exports. An export is a row in export_jobs (what was asked, the
 * files it published) and a job of kind `export` (lib/exports/export-job.ts;
 * status, attempts and progress live in `jobs`). Any worker runs it; any web
 * server serves its files from storage.
 */
export interface JobFile {
  name: string;
  bytes: number;
  sha256?: string;
  rows?: number;
}

export interface ExportJobView {
  id: number;
  jobId: number;
  status: JobStatus;
  request: ExportRequest;
  createdById: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  total: number | null;
  done: number;
  files: JobFile[];
  message: string | null;
  /** What to know before using a finished export (lib/exports/warnings.ts): an empty test split, mostly undecided rows. */
  warnings: string[];
  attempts: number;
  maxAttempts: number;
  cancelRequested: boolean;
}

interface ExportRow {
  id: number;
  job_id: number;
  status: JobStatus;
  request: unknown;
  created_by_id: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  progress_total: number | null;
  progress_done: number;
  files: JobFile[] | null;
  message: string | null;
  warnings: string[] | null;
  attempts: number;
  max_attempts: number;
  cancel_requested_at: Date | null;
  worker_alive: boolean | null;
}

const COLUMNS = `e.id, e.job_id, j.status::text AS status, e.request, e.created_by_id, e.created_at, j.started_at, j.finished_at,
  j.progress_total, j.progress_done, e.files, j.message, j.result->'warnings' AS warnings, j.attempts, j.max_attempts, j.cancel_requested_at,
  CASE WHEN j.status = 'running' THEN EXISTS (SELECT 1 FROM job_workers w WHERE w.id = j.worker_id AND ${workerAliveSql("w")}) END AS worker_alive`;

function view(row: ExportRow): ExportJobView {
  // Between a worker's death and the sweep that hands its job on (a few seconds), say so rather than "running".
  const orphaned = row.status === "running" && row.worker_alive === false;
  return {
    id: row.id,
    jobId: row.job_id,
    status: row.status,
    request: exportRequestSchema.parse(row.request),
    createdById: row.created_by_id,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    total: row.progress_total,
    done: row.progress_done,
    files: row.status === "succeeded" ? (row.files ?? []) : [],
    message: orphaned ? "Its worker stopped; another worker takes it over in a few seconds." : row.message,
    warnings: row.status === "succeeded" ? (row.warnings ?? []) : [],
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    cancelRequested: row.cancel_requested_at !== null,
  };
}

type Queryable = Pick<pg.ClientBase, "query">;

/**
 * Creates the export and its job in one transaction (`client` must not be in
 * one already). The job's payload carries `scope`, whom the worker reads for:
 * the user who started it (lib/access/exports.ts builds it from the viewer).
 */
export async function createExportJob(
  client: pg.ClientBase,
  request: ExportRequest,
  userId: string,
  scope: ListScope,
): Promise<{ id: number; jobId: number }> {
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('export_jobs', 'id'))::int AS id`);
    const id = rows[0].id;
    const jobId = await enqueueJob(client, "export", { exportId: id, scope }, { createdById: userId });
    await client.query(`INSERT INTO export_jobs (id, job_id, request, created_by_id) VALUES ($1, $2, $3, $4)`, [
      id,
      jobId,
      JSON.stringify(request),
      userId,
    ]);
    await client.query("COMMIT");
    return { id, jobId };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export async function getExportJob(client: Queryable, id: number): Promise<ExportJobView | null> {
  const { rows } = await client.query<ExportRow>(`SELECT ${COLUMNS} FROM export_jobs e JOIN jobs j ON j.id = e.job_id WHERE e.id = $1`, [
    id,
  ]);
  return rows[0] ? view(rows[0]) : null;
}

export async function listExportJobs(client: Queryable, limit = 20): Promise<ExportJobView[]> {
  const { rows } = await client.query<ExportRow>(
    `SELECT ${COLUMNS} FROM export_jobs e JOIN jobs j ON j.id = e.job_id ORDER BY e.id DESC LIMIT $1`,
    [limit],
  );
  return rows.map(view);
}

export type ExportFileLocation = { file: JobFile } & ({ storageKey: string } | { legacyPath: string });

/**
 * Where one of a published export's files is: a storage key, or for exports
 * made before storage existed, a path on the server that wrote them. Null when
 * the export has no such file or has not been published (never a path outside it).
 */
export async function exportFileLocation(client: Queryable, id: number, name: string): Promise<ExportFileLocation | null> {
  const { rows } = await client.query<{ storage_prefix: string | null; directory: string | null; files: JobFile[] | null; status: string }>(
    `SELECT e.storage_prefix, e.directory, e.files, j.status::text AS status FROM export_jobs e JOIN jobs j ON j.id = e.job_id WHERE e.id = $1`,
    [id],
  );
  const job = rows[0];
  const file = job?.files?.find((f) => f.name === name);
  if (!file || job.status !== "succeeded") return null;
  if (job.storage_prefix) return { file, storageKey: job.storage_prefix + file.name };
  if (job.directory) return { file, legacyPath: `${job.directory}/${file.name}` };
  return null;
}
