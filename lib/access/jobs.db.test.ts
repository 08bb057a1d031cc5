import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "@/lib/auth/roles";
import { installJobQueue } from "@/lib/jobs/install";
import { Fixtures } from "@/lib/testing/fixtures";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * What issues 19 and 14 added behind the visibility layer: background jobs, uploads,
 * queued imports, saved mappings and exports. A signed-out client, an annotator and an
 * annotator of an open blind queue are refused each, before anything is read
 * or written; a lead gets them. The export job carries the scope of the lead
 * who started it (it runs in a worker, without a request).
 */
const url = testDatabaseUrl();
process.env.DATABASE_URL = url;
const storageDir = (process.env.STORAGE_URL = `/tmp/af-access-jobs-${process.pid}`);
const { runAs } = await import("./viewer");
const jobs = await import("./jobs");
const imports = await import("./imports");
const exportsLayer = await import("./exports");
const { exportRequestSchema } = await import("@/lib/exports/request");

const fixtures = new Fixtures(url);
const people: Record<"lead" | "annotator" | "blind", string> = { lead: "", annotator: "", blind: "" };
const as = (who: keyof typeof people | null, role: UserRole = who === "lead" ? "lead" : "annotator") =>
  who === null
    ? <T>(work: () => Promise<T>) => runAs(null, work)
    : <T>(work: () => Promise<T>) => runAs({ id: people[who], role, name: who, email: `${who}@jobs.test`, via: "session" }, work);
const body = (text: string) => new Blob([text]).stream();

beforeAll(async () => {
  await fixtures.connect();
  await installJobQueue(url);
  people.lead = await fixtures.user("lead", "Jobs Lead");
  people.annotator = await fixtures.user("annotator", "Jobs Annotator");
  people.blind = await fixtures.user("annotator", "Jobs Blind");
  const held = await fixtures.transcript("Held in an open blind queue.");
  const q = (sql: string, values: unknown[]) => fixtures.client.query(sql, values);
  const queue = (
    await q(`INSERT INTO label_queues (name, blind, annotators_per_item, created_by_id) VALUES ('jobs', true, 1, $1) RETURNING id`, [
      people.lead,
    ])
  ).rows[0].id;
  await q(`INSERT INTO label_queue_annotators (queue_id, user_id) VALUES ($1, $2)`, [queue, people.blind]);
  await q(`INSERT INTO label_queue_items (queue_id, transcript_id) VALUES ($1, $2)`, [queue, held]);
});
afterAll(async () => {
  const q = (sql: string) => fixtures.client.query(sql, [people.lead]);
  await q(`DELETE FROM export_jobs WHERE created_by_id = $1`);
  await q(`DELETE FROM imports WHERE job_id IN (SELECT id FROM jobs WHERE created_by_id = $1)`);
  await q(`DELETE FROM jobs WHERE created_by_id = $1`);
  await q(`DELETE FROM uploads WHERE created_by_id = $1`);
  await fixtures.cleanup();
  await rm(storageDir, { recursive: true, force: true });
});

/** Every entry of the layer for jobs, uploads, imports and exports, with an argument that would work for a lead. */
const ENTRIES: Record<string, () => Promise<unknown>> = {
  jobList: () => jobs.jobList({ limit: 5 }),
  jobDetail: () => jobs.jobDetail(1),
  jobsOverview: () => jobs.jobsOverview(undefined),
  cancelJob: () => jobs.cancelJobAs(1),
  receiveUpload: () => imports.receiveUpload(body("{}\n"), "x.jsonl"),
  receiveImportBody: () =>
    imports.receiveImportBody(new Request("http://localhost/api/v1/imports", { method: "POST", body: "{}\n" }), "x.jsonl"),
  discardOnFailure: () =>
    imports.discardOnFailure({ id: "00000000-0000-4000-8000-000000000000", fileName: "x", size: 1, sha256: "" }, async () => null),
  saveImportMapping: () => imports.saveImportMapping("refused-mapping", { fields: {} }),
  importMappings: () => imports.importMappings(),
  waitingUpload: () => imports.waitingUpload("00000000-0000-4000-8000-000000000000"),
  previewUpload: () => imports.previewUpload("00000000-0000-4000-8000-000000000000", {}),
  startImport: () =>
    imports.startImport(
      { id: "00000000-0000-4000-8000-000000000000", fileName: "x", size: 1, sha256: "" },
      { strict: false, systemPrompts: [] },
      "web",
    ),
  startExportJob: () => exportsLayer.startExportJob(exportRequestSchema.parse({ format: "jsonl" })),
  exportJobs: () => exportsLayer.exportJobs(),
};

describe("jobs, uploads, imports and exports through the visibility layer", () => {
  it("refuse a signed-out client, an annotator and a blind annotator, before reading or writing anything", async () => {
    const counts = async () =>
      (
        await fixtures.client.query(
          `SELECT (SELECT count(*) FROM jobs)::int AS jobs, (SELECT count(*) FROM uploads)::int AS uploads,
                  (SELECT count(*) FROM import_mappings)::int AS mappings`,
        )
      ).rows[0];
    const before = await counts();
    for (const [name, entry] of Object.entries(ENTRIES)) {
      await expect(as(null)(entry), `${name}, signed out`).rejects.toMatchObject({ code: "unauthenticated" });
      for (const who of ["annotator", "blind"] as const)
        await expect(as(who)(entry), `${name}, ${who}`).rejects.toMatchObject({
          code: "forbidden",
          message: expect.stringContaining("lead"),
        });
    }
    expect(await counts()).toEqual(before);
  });

  it("give a lead the upload, its import's job, and an export whose job reads for that lead; cancel answers as the job is", async () => {
    const lead = as("lead");
    const upload = await lead(() => imports.receiveUpload(body('{"messages": []}\n'), "../../etc/x.jsonl"));
    expect(upload).toMatchObject({ fileName: "x.jsonl", size: 17 });
    expect(await lead(() => imports.waitingUpload(upload.id))).toEqual(upload);
    const importId = await lead(() => imports.startImport(upload, { strict: false, systemPrompts: [] }, "web"));
    const { rows: importRows } = await fixtures.client.query(`SELECT created_by, job_id FROM imports WHERE id = $1`, [importId]);
    expect(importRows[0].created_by).toBe("web:lead@jobs.test");

    const { id: exportId, jobId } = await lead(() => exportsLayer.startExportJob(exportRequestSchema.parse({ format: "jsonl" })));
    const { rows: payload } = await fixtures.client.query(`SELECT payload, created_by_id FROM jobs WHERE id = $1`, [jobId]);
    expect(payload[0]).toEqual({
      payload: { exportId, scope: { viewerId: people.lead, seesOthersLabels: true, hideBlindHeld: false } },
      created_by_id: people.lead,
    });
    expect((await lead(() => exportsLayer.exportJob(exportId))).jobId).toBe(jobId);

    const listed = await lead(() => jobs.jobList({ limit: 10 }));
    expect(listed.map((job) => job.id)).toEqual(expect.arrayContaining([jobId, importRows[0].job_id]));
    const cancelled = await lead(() => jobs.cancelJobAs(jobId));
    expect(cancelled).toMatchObject({ outcome: "cancelled", job: { id: jobId, status: "cancelled" } });
    expect(await lead(() => jobs.cancelJobAs(jobId))).toMatchObject({ outcome: "finished" });
    await expect(lead(() => jobs.cancelJobAs(2_147_483_000))).rejects.toMatchObject({
      code: "not_found",
      message: "There is no job 2147483000.",
    });
    await lead(() => jobs.cancelJobAs(importRows[0].job_id));
  });
});
