import type pg from "pg";
import type { Logger } from "@/lib/log/logger";
import { jobKind } from "./kinds-registry";
import { workerAliveSql } from "./liveness";
import { finalize } from "./run-job";

/** A queue entry locked this long by a pool no live worker owns was taken by a process that died before it registered the pool. */
const UNKNOWN_POOL_GRACE = "30 seconds";

export interface SweepResult {
  deadWorkers: string[];
  requeued: number[];
  failed: number[];
}

/**
 * Hands the jobs of dead workers (kill -9, a lost machine) to the living,
 * at once rather than after graphile-worker's 4-hour lock timeout: each dead
 * worker's running jobs go back to `queued` (or `failed` when that was their
 * last attempt) and its queue entries are unlocked, in one transaction, so
 * another worker takes them on its next poll. Every worker runs this every
 * few seconds and when it starts; SKIP LOCKED lets two sweepers never do the
 * same work twice.
 */
export async function sweepDeadWorkers(pool: pg.Pool, log: Logger): Promise<SweepResult> {
  const client = await pool.connect();
  const result: SweepResult = { deadWorkers: [], requeued: [], failed: [] };
  try {
    await client.query("BEGIN");
    const dead = await client.query<{ id: string; host: string; pid: number; pools: string[] }>(
      `SELECT id, host, pid, pools FROM job_workers w WHERE stopped_at IS NULL AND NOT ${workerAliveSql("w")} FOR UPDATE SKIP LOCKED`,
    );
    const pools: string[] = dead.rows.flatMap((worker) => worker.pools);
    if (dead.rows.length) {
      result.deadWorkers = dead.rows.map((worker) => worker.id);
      const jobs = await client.query<{
        id: number;
        kind: string;
        payload: unknown;
        attempts: number;
        max_attempts: number;
        worker_id: string;
      }>(
        `SELECT id, kind, payload, attempts, max_attempts, worker_id FROM jobs WHERE status = 'running' AND worker_id = ANY($1) FOR UPDATE`,
        [result.deadWorkers],
      );
      for (const job of jobs.rows) {
        const worker = dead.rows.find((w) => w.id === job.worker_id)!;
        const where = `its worker (${worker.host}, process ${worker.pid}) stopped during attempt ${job.attempts} of ${job.max_attempts}`;
        if (job.attempts < job.max_attempts) {
          await client.query(`UPDATE jobs SET status = 'queued', message = $2 WHERE id = $1`, [job.id, `Retrying: ${where}.`]);
          result.requeued.push(job.id);
        } else {
          const kind = jobKind(job.kind);
          await finalize(client, kind, job.id, kind ? kind.payload.parse(job.payload) : job.payload, "failed", `Failed: ${where}.`);
          result.failed.push(job.id);
        }
      }
      await client.query(`UPDATE job_workers SET stopped_at = now() WHERE id = ANY($1)`, [result.deadWorkers]);
    }
    const orphaned = await client.query<{ locked_by: string }>(
      `SELECT DISTINCT locked_by FROM graphile_worker.jobs q
        WHERE locked_by IS NOT NULL AND locked_at < now() - interval '${UNKNOWN_POOL_GRACE}'
          AND NOT EXISTS (SELECT 1 FROM job_workers w WHERE w.stopped_at IS NULL AND q.locked_by = ANY(w.pools))`,
    );
    pools.push(...orphaned.rows.map((row) => row.locked_by));
    if (pools.length) await client.query(`SELECT graphile_worker.force_unlock_workers($1::text[])`, [[...new Set(pools)]]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  if (result.deadWorkers.length)
    log.warn(
      { dead_workers: result.deadWorkers, requeued: result.requeued, failed: result.failed },
      "handed back the jobs of dead workers",
    );
  return result;
}
