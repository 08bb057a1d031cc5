import type pg from "pg";
import type { JobStatus } from "@/lib/generated/prisma/enums";
import { JOB_KINDS, jobKind, type JobKindName, type PayloadOf } from "./kinds-registry";
import { workerAliveSql } from "./liveness";

type Queryable = Pick<pg.ClientBase, "query">;

/**
 * Putting jobs on the queue, cancelling them, reading them. A job is a row in
 * `jobs` (the app's record) plus a graphile-worker job (the queue entry,
 * task = kind, payload = {jobId}); both are written in the caller's
 * transaction, so a job exists in both or in neither.
 */
export interface EnqueueOptions {
  createdById?: string | null;
  /** Start no earlier than this. */
  runAt?: Date;
}

export async function enqueueJob<K extends JobKindName>(
  client: Queryable,
  kind: K,
  payload: PayloadOf<K>,
  options: EnqueueOptions = {},
): Promise<number> {
  const definition = JOB_KINDS[kind];
  const parsed = definition.payload.parse(payload);
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO jobs (kind, payload, created_by_id, max_attempts) VALUES ($1, $2, $3, $4) RETURNING id`,
    [kind, JSON.stringify(parsed), options.createdById ?? null, definition.maxAttempts],
  );
  const id = rows[0].id;
  await client.query(
    `SELECT graphile_worker.add_job($1, json_build_object('jobId', $2::int), run_at => $3, max_attempts => $4, job_key => $5)`,
    [kind, id, options.runAt ?? null, definition.maxAttempts, queueKey(id)],
  );
  return id;
}

/** graphile-worker's job key of a job: lets a queued job be removed from the queue by id. */
export const queueKey = (id: number) => `job-${id}`;

export type CancelOutcome = "cancelled" | "stopping" | "finished" | "missing";

/**
 * Cancels a job: a queued one at once (removed from the queue, its kind's
 * records settled in this transaction); a running one is asked to stop and
 * does within a second or two (its worker polls for this). A finished job is
 * left as it is.
 */
export async function cancelJob(client: pg.ClientBase, id: number): Promise<CancelOutcome> {
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<{ kind: string; status: JobStatus; payload: unknown }>(
      `SELECT kind, status::text AS status, payload FROM jobs WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const job = rows[0];
    if (!job) {
      await client.query("ROLLBACK");
      return "missing";
    }
    if (job.status !== "queued" && job.status !== "running") {
      await client.query("ROLLBACK");
      return "finished";
    }
    if (job.status === "running") {
      await client.query(`UPDATE jobs SET cancel_requested_at = coalesce(cancel_requested_at, now()) WHERE id = $1`, [id]);
      await client.query("COMMIT");
      return "stopping";
    }
    const message = "Cancelled before it started.";
    await client.query(
      `UPDATE jobs SET status = 'cancelled', cancel_requested_at = coalesce(cancel_requested_at, now()), finished_at = now(), message = $2
        WHERE id = $1`,
      [id, message],
    );
    // A worker that took the queue entry just now finds the job cancelled and drops it (lib/jobs/run-job.ts).
    await client.query(`SELECT graphile_worker.remove_job($1)`, [queueKey(id)]);
    const kind = jobKind(job.kind);
    if (kind?.settled) await kind.settled(client, kind.payload.parse(job.payload), { status: "cancelled", message });
    await client.query("COMMIT");
    return "cancelled";
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export interface JobView {
  id: number;
  kind: string;
  status: JobStatus;
  payload: unknown;
  result: unknown;
  createdById: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  attempts: number;
  maxAttempts: number;
  workerId: string | null;
  /** The worker running it is alive (null when nothing runs it). */
  workerAlive: boolean | null;
  progress: { done: number; total: number | null; note: string | null; at: string | null };
  cancelRequested: boolean;
  message: string | null;
}

interface JobRow {
  id: number;
  kind: string;
  status: JobStatus;
  payload: unknown;
  result: unknown;
  created_by_id: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  attempts: number;
  max_attempts: number;
  worker_id: string | null;
  worker_alive: boolean | null;
  progress_done: number;
  progress_total: number | null;
  progress_note: string | null;
  progress_at: Date | null;
  cancel_requested_at: Date | null;
  message: string | null;
}

/** The columns of a job view, with whether its worker still lives (lib/jobs/liveness.ts). */
export const JOB_VIEW_COLUMNS = `j.id, j.kind, j.status::text AS status, j.payload, j.result, j.created_by_id, j.created_at, j.started_at,
  j.finished_at, j.attempts, j.max_attempts, j.worker_id, j.progress_done, j.progress_total, j.progress_note, j.progress_at,
  j.cancel_requested_at, j.message,
  CASE WHEN j.status = 'running' THEN EXISTS (SELECT 1 FROM job_workers w WHERE w.id = j.worker_id AND ${workerAliveSql("w")}) END AS worker_alive`;

export function jobView(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    payload: row.payload,
    result: row.result,
    createdById: row.created_by_id,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    workerId: row.worker_id,
    workerAlive: row.worker_alive,
    progress: { done: row.progress_done, total: row.progress_total, note: row.progress_note, at: row.progress_at?.toISOString() ?? null },
    cancelRequested: row.cancel_requested_at !== null,
    message: row.message,
  };
}

export async function getJob(client: Queryable, id: number): Promise<JobView | null> {
  const { rows } = await client.query<JobRow>(`SELECT ${JOB_VIEW_COLUMNS} FROM jobs j WHERE j.id = $1`, [id]);
  return rows[0] ? jobView(rows[0]) : null;
}

export async function listJobs(client: Queryable, filter: { kind?: string; status?: JobStatus; limit?: number } = {}): Promise<JobView[]> {
  const { rows } = await client.query<JobRow>(
    `SELECT ${JOB_VIEW_COLUMNS} FROM jobs j
      WHERE ($1::text IS NULL OR j.kind = $1) AND ($2::text IS NULL OR j.status::text = $2)
      ORDER BY j.id DESC LIMIT $3`,
    [filter.kind ?? null, filter.status ?? null, filter.limit ?? 50],
  );
  return rows.map(jobView);
}
