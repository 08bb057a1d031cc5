import { randomUUID } from "node:crypto";
import type { Task } from "graphile-worker";
import type pg from "pg";
import { z } from "zod";
import type { Logger } from "@/lib/log/logger";
import type { Storage } from "@/lib/storage";
import { CANCELLED, JobAbortedError, SHUTDOWN, throwIfAborted, type JobContext, type JobKind } from "./define";
import { isTransientFailure } from "./transient";

/** What the worker process gives every job it runs. */
export interface WorkerRuntime {
  workerId: string;
  databaseUrl: string;
  readDatabaseUrl: string;
  storage: Storage;
  /** The worker's pool for the jobs' bookkeeping (claims, progress, outcomes). */
  pool: pg.Pool;
  log: Logger;
  /** Running attempts by job id: the worker's monitor aborts one whose cancel was asked for. */
  running: Map<number, AbortController>;
}

const PROGRESS_EVERY_MS = 500;
const queuePayload = z.object({ jobId: z.number().int().positive() });

/**
 * A kind as graphile-worker task. graphile-worker hands a queue entry to one
 * worker at a time and retries a thrown error with exponential backoff
 * (exp(min(attempts, 10)) seconds); this wraps the kind's handler with the
 * app's record: the claim (a fresh run id per attempt, so a stale attempt can
 * never report or publish), progress, cancellation, and the outcome.
 *
 * Outcomes: success → `succeeded`; cancelled → `cancelled`; a transient
 * failure with attempts left → back to `queued` (message says so) and thrown,
 * so the queue retries; shutdown → back to `queued` and thrown (handed back);
 * anything else → `failed`, not retried.
 */
export function taskFor(kind: JobKind<unknown, unknown>, runtime: WorkerRuntime): Task {
  return async (rawPayload, helpers) => {
    const { jobId } = queuePayload.parse(rawPayload);
    const runId = randomUUID();
    const attempt = helpers.job.attempts;
    const maxAttempts = helpers.job.max_attempts;
    const log = runtime.log.child({ job_id: jobId, kind: kind.name, attempt, run_id: runId });

    const claim = await claimJob(runtime.pool, kind, jobId, { runId, workerId: runtime.workerId, attempt, maxAttempts });
    if (!claim) {
      log.info("job is not waiting to run (cancelled or finished): dropped");
      return;
    }

    const controller = new AbortController();
    const onShutdown = () => controller.abort(SHUTDOWN);
    if (helpers.abortSignal.aborted) onShutdown();
    helpers.abortSignal.addEventListener("abort", onShutdown);
    runtime.running.set(jobId, controller);

    let finished = false;
    let lastProgress = 0;
    let lastTotal: number | null | undefined;
    let lastNote: string | null | undefined;
    let pendingProgress: Promise<unknown> = Promise.resolve();
    const context: JobContext<unknown> = {
      jobId,
      payload: claim.payload,
      attempt,
      maxAttempts,
      runId,
      signal: controller.signal,
      databaseUrl: runtime.databaseUrl,
      readDatabaseUrl: runtime.readDatabaseUrl,
      storage: runtime.storage,
      log,
      async progress(done, total, note) {
        throwIfAborted(controller.signal);
        // At most one write per PROGRESS_EVERY_MS, except when the total or the note changes (a phase begins or ends).
        const now = Date.now();
        const changed = (total !== undefined && total !== lastTotal) || (note != null && note !== lastNote);
        if (now - lastProgress < PROGRESS_EVERY_MS && !changed) return;
        lastProgress = now;
        if (total !== undefined) lastTotal = total;
        if (note != null) lastNote = note;
        // One write at a time; a failed progress write must not stop the job.
        pendingProgress = pendingProgress.then(() =>
          runtime.pool
            .query(
              `UPDATE jobs SET progress_done = $3, progress_total = coalesce($4, progress_total), progress_note = coalesce($5, progress_note),
                      progress_at = now() WHERE id = $1 AND run_id = $2`,
              [jobId, runId, Math.round(done), total ?? null, note ?? null],
            )
            .catch((error: unknown) => log.warn({ err: error }, "progress write failed")),
        );
      },
      async finish(client, result) {
        const { rowCount } = await client.query(
          `UPDATE jobs SET status = 'succeeded', finished_at = now(), result = $3, message = NULL
            WHERE id = $1 AND run_id = $2 AND status = 'running' AND cancel_requested_at IS NULL`,
          [jobId, runId, JSON.stringify(result ?? null)],
        );
        finished = rowCount === 1;
        return finished;
      },
    };

    log.info("job started");
    try {
      const result = await kind.run(context);
      await pendingProgress;
      // The work is done: a cancel asked for meanwhile came too late (handlers that publish check it in finish()).
      if (!finished) {
        const { rowCount } = await runtime.pool.query(
          `UPDATE jobs SET status = 'succeeded', finished_at = now(), result = $3, message = NULL
            WHERE id = $1 AND run_id = $2 AND status = 'running'`,
          [jobId, runId, JSON.stringify(result ?? null)],
        );
        if (rowCount !== 1) log.warn("job finished, but this attempt no longer owned it (its worker was taken for dead)");
      }
      log.info("job succeeded");
    } catch (error) {
      await pendingProgress;
      const reason = error instanceof JobAbortedError ? error.reason : controller.signal.aborted ? controller.signal.reason : null;
      if (reason === SHUTDOWN) {
        await requeue(runtime.pool, jobId, runId, "Handed back by a worker that was shutting down; another worker picks it up.");
        log.info("job handed back (worker shutting down)");
        throw error;
      }
      if (reason === CANCELLED) {
        await settle(runtime.pool, kind, jobId, runId, claim.payload, "cancelled", "Cancelled.");
        log.info("job cancelled");
        return;
      }
      const message = (error as Error).message || String(error);
      if (isTransientFailure(error) && attempt < maxAttempts) {
        const retryIn = Math.round(Math.exp(Math.min(attempt, 10)));
        await requeue(
          runtime.pool,
          jobId,
          runId,
          `Attempt ${attempt} of ${maxAttempts} failed (${message}); retrying in about ${retryIn} s.`,
        );
        log.warn({ err: error }, "job failed transiently; retrying");
        throw error;
      }
      await settle(runtime.pool, kind, jobId, runId, claim.payload, "failed", message);
      log.error({ err: error }, "job failed");
    } finally {
      helpers.abortSignal.removeEventListener("abort", onShutdown);
      runtime.running.delete(jobId);
    }
  };
}

