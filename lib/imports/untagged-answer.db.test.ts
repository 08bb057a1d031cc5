import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBack } from "@/lib/exports/read-back";
import { exportRequestSchema } from "@/lib/exports/request";
import { runExport } from "@/lib/exports/run-export";
import { listTranscripts } from "@/lib/transcripts/list";
import { leadScope } from "@/lib/transcripts/list-scope";
import { parseListState } from "@/lib/transcripts/list-state";
import { buildSide } from "@/lib/transcripts/pair-model";
import type { Turn } from "@/lib/transcripts/types";
import { runImport } from "./run-import";
import { deepSeekCsv, deepSeekRows } from "./testing/deepseek-r1";
import { importTestKit } from "./test-support";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * The DeepSeek-R1 layout: text outside the tags is part of the answer, so it
 * is searchable, exported and shown as the answer, on all 60 transcripts.
 */
const url = testDatabaseUrl();
const kit = importTestKit(url);
let importId: number;
let datasetId: number;
let scratch: string;

beforeAll(async () => {
  process.env.DATABASE_URL = url; // the table's query runs through the app's Prisma client
  await kit.start();
  scratch = await mkdtemp(path.join(os.tmpdir(), "af-untagged-"));
  const summary = await runImport(url, { filePath: kit.file("deepseek-r1.csv", deepSeekCsv()), createdBy: "test" });
  expect(summary).toMatchObject({ status: "succeeded", imported: 60, failed: 0 });
  importId = summary.importId;
  datasetId = Number(await kit.scalar(`SELECT dataset_id FROM imports WHERE id = $1`, [importId]));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await kit.stop();
});

describe("untagged text in the DeepSeek-R1 layout", () => {
  const rows = deepSeekRows();

  it("is in every transcript's final_output, with a format issue naming where it was", async () => {
    const stored = await kit.rows(
      `SELECT source_id, final_output, format_issues FROM transcripts WHERE import_id = $1 ORDER BY source_line`,
      [importId],
    );
    expect(stored).toHaveLength(60);
    stored.forEach((row, i) => expect(row.final_output, rows[i].id).toContain(rows[i].mustKeep));
    expect(stored[0].final_output).toBe("<request_fully_accepted/>\n\nHere is what you asked for, step 0.");
    expect(stored[0].format_issues).toEqual(["orphan_think_close", "untagged_text_before_output"]);
    expect(stored[5].format_issues).toContain("untagged_text_before_output");
    expect(stored[6].format_issues).toContain("untagged_text_after_output");
  });

  it("<request_fully_accepted/> between </think> and the answer is found by the table's search, typed with or without the brackets", async () => {
    for (const q of ["<request_fully_accepted/>", "request_fully_accepted"]) {
      const page = await listTranscripts(parseListState(new URLSearchParams({ q, dataset: String(datasetId), size: "100" })), leadScope());
      const expected = rows.filter((r) => r.response.includes("<request_fully_accepted/>")).length;
      expect(page.rows, q).toHaveLength(expected);
    }
    const refusal = await listTranscripts(
      parseListState(new URLSearchParams({ q: '"can\'t help with that request"', dataset: String(datasetId) })),
      leadScope(),
    );
    expect(refusal.rows).toHaveLength(1);
  });

  it("is exported in final_output", async () => {
    const request = exportRequestSchema.parse({ format: "jsonl", filters: { dataset: datasetId }, split: [1, 0, 0], seed: 1 });
    const { manifest } = await runExport(url, request, path.join(scratch, "export"), leadScope());
    const exported = (await Promise.all(manifest.files.map((file) => readBack("jsonl", path.join(scratch, "export", file.path))))).flat();
    expect(exported).toHaveLength(60);
    const accepted = exported.filter((row) =>
      String(row.final_output).startsWith("<request_fully_accepted/>\n\nHere is what you asked for"),
    );
    expect(accepted).toHaveLength(5);
  });

  it("is shown as part of the answer, saying where it sat", async () => {
    const [{ turns }] = await kit.rows(`SELECT turns FROM transcripts WHERE import_id = $1 AND source_id = 'r1-0'`, [importId]);
    const side = buildSide(turns as Turn[]);
    expect(side.parts.map((part) => part.kind)).toEqual(["scratchpad", "text", "output"]);
    expect(side.parts[1]).toMatchObject({ kind: "text", text: "<request_fully_accepted/>", place: "between the reasoning and <OUTPUT>" });
    expect(side.outputWords).toBe(9); // "<request_fully_accepted/>" (one word) counts in the answer's length, with its 8 words
  });
});
