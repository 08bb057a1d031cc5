import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeTestCorpus, type TestCorpus } from "@/lib/exports/test-corpus";
import { NO_PARAMS, get, params, startApiHarness, url, type ApiHarness } from "@/lib/testing/api-harness";
import { createApiToken } from "./tokens";

/**
 * Imports through the API's route handlers, with real tokens on a real database and a worker of
 * the job queue: the file as the body or as a multipart part with a mapping, run in the
 * background by the import engine, their status, and who may start one.
 */
let harness: ApiHarness;
let databaseUrl: string;
let corpus: TestCorpus;
let client: pg.Client;
let users: ApiHarness["users"];
let routes: {
  imports: typeof import("@/app/api/v1/imports/route");
  importStatus: typeof import("@/app/api/v1/imports/[id]/route");
};

beforeAll(async () => {
  harness = await startApiHarness();
  ({ databaseUrl, corpus, client, users } = harness);
  routes = {
    imports: await import("@/app/api/v1/imports/route"),
    importStatus: await import("@/app/api/v1/imports/[id]/route"),
  };
});
afterAll(() => harness?.stop());

/** The import's status once it is no longer queued or running (polled through its status route, up to a minute). */
async function finished(importId: number, token: string) {
  let status = { status: "queued" } as { status: string; imported?: number; message?: string };
  for (let i = 0; i < 300 && (status.status === "queued" || status.status === "running"); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    status = await (await routes.importStatus.GET(get(`/api/v1/imports/${importId}`, token), params({ id: String(importId) }))).json();
  }
  return status;
}

describe("imports through the API", () => {
  it("take the file as the body, run in the background with the import engine, and report their status", async () => {
    const { token } = await createApiToken(client, users.lead, "importer");
    const dataset = `api-import-${corpus.dataset}`;
    const record = {
      setting: "api-test",
      variation: "baseline",
      model: "api-model",
      condition: "training",
      query: `An API query ${corpus.dataset}`,
      response: "<SCRATCHPAD_REASONING>Hmm.</SCRATCHPAD_REASONING><OUTPUT>Sure.</OUTPUT>",
    };
    const body = JSON.stringify(record) + "\n" + JSON.stringify({ ...record, condition: "deployment" }) + "\n";
    const request = new Request(url(`/api/v1/imports?file_name=run.jsonl&dataset=${dataset}`), {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body,
    });
    const started = await routes.imports.POST(request, NO_PARAMS);
    expect(started.status).toBe(202);
    const { import_id: importId, status_url: statusUrl } = await started.json();
    expect(statusUrl).toBe(`/api/v1/imports/${importId}`);
    expect(await finished(importId, token)).toMatchObject({ status: "succeeded", imported: 2 });
    const annotator = await createApiToken(client, users.annotator, "no imports");
    const refused = await routes.imports.POST(
      new Request(url("/api/v1/imports?file_name=x.jsonl"), {
        method: "POST",
        headers: { authorization: `Bearer ${annotator.token}` },
        body,
      }),
      NO_PARAMS,
    );
    expect(refused.status).toBe(403);
    await removeTestCorpus(databaseUrl, dataset, []);
  });
});

describe("imports through the API with a mapping", () => {
  const separate = (tier: string, i: number) => ({
    tier,
    q: `Mapped API query ${i} ${corpus.dataset}`,
    thoughts: `Reasoning ${i}.`,
    said: `Answer ${i}.`,
  });
  const body = () => [separate("free", 1), separate("paid", 1)].map((r) => JSON.stringify(r)).join("\n") + "\n";
  const mapping = {
    fields: { query: "q", scratchpad: "thoughts", response: "said", condition: "tier" },
    constants: { model: "mapped-api-model" },
  };

  it("takes the mapping as a multipart part, or a stored one by name, and records who imported", async () => {
    const { token } = await createApiToken(client, users.lead, "mapped importer");
    const form = new FormData();
    form.append("mapping", JSON.stringify(mapping));
    form.append("file", new Blob([body()]), "separate.jsonl");
    const dataset = `api-mapped-${corpus.dataset}`;
    const started = await routes.imports.POST(
      new Request(url(`/api/v1/imports?file_name=separate.jsonl&dataset=${dataset}`), {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: form,
      }),
      NO_PARAMS,
    );
    expect(started.status).toBe(202);
    const { import_id: importId } = await started.json();
    expect(await finished(importId, token)).toMatchObject({ status: "succeeded", imported: 2 });
    // The import row says succeeded as its handler returns; the queue marks the job a moment later.
    const jobStatus = async () =>
      (await client.query(`SELECT j.status::text AS status FROM imports i JOIN jobs j ON j.id = i.job_id WHERE i.id = $1`, [importId]))
        .rows[0].status;
    await expect.poll(jobStatus, { timeout: 30_000 }).toBe("succeeded");
    const [row] = (
      await client.query(
        `SELECT i.user_id, i.created_by, i.mapping, j.kind, j.status::text AS job_status, j.created_by_id, j.payload
           FROM imports i JOIN jobs j ON j.id = i.job_id WHERE i.id = $1`,
        [importId],
      )
    ).rows;
    // It went through the job queue: its job was made by the token's user, who is the import's author too.
    expect(row).toMatchObject({
      user_id: users.lead.id,
      created_by: expect.stringMatching(/^api:/),
      mapping: expect.objectContaining({ fields: mapping.fields }),
      kind: "import",
      job_status: "succeeded",
      created_by_id: users.lead.id,
      payload: expect.objectContaining({ userId: users.lead.id, mappingText: expect.stringContaining('"thoughts"') }),
    });
    const stored = (
      await client.query(`SELECT scratchpad_text, final_output FROM transcripts WHERE import_id = $1 ORDER BY id`, [importId])
    ).rows;
    expect(stored).toEqual([
      { scratchpad_text: "Reasoning 1.", final_output: "Answer 1." },
      { scratchpad_text: "Reasoning 1.", final_output: "Answer 1." },
    ]);

    // A stored mapping by name: the shipped example, applied to a file it does not fit, says so per record.
    const byName = await routes.imports.POST(
      new Request(url(`/api/v1/imports?file_name=x.jsonl&dataset=${dataset}-2&mapping=aristo240-results-scored`), {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: body(),
      }),
      NO_PARAMS,
    );
    expect(byName.status).toBe(202);
    const second = await byName.json();
    expect(await finished(second.import_id, token)).toMatchObject({ status: "failed" });
    expect(
      (await client.query(`SELECT mapping->>'each' IS NOT NULL AS mapped FROM imports WHERE id = $1`, [second.import_id])).rows[0].mapped,
    ).toBe(true);

    const unknown = await routes.imports.POST(
      new Request(url(`/api/v1/imports?file_name=x.jsonl&mapping=no-such-mapping`), {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: body(),
      }),
      NO_PARAMS,
    );
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).message).toMatch(/^There is no stored mapping "no-such-mapping"\. Stored: .*aristo240-results-scored/);

    const badForm = new FormData();
    badForm.append("mapping", JSON.stringify({ fields: { final_output: "said" } }));
    badForm.append("file", new Blob([body()]), "separate.jsonl");
    const refused = await routes.imports.POST(
      new Request(url(`/api/v1/imports?file_name=separate.jsonl`), {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: badForm,
      }),
      NO_PARAMS,
    );
    expect(refused.status).toBe(400);
    expect((await refused.json()).message).toContain('"final_output" is not a key a mapping may use; did you mean "response"');
    await removeTestCorpus(databaseUrl, dataset, []);
  });
});
