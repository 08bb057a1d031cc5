import { createHash } from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { storageFromEnv } from "@/lib/storage/config";
import { startCluster, type Cluster } from "./cluster/cluster";

/**
 * The deployment the job queue and the storage exist for, on one machine:
 * two web servers and two workers on one PostgreSQL and one S3-protocol
 * server. Files and progress live in storage and the database, so any server
 * serves what any other started; a worker killed with SIGKILL mid-export
 * hands its job to the other, which publishes the same bytes an undisturbed
 * run does; a cancelled export publishes nothing.
 */
test.describe.configure({ mode: "serial", timeout: 240_000 });
test.use({ storageState: { cookies: [], origins: [] } });

const TRANSCRIPTS = 20_000;
let cluster: Cluster;
let db: pg.Client;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = await startCluster({ webServers: 2, workers: 2, transcripts: TRANSCRIPTS });
  db = new pg.Client({ connectionString: cluster.databaseUrl });
  await db.connect();
});

test.afterAll(async () => {
  await db?.end();
  await cluster?.stop();
});

const [A, B] = [0, 1];
function api(server: number, pathname: string, init: RequestInit = {}) {
  return fetch(cluster.web[server].url + pathname, {
    ...init,
    headers: {
      authorization: `Bearer ${cluster.token}`,
      ...(init.body && typeof init.body === "string" ? { "content-type": "application/json" } : {}),
      ...init.headers,
    },
  });
}
const json = async (response: Response) => {
  const body = await response.json();
  if (!response.ok) throw new Error(`${response.status}: ${JSON.stringify(body)}`);
  return body;
};

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}: ${JSON.stringify(value)}\n${cluster.output().slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const storage = () => storageFromEnv(cluster.s3.env);
const EXPORT = { format: "jsonl", filters: {}, split: [0.8, 0.1, 0.1], seed: 7 };

async function dataHashes(server: number, exportDocument: { files: { name: string; url: string; sha256: string }[] }) {
  const hashes: Record<string, string> = {};
  for (const file of exportDocument.files.filter((f) => f.name.startsWith("data/"))) {
    const response = await api(server, file.url);
    expect(response.status).toBe(200);
    const digest = createHash("sha256")
      .update(Buffer.from(await response.arrayBuffer()))
      .digest("hex");
    expect(digest, `${file.name} as served`).toBe(file.sha256);
    hashes[file.name] = digest;
  }
  return hashes;
}

test("an import uploaded through server A is run by a worker, its progress read through server B", async () => {
  const records = ["training", "deployment"].map((condition) => ({
    setting: "cluster-test",
    variation: "baseline",
    model: "cluster-model",
    condition,
    query: "A query only the cluster test asks",
    response: "<SCRATCHPAD_REASONING>Thinking it over.</SCRATCHPAD_REASONING><OUTPUT>Here it is.</OUTPUT>",
  }));
  const started = await json(
    await api(A, "/api/v1/imports?file_name=cluster.jsonl", {
      method: "POST",
      body: records.map((r) => JSON.stringify(r)).join("\n") + "\n",
    }),
  );
  const done = await poll(
    () => api(B, started.status_url).then(json),
    (s) => s.status !== "queued" && s.status !== "running",
    "the import",
  );
  expect(done).toMatchObject({ status: "succeeded", imported: 2, failed: 0 });
  // The upload waited in S3, not on server A's disk, and is gone once imported.
  expect(await storage().list("uploads/")).toEqual([]);
});

test("an export started on B, its worker killed with SIGKILL mid-export, completes once on the other, same bytes as an undisturbed run", async () => {
  const undisturbed = await json(await api(B, "/api/v1/exports", { method: "POST", body: JSON.stringify(EXPORT) }));
  const reference = await poll(
    () => api(A, undisturbed.status_url).then(json),
    (e) => e.status === "succeeded",
    "the undisturbed export",
  );
  expect(reference.attempts.made).toBe(1);
  const referenceHashes = await dataHashes(A, reference);

  const started = await json(await api(B, "/api/v1/exports", { method: "POST", body: JSON.stringify(EXPORT) }));
  // Mid-export: claimed by a worker, its split planned, its files not published.
  const running = await poll(
    () =>
      db
        .query<{ status: string; progress_total: number | null; pid: number }>(
          `SELECT j.status::text AS status, j.progress_total, w.pid FROM jobs j LEFT JOIN job_workers w ON w.id = j.worker_id WHERE j.id = $1`,
          [started.job_id],
        )
        .then((r) => r.rows[0]),
    (row) => row.status === "running" && row.progress_total !== null,
    "the export to run",
  );
  const victim = cluster.workers.find((worker) => worker.pid === running.pid)!;
  expect(victim, "the worker running the export is one of ours").toBeTruthy();
  victim.kill("SIGKILL");
  await new Promise((resolve) => victim.once("exit", resolve));
  expect(victim.signalCode).toBe("SIGKILL");

  const finished = await poll(
    () => api(A, started.status_url).then(json),
    (e) => e.status !== "queued" && e.status !== "running",
    "the export",
  );
  expect(finished).toMatchObject({ status: "succeeded", attempts: { made: 2 } });
  const { rows } = await db.query<{ pid: number }>(`SELECT w.pid FROM jobs j JOIN job_workers w ON w.id = j.worker_id WHERE j.id = $1`, [
    started.job_id,
  ]);
  expect(rows[0].pid).not.toBe(running.pid);
  expect(await dataHashes(A, finished)).toEqual(referenceHashes);
  // Published once: in storage exactly the files of one run, nothing left of the killed attempt.
  const objects = await storage().list(`exports/${finished.id}/`);
  expect(objects.map((o) => o.key.split("/").slice(3).join("/")).sort()).toEqual(
    finished.files.map((f: { name: string }) => f.name).sort(),
  );
  expect(new Set(objects.map((o) => o.key.split("/")[2])).size).toBe(1);
  cluster.addWorker(); // two workers again for what follows
});

test("an import whose worker is killed with SIGKILL mid-run is run again by the other: every row once, none lost", async () => {
  const RECORDS = 4_000;
  const lines: string[] = [];
  for (let i = 0; i < RECORDS; i++)
    lines.push(
      JSON.stringify({
        setting: "cluster-kill",
        variation: "baseline",
        model: "cluster-model",
        condition: i % 2 ? "deployment" : "training",
        query: `Cluster query number ${Math.floor(i / 2)}`,
        response: `<SCRATCHPAD_REASONING>${"I should think about this request carefully. ".repeat(20)}${i}</SCRATCHPAD_REASONING><OUTPUT>Answer ${i}.</OUTPUT>`,
      }),
    );
  const started = await json(
    await api(A, "/api/v1/imports?file_name=kill.jsonl&dataset=cluster-kill", { method: "POST", body: lines.join("\n") + "\n" }),
  );
  const { rows: jobRows } = await db.query<{ job_id: number }>(`SELECT job_id FROM imports WHERE id = $1`, [started.import_id]);
  const running = await poll(
    () =>
      db
        .query<{ status: string; bytes_read: string; pid: number }>(
          `SELECT i.status::text AS status, i.bytes_read, w.pid FROM imports i JOIN jobs j ON j.id = i.job_id
             LEFT JOIN job_workers w ON w.id = j.worker_id WHERE i.id = $1`,
          [started.import_id],
        )
        .then((r) => r.rows[0]),
    (row) => row.status === "running" && Number(row.bytes_read) > 0,
    "the import to be reading",
  );
  const victim = cluster.workers.find((worker) => worker.pid === running.pid)!;
  expect(victim, "the worker running the import is one of ours").toBeTruthy();
  victim.kill("SIGKILL");
  await new Promise((resolve) => victim.once("exit", resolve));

  const done = await poll(
    () => api(B, started.status_url).then(json),
    (s) => s.status !== "queued" && s.status !== "running",
    "the import",
  );
  expect(done).toMatchObject({ status: "succeeded", imported: RECORDS, duplicates: 0, failed: 0 });
  const job = await json(await api(B, `/api/v1/jobs/${jobRows[0].job_id}`));
  expect(job.attempts.made).toBe(2);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM transcripts t JOIN datasets d ON d.id = t.dataset_id WHERE d.name = 'cluster-kill'`,
  );
  expect(rows[0].n).toBe(RECORDS);
  cluster.addWorker();
});

test("a cancelled export stops and leaves nothing published", async () => {
  const started = await json(await api(A, "/api/v1/exports", { method: "POST", body: JSON.stringify({ ...EXPORT, seed: 8 }) }));
  await poll(
    () => api(B, `/api/v1/jobs/${started.job_id}`).then(json),
    (job) => job.status === "running",
    "the export to start",
  );
  const cancel = await api(A, started.cancel_url, { method: "POST" });
  expect([200, 202]).toContain(cancel.status);
  const stopped = await poll(
    () => api(B, started.status_url).then(json),
    (e) => e.status !== "queued" && e.status !== "running",
    "the export to stop",
  );
  expect(stopped).toMatchObject({ status: "cancelled", files: [] });
  expect(await storage().list(`exports/${started.id}/`)).toEqual([]);
  const download = await api(A, `/api/v1/exports/${started.id}/files/data/train.jsonl`);
  expect(download.status).toBe(404);
});

test("every request gets an id, echoed back and in one JSON log line", async () => {
  const response = await api(A, "/api/v1/jobs?limit=1", { headers: { "x-request-id": "cluster-test-request-0001" } });
  expect(response.status).toBe(200);
  expect(response.headers.get("x-request-id")).toBe("cluster-test-request-0001");
  const generated = (await api(B, "/api/health")).headers.get("x-request-id");
  expect(generated).toMatch(/^[0-9a-f-]{36}$/);
  const line = await poll(
    async () =>
      cluster
        .output()
        .split("\n")
        .filter((l) => l.startsWith("[web-1] {"))
        .map((l) => JSON.parse(l.slice("[web-1] ".length)))
        .find((entry) => entry.request_id === "cluster-test-request-0001"),
    Boolean,
    "the request's log line",
    10_000,
  );
  expect(line).toMatchObject({ level: "info", service: "web-1", msg: "request", method: "GET", path: "/api/v1/jobs", status: 200 });
});

test("the production web server (npm start) keeps the security headers: a page, an API answer, a download, health, a static file", async () => {
  const common = (response: Response, what: string) => {
    expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
    expect(response.headers.get("referrer-policy"), what).toBe("same-origin");
    expect(response.headers.get("x-frame-options"), what).toBe("DENY");
    expect(response.headers.get("content-security-policy"), what).toContain("frame-ancestors 'none'");
  };
  const page = await fetch(`${cluster.web[A].url}/sign-in`);
  expect(page.status).toBe(200);
  common(page, "page");
  expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(page.headers.get("content-security-policy")).not.toContain("unsafe-eval");
  expect(page.headers.get("x-request-id")).toBeTruthy();

  const answer = await api(A, "/api/v1/jobs?limit=1");
  expect(answer.status).toBe(200);
  common(answer, "API answer");
  expect(answer.headers.get("content-security-policy")).toContain("default-src 'none'");

  const { exports } = await json(await api(A, "/api/v1/exports"));
  const finished = (exports as { status: string; files: { url: string }[] }[]).find((e) => e.status === "succeeded" && e.files.length);
  if (!finished) throw new Error("no finished export to download");
  const download = await api(A, finished.files[0].url);
  expect(download.status).toBe(200);
  common(download, "download");
  await download.arrayBuffer();

  const health = await fetch(`${cluster.web[A].url}/api/health`);
  expect(health.status).toBe(200);
  common(health, "/api/health");
  common(await fetch(`${cluster.web[A].url}/favicon.svg`), "static file");
});

test("SIGTERM drains a web server: not ready, then a clean exit", async () => {
  const web = cluster.web[B].process;
  web.kill("SIGTERM");
  const ready = await poll(
    () =>
      fetch(`${cluster.web[B].url}/api/ready`)
        .then((r) => r.status)
        .catch(() => 0),
    (status) => status !== 200,
    "B to drain",
    10_000,
  );
  expect([503, 0]).toContain(ready);
  await new Promise((resolve) => (web.exitCode !== null ? resolve(null) : web.once("exit", resolve)));
  expect(web.exitCode).toBe(0);
  // Server A still serves.
  expect((await api(A, "/api/health")).status).toBe(200);
});
