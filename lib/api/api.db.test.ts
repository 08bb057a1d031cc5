import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestCorpus } from "@/lib/exports/test-corpus";
import { LocalStorage } from "@/lib/storage/local";
import { NO_PARAMS, get, params, post, startApiHarness, url, type ApiHarness } from "@/lib/testing/api-harness";
import { createApiToken, revokeApiToken } from "./tokens";

/**
 * The API through its route handlers, with real tokens on a real database:
 * the token lifecycle, role scoping, errors, an export run as a job on a
 * worker of the queue, then downloaded from storage, jobs, health and the
 * OpenAPI document. Imports through the API: api-imports.db.test.ts.
 */
let harness: ApiHarness;
let corpus: TestCorpus;
let client: pg.Client;
let users: ApiHarness["users"];
let routes: {
  transcripts: typeof import("@/app/api/v1/transcripts/route");
  transcript: typeof import("@/app/api/v1/transcripts/[id]/route");
  exports: typeof import("@/app/api/v1/exports/route");
  exportJob: typeof import("@/app/api/v1/exports/[id]/route");
  exportFile: typeof import("@/app/api/v1/exports/[id]/files/[...name]/route");
  openapi: typeof import("@/app/api/v1/openapi.json/route");
  job: typeof import("@/app/api/v1/jobs/[id]/route");
  cancel: typeof import("@/app/api/v1/jobs/[id]/cancel/route");
};

beforeAll(async () => {
  harness = await startApiHarness();
  ({ corpus, client, users } = harness);
  routes = {
    transcripts: await import("@/app/api/v1/transcripts/route"),
    transcript: await import("@/app/api/v1/transcripts/[id]/route"),
    exports: await import("@/app/api/v1/exports/route"),
    exportJob: await import("@/app/api/v1/exports/[id]/route"),
    exportFile: await import("@/app/api/v1/exports/[id]/files/[...name]/route"),
    openapi: await import("@/app/api/v1/openapi.json/route"),
    job: await import("@/app/api/v1/jobs/[id]/route"),
    cancel: await import("@/app/api/v1/jobs/[id]/cancel/route"),
  };
});
afterAll(() => harness?.stop());

describe("API tokens", () => {
  it("work until revoked, then are refused; only their hash is stored", async () => {
    const { id, token } = await createApiToken(client, users.lead, "pipeline");
    expect(token).toMatch(/^afl_[A-Za-z0-9_-]{43}$/);
    const stored = await client.query(`SELECT token_hash, prefix FROM api_tokens WHERE id = $1`, [id]);
    expect(stored.rows[0].token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored.rows)).not.toContain(token);

    const ok = await routes.transcripts.GET(get(`/api/v1/transcripts?dataset=${corpus.datasetId}&size=10`, token), NO_PARAMS);
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.transcripts).toHaveLength(10);
    expect(body.next_after).toBe(body.transcripts[9].id);
    const next = await (
      await routes.transcripts.GET(
        get(`/api/v1/transcripts?dataset=${corpus.datasetId}&size=50&after=${body.next_after}`, token),
        NO_PARAMS,
      )
    ).json();
    expect(next.transcripts).toHaveLength(corpus.transcripts - 10);

    expect(await revokeApiToken(client, users.lead.id, id)).toBe(true);
    const refused = await routes.transcripts.GET(get(`/api/v1/transcripts?dataset=${corpus.datasetId}`, token), NO_PARAMS);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: "invalid_token", message: expect.stringContaining("revoked") });
  });

  it("answer 401 without credentials and 400 with a clear message for bad input", async () => {
    const none = await routes.transcripts.GET(get("/api/v1/transcripts"), NO_PARAMS);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: "unauthenticated", message: expect.stringContaining("Bearer") });
    const { token } = await createApiToken(client, users.annotator, "bad input");
    const bad = await routes.transcripts.GET(get("/api/v1/transcripts?size=7&colour=red", token), NO_PARAMS);
    expect(bad.status).toBe(400);
    const error = await bad.json();
    expect(error.message).toMatch(/size/);
    expect(error.issues.length).toBeGreaterThan(0);
    const missing = await routes.transcript.GET(get("/api/v1/transcripts/2147483600", token), params({ id: "2147483600" }));
    expect(missing.status).toBe(404);
  });

  it("are scoped to the creator's role: an annotator's token cannot export, nor a demoted lead's", async () => {
    const annotator = await createApiToken(client, users.annotator, "annotator");
    const refused = await routes.exports.POST(post("/api/v1/exports", annotator.token, { format: "jsonl" }), NO_PARAMS);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "forbidden", message: expect.stringContaining("lead") });

    const demotedUser = { id: `${users.lead.id}-demoted`, role: "lead" as const };
    await client.query(`INSERT INTO users (id, name, email, role, updated_at) VALUES ($1, $1, $2, 'lead', now())`, [
      demotedUser.id,
      `${demotedUser.id}@api.test`,
    ]);
    const demoted = await createApiToken(client, demotedUser, "before demotion");
    await client.query(`UPDATE users SET role = 'annotator' WHERE id = $1`, [demotedUser.id]);
    expect((await routes.exports.POST(post("/api/v1/exports", demoted.token, { format: "jsonl" }), NO_PARAMS)).status).toBe(403);
    await client.query(`DELETE FROM users WHERE id = $1`, [demotedUser.id]);
  });

  it("show an annotator only their own labels of a transcript, a lead everyone's", async () => {
    const { rows } = await client.query<{ transcript_id: number; annotator_id: string }>(
      `SELECT a.transcript_id, a.annotator_id FROM annotations a JOIN transcripts t ON t.id = a.transcript_id WHERE t.dataset_id = $1 ORDER BY a.transcript_id LIMIT 1`,
      [corpus.datasetId],
    );
    const transcriptId = rows[0].transcript_id;
    const lead = await createApiToken(client, users.lead, "lead");
    const asLead = await (
      await routes.transcript.GET(get(`/api/v1/transcripts/${transcriptId}`, lead.token), params({ id: String(transcriptId) }))
    ).json();
    expect(asLead.annotations.length).toBeGreaterThanOrEqual(2);
    expect(asLead.consensus.af_verdict).toMatchObject({ method: expect.any(String) });
    const annotator = await createApiToken(client, users.annotator, "annotator");
    const asAnnotator = await (
      await routes.transcript.GET(get(`/api/v1/transcripts/${transcriptId}`, annotator.token), params({ id: String(transcriptId) }))
    ).json();
    expect(asAnnotator.annotations).toEqual([]);
    expect(asAnnotator.scratchpad_text).toBe(asLead.scratchpad_text);
  });
});

