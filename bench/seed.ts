import { spawn } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateDemoCorpus } from "@/lib/demo/generate";
import { parseMessages } from "@/lib/transcripts/parse";
import { transcriptContentHash } from "@/lib/transcripts/content-hash";
import { CORPUS_SHAPE } from "./corpus";
import { RawCopyFile, rawCopyRate } from "./raw-copy";
import { report } from "./report";

/**
 * seed.rate: `npm run db:seed` (generate, parse, hash, COPY into the real,
 * indexed tables, in a child process) against a raw COPY of the same rows,
 * pre-rendered to a file, into a bare table (bench/raw-copy.ts).
 */
export async function benchSeed(databaseUrl: string, size: number) {
  const copyRate = await seedCopyRate(databaseUrl, size);
  const seed = await runSeedCommand(databaseUrl, size);
  report({
    name: "seed.rate",
    value: seed.perSecond,
    unit: "transcripts/s",
    baseline: copyRate,
    ratio: seed.perSecond / copyRate,
    size,
    seconds: seed.seconds,
  });
  report({ name: "seed.peak_rss", value: seed.peakRssMb, unit: "MB", baseline: null, ratio: null, size });
}

/** The seed's rows pre-rendered (bench/raw-copy.ts), then COPYed into a bare table. */
async function seedCopyRate(databaseUrl: string, size: number): Promise<number> {
  const file = path.join(os.tmpdir(), `af-bench-seed-${process.pid}.copy`);
  try {
    const copy = await RawCopyFile.create(databaseUrl, file);
    let pairId = 0;
    for (const t of generateDemoCorpus({ size })) {
      if (t.condition === "training") pairId++;
      const contentHash = transcriptContentHash({
        setting: t.settingSlug,
        variation: t.variationSlug,
        model: t.model,
        condition: t.condition,
        sampleIndex: t.sampleIndex,
        messages: t.messages,
      });
      await copy.add({ pairId, condition: t.condition, contentHash, messages: t.messages, parsed: parseMessages(t.messages) });
    }
    await copy.close();
    return await rawCopyRate(databaseUrl, file, size);
  } finally {
    rmSync(file, { force: true });
  }
}

async function runSeedCommand(databaseUrl: string, size: number) {
  // In the benchmarks' shape, so that the benchmarks after this one reuse the corpus it seeded (bench/corpus.ts).
  const shape = ["--variations", String(CORPUS_SHAPE.variations), ...(CORPUS_SHAPE.compromiseLabel ? ["--compromise-label"] : [])];
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/seed.ts", "--size", String(size), ...shape], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`db:seed exited with ${code}`);
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as { inserted: number; seconds: number; perSecond: number; peakRssMb: number };
}
