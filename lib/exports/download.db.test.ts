import { Readable } from "node:stream";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api/tokens";
import { storageFromEnv } from "@/lib/storage/config";
import { startTestS3Server, type TestS3Server } from "@/lib/testing/s3-server";
import { enqueueJob } from "@/lib/jobs/queue";
import { leadScope } from "@/lib/transcripts/list-scope";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * Downloads of a published export from S3, through the route handler: streamed
 * through the app by default, or a redirect to a presigned URL the client
 * fetches from the bucket itself (S3_PRESIGNED_DOWNLOADS=true).
 */
const databaseUrl = testDatabaseUrl();
let s3: TestS3Server;
let client: pg.Client;
let token: string;
let exportId: number;
const lead = `download-lead-${process.pid}`;
const body = '{"transcript_id":1}\n';

beforeAll(async () => {
  s3 = await startTestS3Server();
  Object.assign(process.env, s3.env, { DATABASE_URL: databaseUrl });
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`INSERT INTO users (id, name, email, role, updated_at) VALUES ($1, $1, $2, 'lead', now())`, [
    lead,
    `${lead}@download.test`,
  ]);
  token = (await createApiToken(client, { id: lead, role: "lead" }, "downloads")).token;
  // A published export, as the export job leaves it: its files under its run's prefix, the job succeeded.
  const jobId = await enqueueJob(
    client,
    "export",
    { exportId: 1, scope: leadScope(lead) },
    { createdById: lead, runAt: new Date(Date.now() + 3_600_000) },
  );
  await client.query(`SELECT graphile_worker.remove_job($1)`, [`job-${jobId}`]);
  await client.query(`UPDATE jobs SET status = 'succeeded', finished_at = now() WHERE id = $1`, [jobId]);
  const prefix = "exports/download-test/run-1/";
  await storageFromEnv(s3.env).put(`${prefix}data/train.jsonl`, Readable.from([body]));
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO export_jobs (job_id, request, created_by_id, storage_prefix, files) VALUES ($1, '{}', $2, $3, $4) RETURNING id`,
    [jobId, lead, prefix, JSON.stringify([{ name: "data/train.jsonl", bytes: body.length, sha256: "x", rows: 1 }])],
  );
  exportId = rows[0].id;
});

afterAll(async () => {
  await client.query(`DELETE FROM jobs WHERE created_by_id = $1`, [lead]);
  await client.query(`DELETE FROM users WHERE id = $1`, [lead]);
  await client.end();
  await s3.stop();
});

async function download() {
  const route = await import("@/app/api/v1/exports/[id]/files/[...name]/route");
  const request = new Request(`http://localhost/api/v1/exports/${exportId}/files/data/train.jsonl`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return route.GET(request, { params: Promise.resolve({ id: String(exportId), name: ["data", "train.jsonl"] }) });
}

describe("export downloads from S3", () => {
  it("stream the object through the app by default", async () => {
    const response = await download();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="export-${exportId}-data-train.jsonl"`);
    expect(await response.text()).toBe(body);
  });

  it("redirect to a presigned URL of the bucket when asked to", async () => {
    process.env.S3_PRESIGNED_DOWNLOADS = "true";
    (globalThis as { storage?: unknown }).storage = undefined;
    try {
      const response = await download();
      expect(response.status).toBe(302);
      const location = response.headers.get("location")!;
      expect(location.startsWith(`${s3.endpoint}/${s3.bucket}/af/exports/download-test/run-1/data/train.jsonl?`)).toBe(true);
      const fromBucket = await fetch(location);
      expect(fromBucket.status).toBe(200);
      expect(fromBucket.headers.get("content-disposition")).toBe(`attachment; filename="export-${exportId}-data-train.jsonl"`);
      expect(await fromBucket.text()).toBe(body);
    } finally {
      delete process.env.S3_PRESIGNED_DOWNLOADS;
      (globalThis as { storage?: unknown }).storage = undefined;
    }
  });
});