describe("exports through the API", () => {
  it("run as a background job with progress, then download with the manifest's hash", async () => {
    const { token } = await createApiToken(client, users.lead, "exporter");
    const started = await routes.exports.POST(
      post("/api/v1/exports", token, { format: "csv", filters: { dataset: corpus.datasetId }, split: [0.5, 0.5, 0], seed: 9 }),
      NO_PARAMS,
    );
    expect(started.status).toBe(202);
    const job = await started.json();
    // The response shows the job as it is when read back: the test's own worker may have started it already.
    expect(job).toMatchObject({ status: expect.stringMatching(/^(queued|running)$/), status_url: `/api/v1/exports/${job.id}` });

    let view = job;
    const deadline = Date.now() + 90_000;
    while (view.status === "queued" || view.status === "running") {
      if (Date.now() > deadline) throw new Error(`export job still ${view.status}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      view = await (await routes.exportJob.GET(get(view.status_url, token), params({ id: String(job.id) }))).json();
    }
    expect(view).toMatchObject({ status: "succeeded", progress: { done: corpus.transcripts, total: corpus.transcripts } });
    const names = view.files.map((file: { name: string }) => file.name);
    expect(names).toEqual(["data/train.csv", "data/validation.csv", "manifest.json", "README.md"]);

    const train = view.files[0];
    const download = await routes.exportFile.GET(get(train.url, token), params({ id: String(job.id), name: ["data", "train.csv"] }));
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(train.sha256);
    expect(bytes.toString("utf8")).toMatch(/^transcript_id,pair_id,query_id/);

    const outside = await routes.exportFile.GET(
      get(`/api/v1/exports/${job.id}/files/../../etc/passwd`, token),
      params({ id: String(job.id), name: ["..", "..", "etc", "passwd"] }),
    );
    expect(outside.status).toBe(404);
  });
});

describe("jobs through the API", () => {
  it("show a job's status and cancel a queued one; only leads may", async () => {
    const { token } = await createApiToken(client, users.lead, "jobs");
    const { enqueueJob } = await import("@/lib/jobs/queue");
    // Not due for an hour: it stays queued until cancelled.
    const jobId = await enqueueJob(client, "label-signatures", {}, { createdById: users.lead.id, runAt: new Date(Date.now() + 3_600_000) });
    const shown = await routes.job.GET(get(`/api/v1/jobs/${jobId}`, token), params({ id: String(jobId) }));
    expect(shown.status).toBe(200);
    expect(await shown.json()).toMatchObject({ id: jobId, kind: "label-signatures", status: "queued", attempts: { made: 0, max: 3 } });

    // An annotator (in an open blind queue, too), and a client without a token, are refused.
    const blindQueue = await client.query<{ id: number }>(
      `INSERT INTO label_queues (name, blind, annotators_per_item, created_by_id) VALUES ('api blind', true, 1, $1) RETURNING id`,
      [users.lead.id],
    );
    await client.query(`INSERT INTO label_queue_annotators (queue_id, user_id) VALUES ($1, $2)`, [
      blindQueue.rows[0].id,
      users.annotator.id,
    ]);
    const annotator = await createApiToken(client, users.annotator, "blind annotator");
    const cancelAs = (who?: string) =>
      routes.cancel.POST(
        new Request(url(`/api/v1/jobs/${jobId}/cancel`), { method: "POST", headers: who ? { authorization: `Bearer ${who}` } : {} }),
        params({ id: String(jobId) }),
      );
    expect((await routes.job.GET(get(`/api/v1/jobs/${jobId}`, annotator.token), params({ id: String(jobId) }))).status).toBe(403);
    expect((await routes.job.GET(get(`/api/v1/jobs/${jobId}`), params({ id: String(jobId) }))).status).toBe(401);
    expect((await cancelAs(annotator.token)).status).toBe(403);
    expect((await cancelAs()).status).toBe(401);
    expect((await getJobStatus(jobId)).status).toBe("queued");

    const cancelled = await cancelAs(token);
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({
      outcome: "cancelled",
      job: { status: "cancelled", message: "Cancelled before it started." },
    });
    expect(await (await cancelAs(token)).json()).toMatchObject({ outcome: "finished" });
    const missing = await routes.job.GET(get(`/api/v1/jobs/999999`, token), params({ id: "999999" }));
    expect(missing.status).toBe(404);
    await client.query(`DELETE FROM label_queues WHERE id = $1`, [blindQueue.rows[0].id]);
  });
});

async function getJobStatus(id: number) {
  const { rows } = await client.query<{ status: string }>(`SELECT status::text AS status FROM jobs WHERE id = $1`, [id]);
  return rows[0];
}

describe("health and readiness", () => {
  it("answer without credentials: alive, and ready once database, migrations, queue and storage are", async () => {
    const health = await import("@/app/api/health/route");
    const ready = await import("@/app/api/ready/route");
    const alive = await health.GET(get("/api/health"), params({}));
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ status: "ok" });
    const answer = await ready.GET(get("/api/ready"), params({}));
    const body = await answer.json();
    expect(answer.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ status: "ready", draining: false, workers: 1 });
    expect(Object.keys(body.checks).sort()).toEqual(["database", "job_queue", "migrations", "storage"]);

    // Draining for a shutdown: not ready, whatever else holds.
    const { startDraining } = await import("@/lib/ops/draining");
    startDraining();
    const draining = await ready.GET(get("/api/ready"), params({}));
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ status: "not_ready", draining: true });
    (globalThis as { afLensDraining?: boolean }).afLensDraining = false;
  });

  it("is not ready when the storage cannot be written", async () => {
    const ready = await import("@/app/api/ready/route");
    const { storage } = await import("@/lib/storage");
    const original = storage();
    const state = globalThis as unknown as { storage?: unknown };
    state.storage = new LocalStorage("/dev/null/af-lens-not-writable");
    try {
      const answer = await ready.GET(get("/api/ready"), params({}));
      expect(answer.status).toBe(503);
      expect((await answer.json()).checks.storage).toMatchObject({ ok: false, detail: "failed (see the server log)" });
    } finally {
      state.storage = original;
    }
  });
});

describe("the OpenAPI document", () => {
  it("is generated from the request schemas and public", async () => {
    const response = await routes.openapi.GET(get("/api/v1/openapi.json"), NO_PARAMS);
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/transcripts",
        "/transcripts/{id}",
        "/imports",
        "/statistics/variations",
        "/exports",
        "/exports/{id}",
        "/exports/{id}/files/{name}",
        "/jobs",
        "/jobs/{id}",
        "/jobs/{id}/cancel",
      ]),
    );
    expect(document.components.schemas.ExportRequest.properties.format.enum).toEqual(["jsonl", "csv", "parquet"]);
    const size = document.paths["/transcripts"].get.parameters.find((p: { name: string }) => p.name === "size");
    expect(size.schema.enum).toEqual([10, 25, 50, 100]);
  });
});
