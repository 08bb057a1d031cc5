import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * Migration 20261202190000_job_queue moves an export's lifecycle into `jobs`:
 * exports made before it must keep their status, progress and files (served
 * from their old directory), and one caught running by the upgrade must say so.
 */
const url = testDatabaseUrl();
const MIGRATION = "20261202190000_job_queue";
const database = `af_migration_${process.pid}`;
let admin: pg.Client;
let client: pg.Client;
let before: string;
let scratchUrl: string;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const target = new URL(url);
  target.pathname = `/${database}`;
  scratchUrl = target.toString();
  before = mkdtempSync(path.join(os.tmpdir(), "af-migrations-"));
  for (const name of readdirSync(MIGRATIONS_DIR).filter((n) => n < MIGRATION))
    cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
  await applyMigrations(scratchUrl, before);
  client = new pg.Client({ connectionString: scratchUrl });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
  rmSync(before, { recursive: true, force: true });
});

describe(`migration ${MIGRATION}`, () => {
  it("turns existing exports into jobs, keeping what they were", async () => {
    await client.query(`INSERT INTO users (id, name, email, role, updated_at) VALUES ('old-lead', 'Old', 'old@lead.test', 'lead', now())`);
    await client.query(
      `INSERT INTO export_jobs (status, request, created_by_id, started_at, finished_at, total, done, directory, files)
       VALUES ('succeeded', '{"format":"jsonl"}', 'old-lead', now(), now(), 10, 10, '/srv/exports/1', '[{"name":"manifest.json","bytes":2}]'),
              ('running', '{"format":"csv"}', 'old-lead', now(), NULL, 10, 4, '/srv/exports/2', NULL)`,
    );
    await applyMigrations(scratchUrl);
    const { rows } = await client.query(
      `SELECT e.id, e.directory, e.files, e.storage_prefix, j.kind, j.status::text AS status, j.payload, j.progress_done, j.progress_total,
              j.finished_at IS NOT NULL AS finished, j.message
         FROM export_jobs e JOIN jobs j ON j.id = e.job_id ORDER BY e.id`,
    );
    expect(rows).toEqual([
      {
        id: 1,
        directory: "/srv/exports/1",
        files: [{ name: "manifest.json", bytes: 2 }],
        storage_prefix: null,
        kind: "export",
        status: "succeeded",
        payload: { exportId: 1 },
        progress_done: 10,
        progress_total: 10,
        finished: true,
        message: null,
      },
      {
        id: 2,
        directory: "/srv/exports/2",
        files: null,
        storage_prefix: null,
        kind: "export",
        status: "failed",
        payload: { exportId: 2 },
        progress_done: 4,
        progress_total: 10,
        finished: true,
        message: "The export stopped when the app moved to the job queue; start it again.",
      },
    ]);
    const { exportFileLocation } = await import("@/lib/exports/jobs");
    expect(await exportFileLocation(client, 1, "manifest.json")).toEqual({
      file: { name: "manifest.json", bytes: 2 },
      legacyPath: "/srv/exports/1/manifest.json",
    });
    expect(await exportFileLocation(client, 2, "manifest.json")).toBeNull();
  });
});
