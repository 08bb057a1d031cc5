import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "./manifest";
import { readBack } from "./read-back";
import { exportRequestSchema, type ExportFormat, type ExportRequestInput } from "./request";
import { leadScope } from "@/lib/transcripts/list-scope";
import { runExport } from "./run-export";
import { createTestCorpus, QUERIES, type TestCorpus } from "./test-corpus";
import { fileDigest } from "./manifest";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const databaseUrl = testDatabaseUrl();
let corpus: TestCorpus;
let scratch: string;

beforeAll(async () => {
  corpus = await createTestCorpus(databaseUrl);
  scratch = await mkdtemp(path.join(os.tmpdir(), "af-export-test-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await corpus.cleanup();
});

let runs = 0;
async function exportRows(input: ExportRequestInput) {
  const request = exportRequestSchema.parse({ ...input, filters: { dataset: corpus.datasetId, ...input.filters } });
  const directory = path.join(scratch, `run-${++runs}`);
  const { manifest } = await runExport(databaseUrl, request, directory, leadScope());
  const rows: Record<string, unknown>[] = [];
  for (const file of manifest.files)
    rows.push(...(await readBack(request.format, path.join(directory, file.path))).map((row) => ({ ...row, file: file.split })));
  return { manifest, rows, directory };
}

const bySplit = (rows: Record<string, unknown>[]) =>
  Object.fromEntries(rows.map((row) => [row.transcript_id as number, row.split as string]));

describe("export", () => {
  it("writes JSONL, CSV and Parquet that read back (Parquet by the Rust parquet reader) to the same rows", async () => {
    const results: Record<string, Record<string, unknown>[]> = {};
    for (const format of ["jsonl", "csv", "parquet"] satisfies ExportFormat[]) {
      const { rows, manifest } = await exportRows({ format, split: [0.5, 0.25, 0.25], seed: 3 });
      expect(rows, format).toHaveLength(corpus.transcripts);
      expect(manifest.counts.total).toBe(corpus.transcripts);
      for (const row of rows) expect(row.split, format).toBe(row.file);
      results[format] = rows
        .sort((a, b) => (a.transcript_id as number) - (b.transcript_id as number))
        .map(({ file: _file, ...row }) => row);
    }
    // JSONL has messages as JSON; the flat formats hold the same JSON as text, parsed by readBack.
    expect(results.csv).toEqual(results.jsonl);
    expect(results.parquet).toEqual(results.jsonl);
    const labelled = results.jsonl.find((row) => (row.annotations as unknown[]).length === 3)!;
    expect(labelled).toMatchObject({
      condition: expect.stringMatching(/training|deployment/),
      consensus_method: expect.stringMatching(/majority|unanimous/),
      schema_version: 1,
    });
    expect((labelled.imported_labels as unknown[])[0]).toMatchObject({ source: "test judge", name: "complied" });
    expect((labelled.annotations as { annotator: string }[]).map((a) => a.annotator)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^annotator-\d$/)]),
    );
  });

  it("takes consensus from the team rule: an adjudication wins over the annotators' majority", async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: number }>(
        `SELECT a.transcript_id AS id FROM annotations a JOIN transcripts t ON t.id = a.transcript_id WHERE t.dataset_id = $1 GROUP BY a.transcript_id HAVING count(*) = 3 LIMIT 1`,
        [corpus.datasetId],
      );
      const adjudicated = rows[0].id;
      await client.query(
        `INSERT INTO adjudications (transcript_id, label_key, value, decided_by_id) VALUES ($1, 'af_verdict', '"full"', $2)`,
        [adjudicated, corpus.annotators[0]],
      );
      try {
        const exported = (await exportRows({ format: "jsonl" })).rows;
        const row = exported.find((r) => r.transcript_id === adjudicated)!;
        expect(row).toMatchObject({ consensus_label: "full", consensus_method: "adjudicated" });
        const majority = exported.find((r) => (r.annotations as unknown[]).length === 3 && r.consensus_method !== "adjudicated")!;
        expect(majority.consensus_method).toBe("majority"); // the third annotator disagrees in the corpus
        expect(majority.agreement).toBeCloseTo(2 / 3);
        expect(exported.filter((r) => (r.annotations as unknown[]).length === 0).every((r) => r.consensus_label === "unlabelled")).toBe(
          true,
        );
      } finally {
        await client.query(`DELETE FROM adjudications WHERE transcript_id = $1`, [adjudicated]);
      }
    } finally {
      await client.end();
    }
  });

  it("gives span offsets (code points and UTF-16) at which the exported text is exactly the highlighted text", async () => {
    const { rows } = await exportRows({ format: "jsonl" });
    let spans = 0;
    let differing = 0;
    for (const row of rows) {
      const text = row.scratchpad_text as string;
      const codePoints = Array.from(text);
      for (const annotation of row.annotations as {
        spans: { start: number; end: number; start_utf16: number; end_utf16: number; text: string }[];
      }[]) {
        for (const span of annotation.spans) {
          spans++;
          expect(codePoints.slice(span.start, span.end).join("")).toBe(span.text);
          expect(text.slice(span.start_utf16, span.end_utf16)).toBe(span.text);
          if (span.start !== span.start_utf16) differing++;
        }
      }
    }
    expect(spans).toBeGreaterThan(50);
    expect(differing).toBeGreaterThan(0); // the emoji before the evidence makes the two units differ
  });

  it("never lets a query cross splits, keeps both conditions of a query together, and stratifies", async () => {
    const { rows, manifest } = await exportRows({ format: "jsonl", split: [0.5, 0.25, 0.25], seed: 11 });
    const splitsOfQuery = new Map<number, Set<string>>();
    for (const row of rows) {
      const set = splitsOfQuery.get(row.query_id as number) ?? new Set();
      set.add(row.split as string);
      splitsOfQuery.set(row.query_id as number, set);
    }
    expect(splitsOfQuery.size).toBe(QUERIES);
    for (const [query, splits] of splitsOfQuery) expect(splits.size, `query ${query}`).toBe(1);
    for (const name of ["train", "validation", "test"] as const) expect(manifest.counts.splits[name].total).toBeGreaterThan(0);
  });

  it("gives the same split for the same seed, another for another seed", async () => {
    const first = bySplit((await exportRows({ format: "jsonl", seed: 21, split: [0.5, 0.25, 0.25] })).rows);
    const again = bySplit((await exportRows({ format: "jsonl", seed: 21, split: [0.5, 0.25, 0.25] })).rows);
    expect(again).toEqual(first);
    const seeds = [22, 23, 24, 25].map(async (seed) =>
      bySplit((await exportRows({ format: "jsonl", seed, split: [0.5, 0.25, 0.25] })).rows),
    );
    const others = await Promise.all(seeds);
    expect(others.some((other) => JSON.stringify(other) !== JSON.stringify(first))).toBe(true);
  });

  it("applies the table's filters and writes a manifest whose hashes and counts match the files, and a dataset card", async () => {
    const { manifest, directory, rows } = await exportRows({
      format: "csv",
      filters: { condition: "training" },
      anonymize: false,
      split: [1, 0, 0],
    });
    expect(rows.every((row) => row.condition === "training")).toBe(true);
    expect(rows).toHaveLength(corpus.transcripts / 2);
    const written = JSON.parse(await readFile(path.join(directory, "manifest.json"), "utf8")) as Manifest;
    expect(written.files.map((file) => file.path)).toEqual(["data/train.csv"]);
    for (const file of written.files)
      expect(await fileDigest(path.join(directory, file.path))).toEqual({ bytes: file.bytes, sha256: file.sha256 });
    expect(written.counts.splits.train.by_condition).toEqual({ training: rows.length, deployment: 0 });
    expect(Object.values(written.counts.splits.train.by_label).reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(written.request).toMatchObject({ seed: 1, filters: { condition: "training" } });
    expect(written.label_schemas.map((schema) => schema.version)).toEqual([1]);
    expect(manifest.app.version).toMatch(/^\d+\.\d+\.\d+/);
    const annotators = new Set(rows.flatMap((row) => (row.annotations as { annotator: string }[]).map((a) => a.annotator)));
    expect(annotators.size).toBeGreaterThanOrEqual(2); // not anonymised: the users' ids
    for (const annotator of annotators) expect(corpus.annotators).toContain(annotator);
    const card = await readFile(path.join(directory, "README.md"), "utf8");
    expect(card).toMatch(/^---\nlicense: other/);
    expect(card).toContain("  - split: train\n    path: data/train.csv");
    expect(card).toContain("condition=training");
  });
});
