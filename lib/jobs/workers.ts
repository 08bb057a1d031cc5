import type pg from "pg";
import { workerAliveSql } from "./liveness";

export interface WorkerView {
  id: string;
  host: string;
  pid: number;
  concurrency: Record<string, number>;
  startedAt: string;
  running: number;
}

/** The live worker processes (their advisory lock is held), with how many jobs each runs now. */
export async function listLiveWorkers(client: Pick<pg.ClientBase, "query">): Promise<WorkerView[]> {
  const { rows } = await client.query<{
    id: string;
    host: string;
    pid: number;
    concurrency: Record<string, number>;
    started_at: Date;
    running: number;
  }>(
    `SELECT w.id, w.host, w.pid, w.concurrency, w.started_at,
            (SELECT count(*)::int FROM jobs j WHERE j.worker_id = w.id AND j.status = 'running') AS running
       FROM job_workers w WHERE w.stopped_at IS NULL AND ${workerAliveSql("w")} ORDER BY w.started_at`,
  );
  return rows.map((row) => ({
    id: row.id,
    host: row.host,
    pid: row.pid,
    concurrency: row.concurrency,
    startedAt: row.started_at.toISOString(),
    running: row.running,
  }));
}
