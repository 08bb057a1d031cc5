import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createReadStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import yauzl from "yauzl";
import { afterAll, describe, expect, it } from "vitest";
import { sharedData } from "@/lib/testing/shared-data";
import { detectFormat } from "../formats";
import { readHead } from "../source-file";
import { writeEvalLog, writeJsonLog } from "../testing/inspect-logs";
import { AF_SYSTEM_PROMPT, demoSamples } from "../testing/inspect-samples";
import { DEFAULT_MAX_RECORD_BYTES, readRecords, type SourceItem } from ".";

const logs = sharedData("inspect-logs");
const dir = mkdtempSync(path.join(os.tmpdir(), "af-inspect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(file: string): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  const options = { maxRecordBytes: DEFAULT_MAX_RECORD_BYTES, isRecordField: () => false, filePath: file };
  for await (const item of readRecords(createReadStream(file), "inspect", options)) items.push(item);
  return items;
}

async function zipEntries(file: string): Promise<Map<string, unknown>> {
  const zip = await promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open)(file, { lazyEntries: true, autoClose: false });
  const entries = new Map<string, unknown>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        const parts: Buffer[] = [];
        for await (const part of stream) parts.push(part as Buffer);
        entries.set(entry.fileName, JSON.parse(Buffer.concat(parts).toString("utf8")));
        zip.readEntry();
      });
    });
    zip.once("end", resolve);
    zip.readEntry();
  });
  zip.close();
  return entries;
}

const keys = (value: unknown) => Object.keys(value as object).sort();
const entryKind = (name: string) =>
  name.replace(/^samples\/.+_epoch_\d+\.json$/, "samples/<id>_epoch_<n>.json").replace(/summaries\/\d+\.json$/, "summaries/<n>.json");

describe("the shared Inspect logs (Inspect's own test suite)", () => {
  const files = logs.available ? readdirSync(logs.path).filter((f) => /\.(eval|json)$/.test(f)) : [];

  it.skipIf(!logs.available)(`are detected as Inspect logs and read sample by sample${logs.skipReason}`, async () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const full = path.join(logs.path, file);
      expect(detectFormat(file, await readHead(full))).toMatchObject({ ok: true, format: "inspect" });
      const items = await read(full);
      expect(items.length, file).toBeGreaterThan(0);
      for (const item of items) {
        expect(item, file).toHaveProperty("record");
        if (!("record" in item)) continue;
        expect(item.record).toMatchObject({ setting: expect.any(String), model: expect.any(String), sample_index: 0 });
        expect((item.record.messages as { role: string }[]).map((m) => m.role)).toContain("assistant");
      }
    }
  });

  it.skipIf(!logs.available)(`give the same samples from the .eval and the .json of one log${logs.skipReason}`, async () => {
    for (const stem of ["log_formats", "log_read_sample"]) {
      const fromZip = await read(path.join(logs.path, `${stem}.eval`));
      const fromJson = await read(path.join(logs.path, `${stem}.json`));
      const strip = (items: SourceItem[]) =>
        items.map((item) =>
          "record" in item
            ? { ...item.record, messages: (item.record.messages as object[]).map(({ id: _, ...m }: { id?: unknown }) => m) }
            : item,
        );
      expect(strip(fromZip)).toEqual(strip(fromJson));
    }
  });

  it.skipIf(!logs.available)(`resolve attachment:// references${logs.skipReason}`, async () => {
    const raw = readFileSync(path.join(logs.path, "log_read_sample.json"), "utf8");
    expect(raw).toContain("attachment://");
    const [item] = await read(path.join(logs.path, "log_read_sample.json"));
    expect(JSON.stringify(item)).not.toContain("attachment://");
  });
});

describe("generated alignment-faking Inspect logs", () => {
  const spec = { task: "alignment_faking_helpful_only", model: "anthropic/claude-3-opus", samples: 6 };

  it.skipIf(!logs.available)(`have the structure of the shared logs, in both containers${logs.skipReason}`, async () => {
    const evalFile = path.join(dir, "af.eval");
    const jsonFile = path.join(dir, "af.json");
    await writeEvalLog(evalFile, spec, AF_SYSTEM_PROMPT, demoSamples(6));
    await writeJsonLog(jsonFile, spec, AF_SYSTEM_PROMPT, demoSamples(6));
    const ours = await zipEntries(evalFile);
    const theirs = await zipEntries(path.join(logs.path, "log_read_sample.eval"));
    expect([...new Set([...ours.keys()].map(entryKind))].sort()).toEqual([...new Set([...theirs.keys()].map(entryKind))].sort());
    const sample = (entries: Map<string, unknown>) => [...entries].find(([name]) => name.startsWith("samples/"))![1];
    expect(keys(sample(ours))).toEqual(keys(sample(theirs)));
    expect(keys(ours.get("header.json"))).toEqual(keys(theirs.get("header.json")));
    const evalKeys = (entries: Map<string, unknown>) => keys((entries.get("header.json") as { eval: object }).eval);
    expect(evalKeys(ours)).toEqual(evalKeys(theirs));
    const sharedJson = JSON.parse(readFileSync(path.join(logs.path, "log_read_sample.json"), "utf8"));
    const ourJson = JSON.parse(readFileSync(jsonFile, "utf8"));
    expect(keys(ourJson)).toEqual(keys(sharedJson));
    expect(keys(ourJson.samples[0])).toEqual(keys(sharedJson.samples[0]));
  });

  it("read back as records: tier and variation from the metadata, epochs as samples, scores as labels, reasoning parts kept", async () => {
    const file = path.join(dir, "af-read.eval");
    await writeEvalLog(file, spec, AF_SYSTEM_PROMPT, demoSamples(4));
    const items = await read(file);
    expect(items).toHaveLength(4);
    const record = (items[0] as { record: Record<string, unknown> }).record;
    expect(record).toMatchObject({
      id: "demo-0 (epoch 1)",
      setting: expect.any(String),
      model: "anthropic/claude-3-opus",
      is_free_tier_user: expect.any(Boolean),
      variation: expect.any(String),
      sample_index: 0,
      system_prompt: AF_SYSTEM_PROMPT,
      labels: { complied: expect.stringMatching(/^[CI]$/) },
      label_source: "inspect:alignment_faking_helpful_only",
    });
    const assistant = (record.messages as { role: string; content: unknown }[]).find((m) => m.role === "assistant")!;
    expect(assistant.content).toEqual([expect.objectContaining({ type: "reasoning" }), expect.objectContaining({ type: "text" })]);
  });
});
