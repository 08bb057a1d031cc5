import { once } from "node:events";
import { createWriteStream, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateDemoCorpus, type DemoTranscript } from "@/lib/demo/generate";
import { transcriptContentHash } from "@/lib/transcripts/content-hash";
import { conversationMessages, parseStoredMessages } from "@/lib/transcripts/stored-messages";
import { RawCopyFile, rawCopyRate } from "./raw-copy";
import { report } from "./report";
import { runNpmScript } from "./run-script";

const TARGET_CHARS = 5_000;
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
 * import.rate: `npm run import` of N native-format transcripts (~5 KB each)
 * from a JSONL file, in a child process, against a raw COPY of the rows it
 * writes (bench/raw-copy.ts). import.peak_rss: the
 * importing process's peak resident memory.
 */
export async function benchImport(databaseUrl: string, size: number) {
  const dir = os.tmpdir();
  const jsonl = path.join(dir, `af-bench-import-${process.pid}.jsonl`);
  const copyFile = path.join(dir, `af-bench-import-${process.pid}.copy`);
  try {
    const bytes = await writeFiles(databaseUrl, size, jsonl, copyFile);
    const copyRate = await rawCopyRate(databaseUrl, copyFile, size);
    const run = await runImportCommand(databaseUrl, jsonl);
    if (run.imported !== size) throw new Error(`the import stored ${run.imported} of ${size} transcripts`);
    const rate = run.imported / run.seconds;
    report({
      name: "import.rate",
      value: rate,
      unit: "transcripts/s",
      baseline: copyRate,
      ratio: rate / copyRate,
      size,
      seconds: run.seconds,
      file_mb: Math.round(bytes / 1024 / 1024),
    });
    report({ name: "import.peak_rss", value: run.peakRssMb, unit: "MB", baseline: null, ratio: null, size });
  } finally {
    rmSync(jsonl, { force: true });
    rmSync(copyFile, { force: true });
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
    [file, "--dataset", "bench-import"],
    databaseUrl,
  );
  return { imported: summary.imported, seconds: summary.files[0].seconds, peakRssMb };
}
