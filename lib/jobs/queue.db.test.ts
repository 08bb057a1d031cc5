import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExportJob, getExportJob } from "@/lib/exports/jobs";
import { leadScope } from "@/lib/transcripts/list-scope";
import { exportRequestSchema } from "@/lib/exports/request";
import { createTestCorpus, type TestCorpus } from "@/lib/exports/test-corpus";
import { LocalStorage } from "@/lib/storage/local";
import { waitUntil } from "@/lib/testing/wait";
import { cancelJob, enqueueJob, getJob } from "./queue";
import { WORKER_LOCK_CLASS } from "./liveness";
import { sweepDeadWorkers } from "./sweep";
import { startWorker, type RunningWorker } from "./worker";
import { logger } from "@/lib/log/logger";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * The job queue against real PostgreSQL and graphile-worker: exports as the
 * jobs under test (the real handler), with storage that can be made to fail
 * or to hold a job mid-flight.
 */
const databaseUrl = testDatabaseUrl();
let client: pg.Client;
let corpus: TestCorpus;
let root: string;
const lead = `queue-test-lead-${process.pid}`;

/** Local storage whose puts can be held (until released) or made to fail like an S3 outage. */
class ControlledStorage extends LocalStorage {
  failures = 0;
  held: (() => void)[] = [];
  holding = false;
  async putFile(key: string, file: string) {
    if (this.failures > 0) {
      this.failures--;
      throw Object.assign(new Error("Service Unavailable"), { name: "ServiceUnavailable", $metadata: { httpStatusCode: 503 } });
    }
    if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve));
    return super.putFile(key, file);
  }
  async put(key: string, body: Readable) {
    return super.put(key, body);
  }
  release() {
    this.holding = false;
    for (const resolve of this.held.splice(0)) resolve();
  }
}

let storage: ControlledStorage;
const workers: RunningWorker[] = [];
const quiet = logger().child({ test: "queue" });

async function worker(concurrency: Record<string, number> = {}, shutdownGraceMs = 1_000) {
  const running = await startWorker({ databaseUrl, storage, concurrency, log: quiet, shutdownGraceMs, sweepEveryMs: 500 });
  workers.push(running);
  return running;
}

async function newExport(seed = 1) {
  const request = exportRequestSchema.parse({ format: "jsonl", filters: { dataset: corpus.datasetId }, seed });
  return createExportJob(client, request, lead, leadScope(lead));
}

const jobStatus = (id: number) => getJob(client, id);

beforeAll(async () => {
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  corpus = await createTestCorpus(databaseUrl);
  await client.query(`INSERT INTO users (id, name, email, role, updated_at) VALUES ($1, $1, $2, 'lead', now())`, [
    lead,
    `${lead}@queue.test`,
  ]);
  root = await mkdtemp(path.join(os.tmpdir(), "af-queue-"));
  storage = new ControlledStorage(root);
});

afterAll(async () => {
  storage?.release();
  for (const running of workers) await running.stop();
  await client.query(`DELETE FROM jobs WHERE created_by_id = $1`, [lead]);
  await client.query(`DELETE FROM users WHERE id = $1`, [lead]);
  await client.end();
  await corpus.cleanup();
  await rm(root, { recursive: true, force: true });
});

