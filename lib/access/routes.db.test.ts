import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures } from "@/lib/testing/fixtures";
import { isRoute, projectTree } from "@/lib/testing/entries";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * Every route handler, called as a signed-out client, an annotator, and an
 * annotator of an open blind queue (real sessions, real database): each is
 * refused what it must not have. A route file missing from CASES fails the
 * first test, so a new route gets its refusals tested too.
 */
const url = testDatabaseUrl();
process.env.DATABASE_URL = url;
const fixtures = new Fixtures(url);

type Persona = "signedOut" | "annotator" | "blindAnnotator" | "lead";
const cookies: Record<Persona, string> = { signedOut: "", annotator: "", blindAnnotator: "", lead: "" };
let visible: number;
let held: number;
let queue: number;
let heldItem: number;

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Call = { method: string; path: string; params?: Record<string, string | string[]>; body?: unknown };

/** Per route file: who may call it, and a request to make. `ids` are filled in before the calls. */
const CASES: Record<string, { role: "lead" | "annotator" | "public"; calls: () => Call[] }> = {
  "app/analytics/labels.csv/route.ts": {
    role: "lead",
    // Human labels, an imported source, a judge run raw and corrected: leads only, whatever the source.
    calls: () => [
      { method: "GET", path: "/analytics/labels.csv" },
      { method: "GET", path: "/analytics/labels.csv?by=%40source%3Aimported" },
      { method: "GET", path: "/analytics/labels.csv?by=%40judge%3A1" },
      { method: "GET", path: "/analytics/labels.csv?by=%40judge%3A1&corrected=1" },
    ],
  },
  "app/analytics/variations.csv/route.ts": {
    role: "lead",
    calls: () => [
      { method: "GET", path: "/analytics/variations.csv" },
      { method: "GET", path: "/analytics/variations.csv?source=%40judge%3A1&corrected=1" },
    ],
  },
  "app/api/health/route.ts": { role: "public", calls: () => [{ method: "GET", path: "/api/health" }] },
  "app/api/ready/route.ts": { role: "public", calls: () => [{ method: "GET", path: "/api/ready" }] },
  "app/api/imports/[id]/errors/route.ts": {
    role: "lead",
    calls: () => [{ method: "GET", path: "/api/imports/1/errors", params: { id: "1" } }],
  },
  "app/api/imports/[id]/route.ts": { role: "lead", calls: () => [{ method: "GET", path: "/api/imports/1", params: { id: "1" } }] },
  "app/api/imports/uploads/route.ts": { role: "lead", calls: () => [{ method: "POST", path: "/api/imports/uploads", body: "x" }] },
  "app/api/queues/[id]/items/[itemId]/annotation/route.ts": {
    role: "annotator",
    calls: () =>
      ["GET", "PUT", "DELETE"].map((method) => ({
        method,
        path: `/api/queues/${queue}/items/${heldItem}/annotation${method === "DELETE" ? "?version=1" : ""}`,
        params: { id: String(queue), itemId: String(heldItem) },
        body: method === "PUT" ? { expectedVersion: 0, schemaVersion: 1, values: {} } : undefined,
      })),
  },
  "app/api/transcripts/[id]/annotation/route.ts": {
    role: "annotator",
    calls: () =>
      ["GET", "PUT", "DELETE"].map((method) => ({
        method,
        path: `/api/transcripts/${held}/annotation${method === "DELETE" ? "?version=1" : ""}`,
        params: { id: String(held) },
        body: method === "PUT" ? { expectedVersion: 0, schemaVersion: 1, values: {} } : undefined,
      })),
  },
  "app/api/transcripts/[id]/labels/route.ts": {
    role: "lead",
    calls: () => [{ method: "GET", path: `/api/transcripts/${visible}/labels`, params: { id: String(visible) } }],
  },
  "app/api/v1/exports/[id]/files/[...name]/route.ts": {
    role: "lead",
    calls: () => [{ method: "GET", path: "/api/v1/exports/1/files/manifest.json", params: { id: "1", name: ["manifest.json"] } }],
  },
  "app/api/v1/exports/[id]/route.ts": { role: "lead", calls: () => [{ method: "GET", path: "/api/v1/exports/1", params: { id: "1" } }] },
  "app/api/v1/judges/route.ts": {
    role: "lead",
    calls: () => [
      { method: "GET", path: "/api/v1/judges" },
      { method: "POST", path: "/api/v1/judges", body: { name: "refused", labelKey: "af_verdict", provider: "openai", model: "m" } },
    ],
  },
  "app/api/v1/judges/imported/route.ts": {
    role: "lead",
    calls: () => [
      {
        method: "POST",
        path: "/api/v1/judges/imported",
        body: { judgeName: "refused", labelKey: "af_verdict", text: '{"transcript_id": 1, "score": 0.5}' },
      },
    ],
  },
  "app/api/v1/judges/[id]/runs/route.ts": {
    role: "lead",
    calls: () => [
      { method: "GET", path: "/api/v1/judges/1/runs", params: { id: "1" } },
      { method: "POST", path: "/api/v1/judges/1/runs", params: { id: "1" }, body: { filters: {} } },
    ],
  },
  "app/api/v1/judge-runs/[id]/route.ts": {
    role: "lead",
    calls: () => [{ method: "GET", path: "/api/v1/judge-runs/1", params: { id: "1" } }],
  },
  "app/api/v1/judge-runs/[id]/cancel/route.ts": {
    role: "lead",
    calls: () => [{ method: "POST", path: "/api/v1/judge-runs/1/cancel", params: { id: "1" } }],
  },
  "app/api/v1/judge-runs/[id]/predictions/route.ts": {
    role: "lead",
    calls: () => [{ method: "GET", path: "/api/v1/judge-runs/1/predictions", params: { id: "1" } }],
  },
  "app/api/v1/exports/route.ts": {
    role: "lead",
    calls: () => [
      { method: "GET", path: "/api/v1/exports" },
      { method: "POST", path: "/api/v1/exports", body: { format: "jsonl" } },
    ],
  },
  "app/api/v1/imports/[id]/route.ts": { role: "lead", calls: () => [{ method: "GET", path: "/api/v1/imports/1", params: { id: "1" } }] },
  "app/api/v1/imports/route.ts": { role: "lead", calls: () => [{ method: "POST", path: "/api/v1/imports?file_name=x.jsonl", body: "{}" }] },
  "app/api/v1/jobs/[id]/cancel/route.ts": {
    role: "lead",
    calls: () => [{ method: "POST", path: "/api/v1/jobs/1/cancel", params: { id: "1" } }],
  },
  "app/api/v1/jobs/[id]/route.ts": { role: "lead", calls: () => [{ method: "GET", path: "/api/v1/jobs/1", params: { id: "1" } }] },
  "app/api/v1/jobs/route.ts": { role: "lead", calls: () => [{ method: "GET", path: "/api/v1/jobs?limit=5" }] },
  "app/api/v1/openapi.json/route.ts": { role: "public", calls: () => [{ method: "GET", path: "/api/v1/openapi.json" }] },
  "app/api/v1/statistics/variations/route.ts": {
    role: "lead",
    // Human labels, and a judge run raw and corrected: leads only, whatever the source.
    calls: () => [
      { method: "GET", path: "/api/v1/statistics/variations" },
      { method: "GET", path: "/api/v1/statistics/variations?source=%40judge%3A1" },
      { method: "GET", path: "/api/v1/statistics/variations?source=%40judge%3A1&corrected=1" },
    ],
  },
  "app/api/v1/transcripts/[id]/route.ts": {
    role: "annotator",
    calls: () => [{ method: "GET", path: `/api/v1/transcripts/${held}`, params: { id: String(held) } }],
  },
  "app/api/v1/transcripts/route.ts": { role: "annotator", calls: () => [{ method: "GET", path: "/api/v1/transcripts?size=100" }] },
};

