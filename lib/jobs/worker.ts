import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import os from "node:os";
import { run, type Runner, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import { logger as rootLogger, type Logger } from "@/lib/log/logger";
import { storage as defaultStorage, type Storage } from "@/lib/storage";
import { parseConcurrency, type Concurrency } from "./concurrency";
import { CANCELLED, SHUTDOWN } from "./define";
import { graphileLogger } from "./graphile-logger";
import { installJobQueue } from "./install";
import { JOB_KINDS, type JobKindName } from "./kinds-registry";
import { WORKER_LOCK_CLASS } from "./liveness";
import { taskFor, type WorkerRuntime } from "./run-job";
import { sweepDeadWorkers } from "./sweep";

export interface WorkerOptions {
  databaseUrl: string;
  /** Heavy reads (export scans); default: DATABASE_REPLICA_URL, else the primary. */
  readDatabaseUrl?: string;
  storage?: Storage;
  /** Per kind; default JOB_CONCURRENCY, else each kind's own. */
  concurrency?: Partial<Concurrency>;
  log?: Logger;
  /** How long a shutdown lets running jobs finish before handing them back (default JOB_SHUTDOWN_GRACE_MS, else 10 s). */
  shutdownGraceMs?: number;
  /** How often cancel requests are looked for (default 1 s) and dead workers swept (default 2 s). */
  monitorEveryMs?: number;
  sweepEveryMs?: number;
}

export interface RunningWorker {
  id: string;
  concurrency: Concurrency;
  /** Finishes running jobs (up to the grace period), hands back the rest, deregisters. */
  stop(): Promise<void>;
  /** Settles when the worker stopped, by stop() or because it lost the database (then it rejects). */
  done: Promise<void>;
}

/**
 * A worker process's engine: registers the process (an advisory lock is its
 * liveness), starts one graphile-worker pool per kind with that kind's
 * concurrency (graphile-worker's concurrency is per pool), watches for cancel
 * requests, and sweeps up after dead workers. New jobs arrive by LISTEN/NOTIFY,
 * so a queued job starts within milliseconds when a slot is free.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const id = `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const log = (options.log ?? rootLogger()).child({ worker_id: id });
  const concurrency = { ...parseConcurrency(process.env.JOB_CONCURRENCY), ...options.concurrency } as Concurrency;
  const kinds = (Object.keys(JOB_KINDS) as JobKindName[]).filter((kind) => concurrency[kind] > 0);
  const graceMs = options.shutdownGraceMs ?? Number(process.env.JOB_SHUTDOWN_GRACE_MS ?? 10_000);

  await installJobQueue(options.databaseUrl);

  // Liveness: the lock is taken before the row exists, so no sweeper ever sees the row unlocked.
  const liveness = new pg.Client({ connectionString: options.databaseUrl, application_name: `af-lens worker ${id}` });
  await liveness.connect();
  // One statement at a time on the liveness connection (the monitor and pool registrations share it).
  let livenessQueue: Promise<unknown> = Promise.resolve();
  const onLiveness = <R extends pg.QueryResultRow>(text: string, values: unknown[]) => {
    const result = livenessQueue.then(() => liveness.query<R>(text, values));
    livenessQueue = result.catch(() => {});
    return result;
  };
  const { rows } = await liveness.query<{ key: number }>(`SELECT nextval('job_workers_lock_key_seq')::int AS key`);
  await liveness.query(`SELECT pg_advisory_lock($1, $2)`, [WORKER_LOCK_CLASS, rows[0].key]);
  await liveness.query(`INSERT INTO job_workers (id, lock_key, host, pid, concurrency) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    rows[0].key,
    os.hostname(),
    process.pid,
    JSON.stringify(concurrency),
  ]);

  const slots = kinds.reduce((sum, kind) => sum + concurrency[kind], 0);
  // graphile-worker takes a connection per running job plus one to LISTEN per pool; the jobs' bookkeeping shares it.
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: slots + kinds.length + 4,
    application_name: `af-lens worker ${id}`,
  });
  pool.on("error", (error) => log.warn({ err: error }, "idle database connection failed"));
  // A connection that drops mid-query is reported by that query; unhandled, its "error" event would end the process.
  pool.on("connect", (connection) => connection.on("error", (error) => log.warn({ err: error }, "database connection failed")));
  const runtime: WorkerRuntime = {
    workerId: id,
    databaseUrl: options.databaseUrl,
    readDatabaseUrl: options.readDatabaseUrl ?? process.env.DATABASE_REPLICA_URL ?? options.databaseUrl,
    storage: options.storage ?? defaultStorage(),
    pool,
    log,
    running: new Map(),
  };

  let stopping = false;
  let resolveDone!: () => void;
  let rejectDone!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  done.catch(() => {});

  const events: WorkerEvents = new EventEmitter() as WorkerEvents;
  const registering: Promise<unknown>[] = [];
  events.on("pool:create", ({ workerPool }) => {
    registering.push(
      onLiveness(`UPDATE job_workers SET pools = array_append(pools, $2) WHERE id = $1`, [id, workerPool.id]).catch((error: unknown) =>
        log.error({ err: error }, "could not register a pool"),
      ),
    );
  });

  await sweepDeadWorkers(pool, log).catch((error: unknown) => log.warn({ err: error }, "sweep failed"));
  const runners: Runner[] = [];
  for (const kind of kinds) {
    runners.push(
      await run({
        pgPool: pool,
        concurrency: concurrency[kind],
        taskList: { [kind]: taskFor(JOB_KINDS[kind] as never, runtime) },
        noHandleSignals: true,
        pollInterval: 1_000,
        logger: graphileLogger(),
        events,
        gracefulShutdownAbortTimeout: graceMs,
        // No cron: without this graphile-worker looks for a crontab file and logs that it found none.
        crontab: "",
      }),
    );
  }
  await Promise.all(registering);

  const monitor = setInterval(() => void watch(), options.monitorEveryMs ?? 1_000);
  const sweeper = setInterval(
    () => void sweepDeadWorkers(pool, log).catch((error: unknown) => log.warn({ err: error }, "sweep failed")),
    options.sweepEveryMs ?? 2_000,
  );
  async function watch() {
    try {
      await onLiveness(`UPDATE job_workers SET heartbeat_at = now() WHERE id = $1`, [id]);
      if (!runtime.running.size) return;
      const { rows: cancelled } = await onLiveness<{ id: number }>(
        `SELECT id FROM jobs WHERE id = ANY($1::int[]) AND cancel_requested_at IS NOT NULL`,
        [[...runtime.running.keys()]],
      );
      for (const job of cancelled) runtime.running.get(job.id)?.abort(CANCELLED);
    } catch (error) {
      log.warn({ err: error }, "monitor query failed");
    }
  }

  // Without its liveness connection the process counts as dead and its jobs go to others: it must stop running them.
  liveness.on("error", (error) => {
    if (stopping) return;
    log.error({ err: error }, "lost the database connection that keeps this worker alive; stopping its jobs");
    for (const controller of runtime.running.values()) controller.abort(SHUTDOWN);
    void shutdown(true).then(() => rejectDone(new Error(`worker ${id} lost its database connection`)));
  });

  async function shutdown(lost = false) {
    if (stopping) return;
    stopping = true;
    clearInterval(monitor);
    clearInterval(sweeper);
    log.info({ running: [...runtime.running.keys()], grace_ms: graceMs }, "worker stopping");
    await Promise.allSettled(runners.map((runner) => (lost ? runner.kill() : runner.stop())));
    if (!lost) await onLiveness(`UPDATE job_workers SET stopped_at = now() WHERE id = $1`, [id]).catch(() => {});
    await liveness.end().catch(() => {});
    await pool.end().catch(() => {});
    log.info("worker stopped");
  }

  log.info({ concurrency, storage: runtime.storage.description }, "worker started");
  return {
    id,
    concurrency,
    done,
    async stop() {
      await shutdown();
      resolveDone();
    },
  };
}
