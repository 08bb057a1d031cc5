import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { exportRequestSchema, type ExportFormat } from "./request";
import { restoreExport } from "./restore";
import { leadScope } from "@/lib/transcripts/list-scope";
import { runExport } from "./run-export";
import { createTestCorpus, type TestCorpus } from "./test-corpus";
import { testDatabaseUrl } from "@/lib/testing/database-url";
import { adminSql } from "@/lib/db/admin-sql";

/**
 * The round trip: an export imported into an empty database gives back the
 * same transcripts, labels and spans. "The same" is compared on content
 * (ids differ between databases): slot, texts, messages, each annotation's
 * values and each span's offsets and text.
 */
const databaseUrl = testDatabaseUrl();
let corpus: TestCorpus;
let scratch: string;
const emptyDatabases: string[] = [];

const admin = (sql: string) => adminSql(databaseUrl, sql);

async function emptyDatabase(): Promise<string> {
  const name = `af_roundtrip_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE "${name}"`);
  emptyDatabases.push(name);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return url.toString();
}

/** Everything that must survive, keyed by content, sorted. */
async function snapshot(url: string, datasetFilter: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `
      SELECT s.slug AS setting, v.slug AS variation, m.name AS model, q.text AS query, t.condition::text, p.sample_index,
             t.scratchpad_text, t.final_output, t.raw_messages::text AS messages, t.format_issues,
             (SELECT coalesce(json_agg(json_build_array(sl.source, sl.name, sl.value) ORDER BY sl.source, sl.name), '[]') FROM source_labels sl WHERE sl.transcript_id = t.id) AS imported_labels,
             (SELECT coalesce(json_agg(json_build_object('values', a.values, 'schema', a.schema_version, 'note', a.note, 'submitted', a.submitted_at IS NOT NULL,
                 'spans', (SELECT json_agg(json_build_array(sp.label_key, sp.start, sp."end", sp.text) ORDER BY sp.start, sp."end", sp.label_key) FROM annotation_spans sp WHERE sp.annotation_id = a.id))
                 ORDER BY a.values::text, a.note), '[]') FROM annotations a WHERE a.transcript_id = t.id) AS annotations
      FROM transcripts t JOIN pairs p ON p.id = t.pair_id JOIN settings s ON s.id = t.setting_id JOIN prompt_variations v ON v.id = t.variation_id
      JOIN models m ON m.id = t.model_id JOIN queries q ON q.id = t.query_id JOIN datasets d ON d.id = t.dataset_id
      WHERE d.name = $1 ORDER BY s.slug, v.slug, q.text, t.condition, p.sample_index`,
      [datasetFilter],
    );
    return rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  corpus = await createTestCorpus(databaseUrl);
  scratch = await mkdtemp(path.join(os.tmpdir(), "af-roundtrip-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await corpus.cleanup();
  for (const name of emptyDatabases) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("export, then import into an empty database", () => {
  for (const format of ["jsonl", "csv"] satisfies ExportFormat[]) {
    it(`gives back the same transcripts, labels and spans (${format})`, async () => {
      const request = exportRequestSchema.parse({ format, filters: { dataset: corpus.datasetId }, split: [0.6, 0.2, 0.2], seed: 4 });
      const directory = path.join(scratch, format);
      await runExport(databaseUrl, request, directory, leadScope());

      const target = await emptyDatabase();
      const summary = await restoreExport(target, directory, { dataset: corpus.dataset, createdBy: "test" });
      expect(summary.imports.reduce((sum, run) => sum + run.imported, 0)).toBe(corpus.transcripts);

      const before = await snapshot(databaseUrl, corpus.dataset);
      const after = await snapshot(target, corpus.dataset);
      expect(before).toHaveLength(corpus.transcripts);
      expect(before.filter((row) => row.annotations.length > 0).length).toBeGreaterThan(10);
      expect(after).toEqual(before);
      expect(summary.spans).toBe(before.flatMap((row) => row.annotations.flatMap((a: { spans: unknown[] }) => a.spans)).length);
    });
  }
});
