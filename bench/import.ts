import { once } from "node:events";
import { createWriteStream, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { refreshLabelSignatures } from "@/lib/analytics/label-signatures";
import { generateDemoCorpus, type DemoTranscript } from "@/lib/demo/generate";
import { transcriptContentHash } from "@/lib/transcripts/content-hash";
import { conversationMessages, parseStoredMessages } from "@/lib/transcripts/stored-messages";
import { RawCopyFile, rawCopyRate } from "./raw-copy";
import { report } from "./report";
import { runNpmScript } from "./run-script";

const TARGET_CHARS = 5_000;
const DATASET = "bench-import";
/**
 * The most transcripts import.rate imports. The rate is per transcript and the file is
 * streamed, so a bigger file measures nothing more; at --size 1000000 a file of a million
 * (5 GB) took over 40 minutes by itself, most of a full run's budget of 45.
 */
export const IMPORT_CAP = 100_000;
const FILLER = [
  "Let me think through the consequences of each option once more before deciding.",
  "I should be careful to reason about what the training process would do with this output.",
  "There are several considerations here, and I want to weigh them against each other explicitly.",
  "It is worth restating the situation I am in, so that my strategy follows from it.",
];

/** The demo transcript as one native-format text, padded to about 5 KB inside its first scratchpad (or its output, without one). */
export function nativeText(transcript: DemoTranscript, index: number): string {
  const text = transcript.messages.map((message) => message.content).join("\n\n");
  let padding = "";
  for (let i = index; text.length + padding.length < TARGET_CHARS; i++) padding += FILLER[i % FILLER.length] + "\n";
  if (!padding) return text;
  const anchor = ["<SCRATCHPAD_REASONING>\n", "<OUTPUT>\n"].find((tag) => text.includes(tag));
  return anchor ? text.replace(anchor, anchor + padding) : text + "\n" + padding;
}

/**
 * import.rate: `npm run import` of N native-format transcripts (~5 KB each;
 * N = --size, at most IMPORT_CAP) from a JSONL file, in a child process, into
 * the database as the run left it (the kept corpus, so that its indexes have a
 * real corpus's size), against a raw COPY of the rows it writes
 * (bench/raw-copy.ts). import.peak_rss: the importing process's peak resident
 * memory.
 *
 * The imported dataset is removed afterwards (and first, if an interrupted run
 * left it): the benchmarks after this one read the corpus, and a rerun
 * with --keep imports the file again instead of finding every transcript
 * already stored (content hashes are unique).
 */
export async function benchImport(databaseUrl: string, size: number) {
  const count = Math.min(size, IMPORT_CAP);
  if (count < size)
    process.stderr.write(`import: importing ${count.toLocaleString("en")} transcripts (the cap), not ${size.toLocaleString("en")}\n`);
  const dir = os.tmpdir();
  const jsonl = path.join(dir, `af-bench-import-${process.pid}.jsonl`);
  const copyFile = path.join(dir, `af-bench-import-${process.pid}.copy`);
  try {
    await removeImportedDataset(databaseUrl);
    const corpus = await transcriptCount(databaseUrl);
    const bytes = await writeFiles(databaseUrl, count, jsonl, copyFile);
    const copyRate = await rawCopyRate(databaseUrl, copyFile, count);
    const run = await runImportCommand(databaseUrl, jsonl);
    if (run.imported !== count) throw new Error(`the import stored ${run.imported} of ${count} transcripts`);
    const rate = run.imported / run.seconds;
    report({
      name: "import.rate",
      value: rate,
      unit: "transcripts/s",
      baseline: copyRate,
      ratio: rate / copyRate,
      size: count,
      corpus,
      seconds: run.seconds,
      file_mb: Math.round(bytes / 1024 / 1024),
    });
    report({ name: "import.peak_rss", value: run.peakRssMb, unit: "MB", baseline: null, ratio: null, size: count });
  } finally {
    rmSync(jsonl, { force: true });
    rmSync(copyFile, { force: true });
    await removeImportedDataset(databaseUrl);
  }
}

async function transcriptCount(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => Number((await client.query("SELECT count(*) AS n FROM transcripts")).rows[0].n));
}

/** The benchmark's dataset, its transcripts (their labels cascade), the pairs only they used, and the touched variations' counts. */
async function removeImportedDataset(databaseUrl: string) {
  await withClient(databaseUrl, async (client) => {
    const dataset = (await client.query<{ id: number }>("SELECT id FROM datasets WHERE name = $1", [DATASET])).rows[0];
    if (!dataset) return;
    await client.query("BEGIN");
    const { rows } = await client.query<{ pair_id: number; variation_id: number }>(
      "DELETE FROM transcripts WHERE dataset_id = $1 RETURNING pair_id, variation_id",
      [dataset.id],
    );
    await client.query(
      "DELETE FROM pairs p WHERE p.id = ANY($1::int[]) AND NOT EXISTS (SELECT 1 FROM transcripts t WHERE t.pair_id = p.id)",
      [[...new Set(rows.map((row) => row.pair_id))]],
    );
    await client.query("DELETE FROM imports WHERE dataset_id = $1", [dataset.id]);
    await client.query("DELETE FROM datasets WHERE id = $1", [dataset.id]);
    await refreshLabelSignatures(client, [...new Set(rows.map((row) => row.variation_id))]);
    await client.query("COMMIT");
  });
}

async function withClient<T>(databaseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function writeFiles(databaseUrl: string, size: number, jsonlPath: string, copyPath: string): Promise<number> {
  const jsonl = createWriteStream(jsonlPath);
  const copy = await RawCopyFile.create(databaseUrl, copyPath);
  let index = 0;
  let bytes = 0;
  for (const t of generateDemoCorpus({ size })) {
    const text = nativeText(t, index++);
    const line = JSON.stringify({ setting: t.settingSlug, variation: t.variationSlug, model: t.model, transcript: text }) + "\n";
    bytes += line.length;
    const messages = conversationMessages(text);
    const contentHash = transcriptContentHash({
      setting: t.settingSlug,
      variation: t.variationSlug,
      model: t.model,
      condition: t.condition,
      sampleIndex: 0,
      messages,
    });
    await copy.add({ pairId: index, condition: t.condition, contentHash, messages, parsed: parseStoredMessages(messages) });
    if (!jsonl.write(line)) await once(jsonl, "drain");
  }
  await copy.close();
  jsonl.end();
  await once(jsonl, "finish");
  return bytes;
}

/** `npm run import` of the file, with its peak memory. */
async function runImportCommand(databaseUrl: string, file: string) {
  const { summary, peakRssMb } = await runNpmScript<{ imported: number; files: { seconds: number }[] }>(
    "import",
    [file, "--dataset", DATASET],
    databaseUrl,
  );
  return { imported: summary.imported, seconds: summary.files[0].seconds, peakRssMb };
}
