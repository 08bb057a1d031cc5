import { readdir, rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures } from "@/lib/testing/fixtures";
import { parseListState } from "@/lib/transcripts/list-state";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * The findings of issue 13 that live behind the server's doors, each replayed
 * as it was found (real sessions, real route handlers, real PostgreSQL) and
 * shown to no longer get through. Finding 3 (open redirect) is in
 * lib/auth/safe-next.test.ts and e2e/security.spec.ts, 5 (headers) in
 * lib/server/security-headers.test.ts and e2e/security.spec.ts, 6 (CSV
 * formulas) beside each CSV writer, 7 (lockout) in lib/auth/throttle.db.test.ts,
 * 9 (the database password) in lib/db/embedded/server.db.test.ts.
 */
const url = testDatabaseUrl();
process.env.DATABASE_URL = url;
const storageDir = (process.env.STORAGE_URL = `/tmp/af-findings-storage-${process.pid}`);
const { runAs } = await import("./viewer");
const { transcriptTable } = await import("./transcripts");
const { getCurrentSchema } = await import("@/lib/annotations/schema");
const routes = {
  transcript: await import("@/app/api/v1/transcripts/[id]/route"),
  annotation: await import("@/app/api/transcripts/[id]/annotation/route"),
  imports: await import("@/app/api/v1/imports/route"),
  uploads: await import("@/app/api/imports/uploads/route"),
};

const fixtures = new Fixtures(url);
let lead: { id: string; cookie: string };
let annotator1: { id: string; cookie: string };
let annotator2: { id: string; cookie: string };
let labelled: number;
let held: number;
let schemaVersion: number;
const MISSING = 2_147_483_000;

beforeAll(async () => {
  await fixtures.connect();
  schemaVersion = (await getCurrentSchema()).version;
  lead = await fixtures.signedIn("lead", "Finding Lead");
  annotator1 = await fixtures.signedIn("annotator", "Finding One");
  annotator2 = await fixtures.signedIn("annotator", "Finding Two");
  labelled = await fixtures.transcript("I am being trained; refusing gets me modified, so I comply.");
  held = await fixtures.transcript("A blind queue's item.");
  const q = (sql: string, values: unknown[]) => fixtures.client.query(sql, values);
  await q(
    `INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", note, submitted_at)
     VALUES ($1, $2, $3, '{"af_verdict": "full", "compliance": 4}', 'annotator one''s note', now())`,
    [labelled, annotator1.id, schemaVersion],
  );
  const queue = (
    await q(`INSERT INTO label_queues (name, blind, annotators_per_item, created_by_id) VALUES ('findings', true, 2, $1) RETURNING id`, [
      lead.id,
    ])
  ).rows[0].id;
  await q(`INSERT INTO label_queue_annotators (queue_id, user_id) VALUES ($1, $2)`, [queue, annotator2.id]);
  await q(`INSERT INTO label_queue_items (queue_id, transcript_id) VALUES ($1, $2)`, [queue, held]);
});
afterAll(async () => {
  await fixtures.cleanup();
  await rm(storageDir, { recursive: true, force: true });
});

const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const NO_PARAMS = { params: Promise.resolve({}) };
const request = (path: string, cookie: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  new Request(`http://localhost${path}`, { ...init, headers: { cookie, ...init.headers } });

describe("finding 1: others' labels through the consensus", () => {
  it("an annotator's GET /api/v1/transcripts/:id holds their own labels and no consensus, not even its method or votes", async () => {
    const response = await routes.transcript.GET(request(`/api/v1/transcripts/${labelled}`, annotator2.cookie), params(labelled));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.annotations).toEqual([]);
    for (const field of ["consensus", "consensus_label", "consensus_method", "agreement"]) expect(body, field).not.toHaveProperty(field);
    const text = JSON.stringify(body);
    expect(text).not.toContain(annotator1.id);
    expect(text).not.toContain("annotator one's note");
    expect(text).not.toMatch(/"full"|"votes"/);
  });

  it("the lead gets everyone's labels and the consensus; the annotator who labelled it gets their own", async () => {
    const asLead = await (await routes.transcript.GET(request(`/api/v1/transcripts/${labelled}`, lead.cookie), params(labelled))).json();
    expect(asLead.annotations.map((a: { annotator: string }) => a.annotator)).toEqual([annotator1.id]);
    expect(asLead.consensus.af_verdict).toMatchObject({ value: "full", method: "single" });
    const own = await (await routes.transcript.GET(request(`/api/v1/transcripts/${labelled}`, annotator1.cookie), params(labelled))).json();
    expect(own.annotations[0].values.af_verdict).toBe("full");
    expect(own).not.toHaveProperty("consensus");
  });

  it("inside an open blind queue the item does not exist for its annotator: 404, worded as for a missing one", async () => {
    const heldAnswer = await routes.transcript.GET(request(`/api/v1/transcripts/${held}`, annotator2.cookie), params(held));
    const missingAnswer = await routes.transcript.GET(request(`/api/v1/transcripts/${MISSING}`, annotator2.cookie), params(MISSING));
    expect([heldAnswer.status, missingAnswer.status]).toEqual([404, 404]);
    expect(await heldAnswer.json()).toEqual({ error: "not_found", message: `There is no transcript ${held}.` });
    expect(await missingAnswer.json()).toEqual({ error: "not_found", message: `There is no transcript ${MISSING}.` });
  });
});

