import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { ExportStatus } from "@/lib/generated/prisma/enums";
import { fileDigest, type ExportFile } from "./manifest";
import { exportRequestSchema, type ExportRequest } from "./request";
import { runExport } from "./run-export";

/**
 * Background exports. A job is a row in export_jobs; it runs in a child
 * process (`scripts/export.ts --job ID`), so a million-transcript export
 * uses neither the web server's event loop nor its memory, and survives a
 * page closing. The child writes progress and a heartbeat to the row; a
 * `running` job whose heartbeat is over STALE_AFTER_MS old lost its process.
 */
// EXPORT_DIR: where export files are kept on the server (default .data/exports in the project).
export const EXPORT_DIR = process.env.EXPORT_DIR ?? path.join(process.cwd(), ".data", "exports");
const STALE_AFTER_MS = 60_000;
const HEARTBEAT_MS = 2_000;

export interface JobFile {
  name: string;
  bytes: number;
  sha256?: string;
  rows?: number;
}

export interface ExportJobView {
  id: number;
  status: ExportStatus;
  request: ExportRequest;
  createdById: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  total: number | null;
  done: number;
  files: JobFile[];
  message: string | null;
}

interface JobRow {
  id: number;
  status: ExportStatus;
  request: unknown;
  created_by_id: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  heartbeat_at: Date | null;
  total: number | null;
  done: number;
  files: JobFile[] | null;
  message: string | null;
}

const JOB_COLUMNS = `id, status::text AS status, request, created_by_id, created_at, started_at, finished_at, heartbeat_at, total, done, files, message`;

function view(row: JobRow): ExportJobView {
  const stale = row.status === "running" && (!row.heartbeat_at || Date.now() - row.heartbeat_at.getTime() > STALE_AFTER_MS);
  return {
    id: row.id,
    status: stale ? "failed" : row.status,
    request: exportRequestSchema.parse(row.request),
    createdById: row.created_by_id,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    total: row.total,
    done: row.done,
    files: row.files ?? [],
    message: stale ? "The export's process stopped before it finished (the server restarted?). Start it again." : row.message,
  };
}

type Queryable = Pick<pg.ClientBase, "query">;

export async function createExportJob(client: Queryable, request: ExportRequest, userId: string): Promise<number> {
  const { rows } = await client.query<{ id: number }>(`INSERT INTO export_jobs (request, created_by_id) VALUES ($1, $2) RETURNING id`, [
    JSON.stringify(request),
    userId,
  ]);
  return rows[0].id;
}

export async function getExportJob(client: Queryable, id: number): Promise<ExportJobView | null> {
  const { rows } = await client.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM export_jobs WHERE id = $1`, [id]);
  return rows[0] ? view(rows[0]) : null;
}

export async function listExportJobs(client: Queryable, limit = 20): Promise<ExportJobView[]> {
  const { rows } = await client.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM export_jobs ORDER BY id DESC LIMIT $1`, [limit]);
  return rows.map(view);
}

/** The path of one of a finished job's files, or null if the job has no such file (never a path outside its directory). */
export async function exportFilePath(client: Queryable, id: number, name: string): Promise<{ path: string; file: JobFile } | null> {
  const { rows } = await client.query<{ directory: string | null; files: JobFile[] | null; status: string }>(
    `SELECT directory, files, status::text AS status FROM export_jobs WHERE id = $1`,
    [id],
  );
  const job = rows[0];
  const file = job?.files?.find((f) => f.name === name);
  if (!job?.directory || !file || job.status !== "succeeded") return null;
  return { path: path.join(job.directory, file.name), file };
}

/** Starts the job's child process and returns at once; the child reports through the job's row. */
export function spawnExportJob(databaseUrl: string, id: number) {
  const child = spawn(
    process.execPath,
    ["--max-old-space-size=512", "--import", "tsx", path.join(process.cwd(), "scripts/export.ts"), "--job", String(id)],
    {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: databaseUrl, EXPORT_DIR },
      stdio: "ignore",
      detached: true,
    },
  );
  child.on("error", (error) => console.error(`Export job ${id} could not start:`, error));
  child.unref();
}

/** Runs a queued job to the end (in the child process; tests call it directly). */
export async function runExportJob(databaseUrl: string, id: number): Promise<ExportJobView> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const directory = path.join(EXPORT_DIR, String(id));
  const claimed = await client.query<{ request: unknown; created_by_id: string }>(
    `UPDATE export_jobs SET status = 'running', started_at = now(), heartbeat_at = now(), directory = $2 WHERE id = $1 AND status = 'queued' RETURNING request, created_by_id`,
    [id, directory],
  );
  if (!claimed.rows[0]) {
    await client.end();
    throw new Error(`Export job ${id} is not queued (already run, or no such job).`);
  }
  const heartbeat = setInterval(
    () => void client.query(`UPDATE export_jobs SET heartbeat_at = now() WHERE id = $1`, [id]).catch(() => {}),
    HEARTBEAT_MS,
  );
  try {
    const request = exportRequestSchema.parse(claimed.rows[0].request);
    const { manifest } = await runExport(databaseUrl, request, directory, claimed.rows[0].created_by_id, {
      onPlanned: (total) => client.query(`UPDATE export_jobs SET total = $2 WHERE id = $1`, [id, total]).then(() => {}),
      onProgress: (done) => client.query(`UPDATE export_jobs SET done = $2, heartbeat_at = now() WHERE id = $1`, [id, done]).then(() => {}),
    });
    const files: JobFile[] = [
      ...manifest.files.map((file: ExportFile) => ({ name: file.path, bytes: file.bytes, sha256: file.sha256, rows: file.rows })),
    ];
    for (const name of ["manifest.json", "README.md"]) files.push({ name, ...(await fileDigest(path.join(directory, name))) });
    await client.query(`UPDATE export_jobs SET status = 'succeeded', finished_at = now(), done = $2, files = $3 WHERE id = $1`, [
      id,
      manifest.counts.total,
      JSON.stringify(files),
    ]);
  } catch (error) {
    console.error(`Export job ${id} failed:`, error);
    await rm(directory, { recursive: true, force: true }).catch(() => {});
    await client.query(`UPDATE export_jobs SET status = 'failed', finished_at = now(), message = $2 WHERE id = $1`, [
      id,
      `The export failed: ${(error as Error).message}`,
    ]);
  } finally {
    clearInterval(heartbeat);
  }
  const result = (await getExportJob(client, id))!;
  await client.end();
  return result;
}