interface Claim {
  payload: unknown;
}

/**
 * Takes the job for this attempt: only a `queued` job without a cancel
 * request. A job cancelled while its queue entry was being taken, or one that
 * lost its worker after a cancel was asked for, is settled as cancelled here.
 */
async function claimJob(
  pool: pg.Pool,
  kind: JobKind<unknown, unknown>,
  jobId: number,
  attempt: { runId: string; workerId: string; attempt: number; maxAttempts: number },
): Promise<Claim | null> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ status: string; payload: unknown; cancel_requested_at: Date | null }>(
      `SELECT status::text AS status, payload, cancel_requested_at FROM jobs WHERE id = $1 FOR UPDATE`,
      [jobId],
    );
    const job = rows[0];
    if (!job || job.status !== "queued") {
      await client.query("ROLLBACK");
      return null;
    }
    const payload = kind.payload.parse(job.payload);
    if (job.cancel_requested_at) {
      await finalize(client, kind, jobId, payload, "cancelled", "Cancelled before it started.");
      await client.query("COMMIT");
      return null;
    }
    await client.query(
      `UPDATE jobs SET status = 'running', run_id = $2, worker_id = $3, attempts = $4, max_attempts = $5, started_at = now(),
              progress_at = now() WHERE id = $1`,
      [jobId, attempt.runId, attempt.workerId, attempt.attempt, attempt.maxAttempts],
    );
    await client.query("COMMIT");
    return { payload };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function requeue(pool: pg.Pool, jobId: number, runId: string, message: string) {
  await pool.query(`UPDATE jobs SET status = 'queued', message = $3 WHERE id = $1 AND run_id = $2 AND status = 'running'`, [
    jobId,
    runId,
    message,
  ]);
}

/** The final status of an attempt that did not succeed, with the kind's own records settled in the same transaction. */
async function settle(
  pool: pg.Pool,
  kind: JobKind<unknown, unknown>,
  jobId: number,
  runId: string,
  payload: unknown,
  status: "cancelled" | "failed",
  message: string,
) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query(`SELECT 1 FROM jobs WHERE id = $1 AND run_id = $2 AND status = 'running' FOR UPDATE`, [
      jobId,
      runId,
    ]);
    if (rows.length) await finalize(client, kind, jobId, payload, status, message);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Gives a job its final status `cancelled` or `failed` and lets its kind settle its records (inside the caller's transaction). */
export async function finalize(
  client: pg.ClientBase,
  kind: JobKind<unknown, unknown> | null,
  jobId: number,
  payload: unknown,
  status: "cancelled" | "failed",
  message: string,
) {
  await client.query(`UPDATE jobs SET status = $2, finished_at = now(), message = $3 WHERE id = $1`, [jobId, status, message]);
  if (kind?.settled) await kind.settled(client, payload, { status, message });
}
