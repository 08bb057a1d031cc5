import { spawn } from "node:child_process";
import { createWriteStream, createReadStream, rmSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { asJson, asTextArray, encodeCopyRow } from "@/lib/db/copy";
import { generateDemoCorpus } from "@/lib/demo/generate";
import { parseMessages } from "@/lib/transcripts/parse";
import { transcriptContentHash } from "@/lib/transcripts/content-hash";
import { report } from "./report";

/**
 * seed.rate: `npm run db:seed` (generate, parse, hash, COPY into the real,
 * indexed tables, in a child process) against a raw COPY of the same rows,
 * pre-rendered to a file, into a bare table with no index or constraint.
 */
export async function benchSeed(databaseUrl: string, size: number) {
  const copyRate = await rawCopyRate(databaseUrl, size);
  const seed = await runSeedCommand(databaseUrl, size);
  report({ name: "seed.rate", value: seed.perSecond, unit: "transcripts/s", baseline: copyRate, ratio: seed.perSecond / copyRate, size, seconds: seed.seconds });
  report({ name: "seed.peak_rss", value: seed.peakRssMb, unit: "MB", baseline: null, ratio: null, size });
}

async function rawCopyRate(databaseUrl: string, size: number): Promise<number> {
  const file = path.join(os.tmpdir(), `af-bench-seed-${process.pid}.copy`);
  const out = createWriteStream(file);
  let pairId = 0;
  for (const t of generateDemoCorpus({ size })) {
    if (t.condition === "training") pairId++;
    const parsed = parseMessages(t.messages);
    const hash = transcriptContentHash({ setting: t.settingSlug, variation: t.variationSlug, model: t.model, condition: t.condition, sampleIndex: t.sampleIndex, messages: t.messages });
    const row = encodeCopyRow([pairId, 1, 1, 1, 1, 1, t.condition, asJson(t.messages), asJson(parsed.turns), parsed.scratchpads.join("\n\n"), parsed.finalOutput, asTextArray(parsed.formatIssues), hash]);
    if (!out.write(row)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS bench_raw_transcripts`);
    await client.query(`CREATE TABLE bench_raw_transcripts (pair_id int, setting_id int, variation_id int, model_id int, query_id int, dataset_id int, condition text, raw_messages jsonb, turns jsonb,
      scratchpad_text text, final_output text, format_issues text[], content_hash text)`);
    const started = performance.now();
    await pipeline(createReadStream(file), client.query(copyFrom("COPY bench_raw_transcripts FROM STDIN")));
    const seconds = (performance.now() - started) / 1000;
    await client.query(`DROP TABLE bench_raw_transcripts`);
    return size / seconds;
  } finally {
    await client.end();
    rmSync(file, { force: true });
  }
}

async function runSeedCommand(databaseUrl: string, size: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/seed.ts", "--size", String(size)], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`db:seed exited with ${code}`);
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as { inserted: number; seconds: number; perSecond: number; peakRssMb: number };
}
