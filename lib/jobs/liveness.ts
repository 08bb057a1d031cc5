/**
 * A worker process is alive while it holds a session advisory lock on
 * (WORKER_LOCK_CLASS, job_workers.lock_key) on its own connection. PostgreSQL
 * drops the lock the moment that connection ends, kill -9 included, so
 * liveness needs no clocks and no timeouts.
 */
export const WORKER_LOCK_CLASS = 4_711_019;

/** SQL that is true when the worker row aliased `alias` is alive. */
export function workerAliveSql(alias: string): string {
  return `EXISTS (SELECT 1 FROM pg_locks l
     WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
       AND l.classid = ${WORKER_LOCK_CLASS}::oid AND l.objid = ${alias}.lock_key::oid
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()))`;
}