describe("the job queue", () => {
  it("runs an export on a worker, reports progress in the database and publishes its files", async () => {
    const running = await worker({ export: 1 });
    const { id, jobId } = await newExport();
    const job = await waitUntil(
      () => jobStatus(jobId),
      (j) => j?.status === "succeeded",
      "the export job",
    );
    expect(job).toMatchObject({
      kind: "export",
      attempts: 1,
      workerId: running.id,
      progress: { done: corpus.transcripts, total: corpus.transcripts },
    });
    const view = await getExportJob(client, id);
    expect(view?.files.map((f) => f.name)).toEqual([
      "data/train.jsonl",
      "data/validation.jsonl",
      "data/test.jsonl",
      "manifest.json",
      "README.md",
    ]);
    const objects = await storage.list(`exports/${id}/`);
    expect(objects.map((o) => o.key.split("/").slice(3).join("/")).sort()).toEqual(view!.files.map((f) => f.name).sort());
    await running.stop();
  });

  it("retries a transient failure with a backoff, then succeeds", async () => {
    storage.failures = 1;
    const running = await worker({ export: 1 });
    const { jobId } = await newExport(2);
    const retrying = await waitUntil(
      () => jobStatus(jobId),
      (j) => j?.status === "queued" && j.attempts === 1,
      "the first attempt to fail",
    );
    expect(retrying?.message).toMatch(/^Attempt 1 of 4 failed \(Service Unavailable\); retrying in about 3 s\.$/);
    // graphile-worker put the entry back with its exponential backoff (e^1 s): it is not runnable at once.
    const { rows } = await client.query<{ wait: number }>(
      `SELECT extract(epoch FROM run_at - now())::float AS wait FROM graphile_worker.jobs WHERE key = $1`,
      [`job-${jobId}`],
    );
    expect(rows[0].wait).toBeGreaterThan(1);
    const done = await waitUntil(
      () => jobStatus(jobId),
      (j) => j?.status === "succeeded",
      "the retry",
    );
    expect(done).toMatchObject({ attempts: 2, message: null });
    await running.stop();
  });

  it("fails a job for good on an error that is not transient, without retrying", async () => {
    const running = await worker({ export: 1 });
    const request = exportRequestSchema.parse({ format: "jsonl", filters: { dataset: corpus.datasetId } });
    const { id, jobId } = await createExportJob(client, request, lead, leadScope(lead));
    // The handler finds no export row to run: a bug-like failure that another attempt would only repeat.
    await client.query(`UPDATE jobs SET payload = jsonb_set(payload, '{exportId}', '999999999') WHERE id = $1`, [jobId]);
    const job = await waitUntil(
      () => jobStatus(jobId),
      (j) => j?.status === "failed",
      "the job to fail",
    );
    expect(job).toMatchObject({ attempts: 1, message: "Export 999999999 does not exist." });
    expect((await getExportJob(client, id))?.files).toEqual([]);
    await running.stop();
  });

  it("cancels a queued job at once: it never runs", async () => {
    const { jobId } = await newExport(3);
    expect(await cancelJob(client, jobId)).toBe("cancelled");
    const running = await worker({ export: 1 });
    const job = await jobStatus(jobId);
    expect(job).toMatchObject({ status: "cancelled", attempts: 0, message: "Cancelled before it started." });
    const { rows } = await client.query(`SELECT 1 FROM graphile_worker.jobs WHERE key = $1`, [`job-${jobId}`]);
    expect(rows).toEqual([]);
    expect(await cancelJob(client, jobId)).toBe("finished");
    await running.stop();
  });

  it("stops a running job on cancel and leaves nothing published", async () => {
    storage.holding = true;
    const running = await worker({ export: 1 });
    const { id, jobId } = await newExport(4);
    await waitUntil(
      () => Promise.resolve(storage.held.length),
      (n) => n > 0,
      "the export to reach its upload",
    );
    expect(await cancelJob(client, jobId)).toBe("stopping");
    // The worker notices within its monitor interval; the held upload then finds the job aborted.
    await waitUntil(async () => (await jobStatus(jobId))?.cancelRequested, Boolean, "the cancel request");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    storage.release();
    const job = await waitUntil(
      () => jobStatus(jobId),
      (j) => j?.status === "cancelled",
      "the job to stop",
    );
    expect(job?.message).toBe("Cancelled.");
    expect(await storage.list(`exports/${id}/`)).toEqual([]);
    const { rows } = await client.query(`SELECT storage_prefix, files FROM export_jobs WHERE id = $1`, [id]);
    expect(rows[0]).toEqual({ storage_prefix: null, files: null });
    await running.stop();
  });

  it("runs at most the configured number of jobs of a kind at once per worker", async () => {
    storage.holding = true;
    const running = await worker({ export: 2 });
    const jobs = [await newExport(5), await newExport(6), await newExport(7)];
    await waitUntil(
      () => Promise.resolve(storage.held.length),
      (n) => n >= 2,
      "two exports to be running",
    );
    const statuses: string[] = [];
    for (const { jobId } of jobs) statuses.push((await jobStatus(jobId))!.status);
    expect(statuses.filter((s) => s === "running")).toHaveLength(2);
    expect(statuses.filter((s) => s === "queued")).toHaveLength(1);
    storage.release();
    for (const { jobId } of jobs)
      await waitUntil(
        () => jobStatus(jobId),
        (j) => j?.status === "succeeded",
        `job ${jobId}`,
      );
    await running.stop();
  });

  it("hands a dead worker's running job back to the queue and unlocks it", async () => {
    // A worker that died: its row exists, nobody holds its lock, its job is running and its queue entry locked by its pool.
    const { jobId } = await newExport(8);
    const pool = `pool-dead-${process.pid}`;
    await client.query(
      `INSERT INTO job_workers (id, lock_key, host, pid, concurrency, pools) VALUES ($1, nextval('job_workers_lock_key_seq'), 'gone', 1, '{}', $2)`,
      [`dead-${process.pid}`, [pool]],
    );
    await client.query(`UPDATE jobs SET status = 'running', attempts = 1, worker_id = $2, run_id = 'dead-run' WHERE id = $1`, [
      jobId,
      `dead-${process.pid}`,
    ]);
    await client.query(`UPDATE graphile_worker._private_jobs SET locked_by = $2, locked_at = now(), attempts = 1 WHERE key = $1`, [
      `job-${jobId}`,
      pool,
    ]);
    const sweepPool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const result = await sweepDeadWorkers(sweepPool, quiet);
    await sweepPool.end();
    expect(result).toMatchObject({ deadWorkers: [`dead-${process.pid}`], requeued: [jobId] });
    expect(await jobStatus(jobId)).toMatchObject({
      status: "queued",
      message: "Retrying: its worker (gone, process 1) stopped during attempt 1 of 4.",
    });
    const { rows } = await client.query(`SELECT locked_by FROM graphile_worker.jobs WHERE key = $1`, [`job-${jobId}`]);
    expect(rows[0].locked_by).toBeNull();
    // A live worker's lock keeps it off the list.
    const { rows: live } = await client.query(`SELECT lock_key FROM job_workers WHERE stopped_at IS NULL AND id <> $1`, [
      `dead-${process.pid}`,
    ]);
    expect(live).toEqual([]);
    const running = await worker({ export: 1 });
    // This database's locks: other test files run job workers on their own databases meanwhile.
    const lockHeld = await client.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::oid AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [WORKER_LOCK_CLASS],
    );
    expect(lockHeld.rows[0].n).toBe(1);
    await waitUntil(
      () => jobStatus(jobId),
      (j) => j?.status === "succeeded",
      "the handed-back job",
    );
    expect((await jobStatus(jobId))?.attempts).toBe(2);
    await running.stop();
  });

  it("on shutdown, lets a running job finish within the grace period", async () => {
    storage.holding = true;
    const running = await worker({ export: 1 }, 30_000);
    const { jobId } = await newExport(9);
    await waitUntil(
      () => Promise.resolve(storage.held.length),
      (n) => n > 0,
      "the export to reach its upload",
    );
    const stopped = running.stop();
    storage.release();
    await stopped;
    expect(await jobStatus(jobId)).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  it("on shutdown, hands a job still running after the grace period back to the queue for another worker", async () => {
    storage.holding = true;
    const first = await worker({ export: 1 }, 0);
    const { id, jobId } = await newExport(10);
    await waitUntil(
      () => Promise.resolve(storage.held.length),
      (n) => n > 0,
      "the export to reach its upload",
    );
    const stopped = first.stop();
    // The grace period is 0: the job's signal is aborted as the shutdown starts; the held upload then finds it so.
    await new Promise((resolve) => setTimeout(resolve, 200));
    storage.release();
    await stopped;
    expect(await jobStatus(jobId)).toMatchObject({
      status: "queued",
      attempts: 1,
      message: "Handed back by a worker that was shutting down; another worker picks it up.",
    });
    expect(await storage.list(`exports/${id}/`)).toEqual([]);
    const second = await worker({ export: 1 });
    const done = await waitUntil(
      () => jobStatus(jobId),
      (j) => j?.status === "succeeded",
      "the handed-back job",
    );
    expect(done).toMatchObject({ attempts: 2, workerId: second.id });
    await second.stop();
  });

  it("validates a payload when it is enqueued", async () => {
    await expect(enqueueJob(client, "export", { exportId: -1 } as never)).rejects.toThrow(/exportId/);
  });
});