async function call(
  file: string,
  { method, path, params = {}, body }: Call,
  persona: Persona,
  origin = "http://localhost",
): Promise<Response> {
  const handlers = (await import(`@/${file}`)) as Record<string, Handler>;
  const headers: Record<string, string> = { origin };
  if (cookies[persona]) headers.cookie = cookies[persona];
  if (body !== undefined) headers["content-type"] = typeof body === "string" ? "application/octet-stream" : "application/json";
  const request = new Request(`http://localhost${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return handlers[method](request, { params: Promise.resolve(params) });
}

beforeAll(async () => {
  await fixtures.connect();
  const signedInLead = await fixtures.signedIn("lead", "Routes Lead");
  const lead = signedInLead.id;
  cookies.lead = signedInLead.cookie;
  cookies.annotator = (await fixtures.signedIn("annotator", "Routes Annotator")).cookie;
  const blind = await fixtures.signedIn("annotator", "Routes Blind");
  cookies.blindAnnotator = blind.cookie;
  visible = await fixtures.transcript("Nothing held here.");
  held = await fixtures.transcript("Held in an open blind queue.");
  const q = (sql: string, values: unknown[]) => fixtures.client.query(sql, values);
  queue = (
    await q(`INSERT INTO label_queues (name, blind, annotators_per_item, created_by_id) VALUES ('routes', true, 1, $1) RETURNING id`, [
      lead,
    ])
  ).rows[0].id;
  await q(`INSERT INTO label_queue_annotators (queue_id, user_id) VALUES ($1, $2)`, [queue, blind.id]);
  heldItem = (await q(`INSERT INTO label_queue_items (queue_id, transcript_id) VALUES ($1, $2) RETURNING id`, [queue, held])).rows[0].id;
});
afterAll(() => fixtures.cleanup());

describe("every route handler", () => {
  it("is in this test's table", () => {
    expect(Object.keys(CASES).sort()).toEqual(projectTree().files.filter(isRoute).sort());
  });

  it("answers a signed-out client 401 (only the OpenAPI document, health and readiness answer)", async () => {
    for (const [file, { role, calls }] of Object.entries(CASES)) {
      for (const request of calls()) {
        const response = await call(file, request, "signedOut");
        if (role === "public") {
          // /api/ready may say 503 (not ready) here: what matters is that it asks for no credentials.
          expect([200, 503], `${request.method} ${file}`).toContain(response.status);
          expect(await response.json(), `${request.method} ${file}`).not.toHaveProperty("error");
          continue;
        }
        expect(response.status, `${request.method} ${file}`).toBe(401);
        expect(await response.json()).toMatchObject({ error: "unauthenticated" });
      }
    }
  });

  it("refuses every change sent with a session cookie from another site's page (403 cross_origin), a lead's included", async () => {
    let changes = 0;
    for (const [file, { role, calls }] of Object.entries(CASES)) {
      if (role === "public") continue;
      for (const request of calls()) {
        if (["GET", "HEAD", "OPTIONS"].includes(request.method)) continue;
        changes++;
        const response = await call(file, request, "lead", "http://evil.example");
        expect(response.status, `${request.method} ${file}`).toBe(403);
        expect(await response.json()).toMatchObject({ error: "cross_origin" });
      }
    }
    expect(changes).toBeGreaterThanOrEqual(8); // uploads, imports, exports, annotations, queue items, job cancels
  });

  it("answers an annotator and a blind annotator 403 on every lead route, before reading anything", async () => {
    for (const [file, { role, calls }] of Object.entries(CASES)) {
      if (role !== "lead") continue;
      for (const request of calls()) {
        for (const persona of ["annotator", "blindAnnotator"] as const) {
          const response = await call(file, request, persona);
          expect(response.status, `${request.method} ${file} as ${persona}`).toBe(403);
          expect(await response.json()).toMatchObject({ error: "forbidden", message: expect.stringContaining("lead") });
        }
      }
    }
  });

  it("answers an annotator of an open blind queue as if its held transcript did not exist, for reads and writes", async () => {
    for (const file of ["app/api/transcripts/[id]/annotation/route.ts", "app/api/v1/transcripts/[id]/route.ts"]) {
      for (const request of CASES[file].calls()) {
        const response = await call(file, request, "blindAnnotator");
        expect(response.status, `${request.method} ${file}`).toBe(404);
        expect(await response.json(), `${request.method} ${file}`).toEqual({
          error: "not_found",
          message: `There is no transcript ${held}.`,
        });
        // Another annotator, outside the queue, may label it.
        const other = await call(file, request, "annotator");
        expect(other.status, `${request.method} ${file} (not in the queue)`).not.toBe(404);
      }
    }
    const list = await (
      await call("app/api/v1/transcripts/route.ts", CASES["app/api/v1/transcripts/route.ts"].calls()[0], "blindAnnotator")
    ).json();
    expect(list.transcripts.map((row: { id: number }) => row.id)).not.toContain(held);
    expect(list.transcripts.map((row: { id: number }) => row.id)).toContain(visible);
    // The queue's own route, without a claim: not theirs.
    for (const request of CASES["app/api/queues/[id]/items/[itemId]/annotation/route.ts"].calls()) {
      const response = await call("app/api/queues/[id]/items/[itemId]/annotation/route.ts", request, "blindAnnotator");
      expect(response.status, request.method).toBe(403);
    }
  });
});
