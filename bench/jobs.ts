import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createExportJob } from "@/lib/exports/jobs";
import { leadScope } from "@/lib/transcripts/list-scope";
import { exportRequestSchema } from "@/lib/exports/request";
import { workerAliveSql } from "@/lib/jobs/liveness";
import { enqueueJob } from "@/lib/jobs/queue";
import { ensureCorpus, percentile } from "./corpus";
import { report } from "./report";

/**
 * jobs.export_1m_wall: an export of the whole corpus (JSONL) through the
 * queue, end to end: enqueued as the web server does, run by a worker process
 * (`npm run worker`, started and idle before), its files put in storage (the
 * local directory) and published; seconds from enqueue to `succeeded`.
 * Baseline: today's direct export in the same run (`npm run export` of the
 * same request, seconds from spawn to exit; `direct_own_seconds` is the
 * command's own count, without its start-up).
 *
 * jobs.latency_p95: enqueue to start, in ms (jobs.started_at - created_at, both
 * PostgreSQL's clock), over 200 small jobs enqueued one after another on an
 * idle worker: what LISTEN/NOTIFY buys over polling.
 */
const LATENCY_JOBS = 200;
const USER = "bench-jobs-lead";

export async function benchJobs(databaseUrl: string, size: number) {
  await ensureCorpus(databaseUrl, size);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const dir = mkdtempSync(path.join(os.tmpdir(), "af-bench-jobs-"));
  const worker = spawn(
    process.execPath,
    ["--max-old-space-size=1024", "--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, STORAGE_URL: path.join(dir, "storage"), LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  try {
    await client.query(`INSERT INTO users (id, name, email, role, updated_at) VALUES ($1, $1, $2, 'lead', now()) ON CONFLICT DO NOTHING`, [
      USER,
      `${USER}@bench.test`,
    ]);
    await waitFor(
      async () => (await client.query(`SELECT 1 FROM job_workers w WHERE stopped_at IS NULL AND ${workerAliveSql("w")}`)).rowCount! > 0,
    );

    const direct = await directExport(databaseUrl, path.join(dir, "direct"));
    const queued = await queuedExport(client);
    report({
      name: "jobs.export_1m_wall",
      value: queued.seconds,
      unit: "s",
      baseline: direct.wall,
      ratio: queued.seconds / direct.wall,
      size,
      transcripts: queued.transcripts,
      // The direct command's own timing, without its process start-up (tsx): the export work alone.
      direct_own_seconds: direct.own,
    });

    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_JOBS; i++) {
      const id = await enqueueJob(client, "label-signatures", { variationIds: [] }, { createdById: USER });
      await waitFor(async () => (await client.query(`SELECT 1 FROM jobs WHERE id = $1 AND status = 'succeeded'`, [id])).rowCount! > 0, 1);
      const { rows } = await client.query<{ ms: number }>(
        `SELECT extract(epoch FROM started_at - created_at)::float * 1000 AS ms FROM jobs WHERE id = $1`,
        [id],
      );
      latencies.push(rows[0].ms);
    }
    report({
      name: "jobs.latency_p95",
      value: percentile(latencies, 95),
      unit: "ms",
      baseline: null,
      ratio: null,
      p50: percentile(latencies, 50),
      max: Math.max(...latencies),
      jobs: LATENCY_JOBS,
    });
  } finally {
    worker.kill("SIGTERM");
    await once(worker, "exit");
    await client.query(`DELETE FROM jobs WHERE created_by_id = $1`, [USER]).catch(() => {});
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run export` of the same request: seconds from spawn to exit, and the command's own count (without its start-up). */
async function directExport(databaseUrl: string, out: string): Promise<{ wall: number; own: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["--max-old-space-size=512", "--import", "tsx", "scripts/export.ts", "--format", "jsonl", "--out", out],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "inherit"] },
  );
  let stdout = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`npm run export exited with ${code}`);
  const wall = (performance.now() - started) / 1000;
  return { wall, own: (JSON.parse(stdout.trim().split("\n").at(-1)!) as { seconds: number }).seconds };
}

async function queuedExport(client: pg.Client) {
  const request = exportRequestSchema.parse({ format: "jsonl", filters: {} });
  const started = performance.now();
  const { jobId } = await createExportJob(client, request, USER, leadScope(USER));
  let row: { status: string; progress_done: number } | undefined;
  await waitFor(async () => {
    row = (await client.query(`SELECT status::text AS status, progress_done FROM jobs WHERE id = $1`, [jobId])).rows[0];
    if (row?.status === "failed" || row?.status === "cancelled") throw new Error(`the export job ${row.status}`);
    return row?.status === "succeeded";
  }, 20);
  return { seconds: (performance.now() - started) / 1000, transcripts: row!.progress_done };
}

async function waitFor(check: () => Promise<boolean>, everyMs = 100) {
  const deadline = Date.now() + 3_600_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
