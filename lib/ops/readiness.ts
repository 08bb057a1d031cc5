import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { pgPool } from "@/lib/db/pg-pool";
import { replicaPool } from "@/lib/db/replica";
import { workerAliveSql } from "@/lib/jobs/liveness";
import { logger } from "@/lib/log/logger";
import { storage } from "@/lib/storage";
import { isDraining } from "./draining";

export interface Check {
  ok: boolean;
  ms: number;
  detail?: string;
}

export interface Readiness {
  status: "ready" | "not_ready";
  draining: boolean;
  checks: Record<string, Check>;
  /** Live worker processes (informational: a web server serves pages without one; jobs wait). */
  workers: number | null;
}

const TIMEOUT_MS = 3_000;

/** Every check runs (in parallel, each with a timeout), so a failing probe says everything that is wrong at once. */
export async function checkReadiness(): Promise<Readiness> {
  const replica = replicaPool();
  const [database, migrations, jobQueue, replicaCheck, store, workers] = await Promise.all([
    timed("database", () =>
      pgPool()
        .query("SELECT 1")
        .then(() => undefined),
    ),
    timed("migrations", () => pendingMigrations(pgPool())),
    timed("job_queue", () => jobQueueInstalled(pgPool())),
    replica ? timed("replica", () => replica.query("SELECT pg_is_in_recovery()").then(() => undefined)) : null,
    timed("storage", () =>
      storage()
        .check()
        .then(() => undefined),
    ),
    liveWorkers(pgPool()),
  ]);
  const checks: Record<string, Check> = { database, migrations, job_queue: jobQueue, storage: store };
  if (replicaCheck) checks.replica = replicaCheck;
  const draining = isDraining();
  const ok = !draining && Object.values(checks).every((check) => check.ok);
  return { status: ok ? "ready" : "not_ready", draining, checks, workers };
}

async function timed(name: string, check: () => Promise<string | undefined>): Promise<Check> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return detail ? { ok: false, ms: ms(), detail } : { ok: true, ms: ms() };
  } catch (error) {
    logger().warn({ err: error, check: name }, "readiness check failed");
    return { ok: false, ms: ms(), detail: "failed (see the server log)" };
  } finally {
    clearTimeout(timer);
  }
}

/** The migrations this build has that the database has not applied, as a detail (undefined: none). */
async function pendingMigrations(pool: pg.Pool): Promise<string | undefined> {
  // The project directory, not this module's: in Next's build the module lives under .next/.
  const expected = readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const { rows } = await pool.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  const pending = expected.filter((name) => !applied.has(name));
  return pending.length ? `pending: ${pending.join(", ")}` : undefined;
}

async function jobQueueInstalled(pool: pg.Pool): Promise<string | undefined> {
  const { rows } = await pool.query<{ installed: boolean }>(`SELECT to_regclass('graphile_worker.migrations') IS NOT NULL AS installed`);
  return rows[0].installed ? undefined : "graphile-worker's schema is missing (start a worker or run npm run db:migrate)";
}

async function liveWorkers(pool: pg.Pool): Promise<number | null> {
  try {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM job_workers w WHERE w.stopped_at IS NULL AND ${workerAliveSql("w")}`,
    );
    return rows[0].n;
  } catch {
    return null;
  }
}