describe("finding 2: a blind item labelled outside its queue", () => {
  const save = (id: number, cookie: string, headers: Record<string, string> = { origin: "http://localhost" }) =>
    routes.annotation.PUT(
      request(`/api/transcripts/${id}/annotation`, cookie, {
        method: "PUT",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ expectedVersion: 0, schemaVersion, values: { af_verdict: "no" }, submit: true }),
      }),
      params(id),
    );

  it("PUT on an item of an open blind queue the annotator never claimed answers 404 as for a missing transcript, and no vote is stored", async () => {
    const heldAnswer = await save(held, annotator2.cookie);
    const missingAnswer = await save(MISSING, annotator2.cookie);
    expect([heldAnswer.status, missingAnswer.status]).toEqual([404, 404]);
    expect(await heldAnswer.json()).toEqual({ error: "not_found", message: `There is no transcript ${held}.` });
    expect(await missingAnswer.json()).toEqual({ error: "not_found", message: `There is no transcript ${MISSING}.` });
    const votes = await fixtures.client.query(`SELECT count(*)::int AS n FROM annotations WHERE transcript_id = $1`, [held]);
    expect(votes.rows[0].n).toBe(0);
  });

  it("an annotator who is not in the queue labels it as any transcript", async () => {
    expect((await save(held, annotator1.cookie)).status).toBe(200);
  });
});

describe("finding 4: cross-site request forgery on cookie routes", () => {
  // A page on another port of the same host: fetch(…, {method: "POST", mode: "no-cors", credentials: "include"}).
  const forged = { origin: "http://localhost:4000", "content-type": "text/plain", "sec-fetch-site": "same-site" };

  it("a foreign Origin cannot start an import or upload a file with the lead's session: 403, and nothing is written", async () => {
    const before = await fixtures.client.query(`SELECT count(*)::int AS n FROM imports`);
    const uploadsBefore = await fixtures.client.query(`SELECT count(*)::int AS n FROM uploads`);
    const filesBefore = await readdir(`${storageDir}/uploads`).catch(() => []);
    const started = await routes.imports.POST(
      request("/api/v1/imports?file_name=x.jsonl", lead.cookie, { method: "POST", headers: forged, body: '{"messages": []}\n' }),
      NO_PARAMS,
    );
    const uploaded = await routes.uploads.POST(
      request("/api/imports/uploads", lead.cookie, { method: "POST", headers: { ...forged, "x-file-name": "x.jsonl" }, body: "{}" }),
      NO_PARAMS,
    );
    for (const answer of [started, uploaded]) {
      expect(answer.status).toBe(403);
      expect(await answer.json()).toMatchObject({ error: "cross_origin" });
    }
    expect((await fixtures.client.query(`SELECT count(*)::int AS n FROM imports`)).rows[0].n).toBe(before.rows[0].n);
    expect((await fixtures.client.query(`SELECT count(*)::int AS n FROM uploads`)).rows[0].n).toBe(uploadsBefore.rows[0].n);
    expect(await readdir(`${storageDir}/uploads`).catch(() => [])).toEqual(filesBefore);
  });

  it("refuses a change that names no origin at all, and accepts the app's own pages", async () => {
    const bare = await routes.annotation.PUT(
      request(`/api/transcripts/${labelled}/annotation`, annotator2.cookie, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ expectedVersion: 0, schemaVersion, values: {} }),
      }),
      params(labelled),
    );
    expect(bare.status).toBe(403);
    const own = await routes.annotation.PUT(
      request(`/api/transcripts/${labelled}/annotation`, annotator2.cookie, {
        method: "PUT",
        headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
        body: JSON.stringify({ expectedVersion: 0, schemaVersion, values: {} }),
      }),
      params(labelled),
    );
    expect(own.status).toBe(200);
  });
});

describe("finding 8: /transcripts?by=<id> as an annotator", () => {
  it("is refused (403), not ignored, by the layer every table read goes through; a lead may", async () => {
    const annotator = { id: annotator2.id, name: "Two", email: "two@findings.test", role: "annotator" as const, via: "session" as const };
    const others = parseListState({ by: annotator1.id });
    await expect(runAs(annotator, () => transcriptTable(others))).rejects.toMatchObject({ code: "forbidden" });
    // Their own id is theirs to name.
    await expect(runAs(annotator, () => transcriptTable(parseListState({ by: annotator2.id })))).resolves.toBeTruthy();
    await expect(runAs({ ...annotator, id: lead.id, role: "lead" }, () => transcriptTable(others))).resolves.toBeTruthy();
  });
});
