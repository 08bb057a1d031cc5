import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { DEFAULT_LABELS } from "@/lib/annotations/default-schema";
import { rowsSql } from "@/lib/exports/rows-sql";
import { leadScope } from "@/lib/transcripts/list-scope";
import { ensureCorpus } from "./corpus";
import { report } from "./report";
import { runNpmScript } from "./run-script";

/**
 * export.jsonl_rate: `npm run export -- --format jsonl` of the whole corpus
 * (N transcripts, 2% of them labelled by two annotators with a span each), in
 * a child process with the script's own memory cap, in MB of JSONL written
 * per second, against `COPY (<the export's own row SELECT>) TO STDOUT` of the
 * same rows in the same run (MB of COPY text per second, discarded as it
 * arrives). export.peak_rss: the exporting process's peak resident memory,
 * which must not grow with N (streaming).
 */
export async function benchExport(databaseUrl: string, size: number) {
  await ensureCorpus(databaseUrl, size);
  await labelSome(databaseUrl);
  const copy = await copyRate(databaseUrl);
  const dir = mkdtempSync(path.join(os.tmpdir(), "af-bench-export-"));
  try {
    const run = await runExportCommand(databaseUrl, path.join(dir, "out"));
    if (run.total !== size) throw new Error(`the export wrote ${run.total} of ${size} transcripts`);
    const megabytes = run.bytes / 1024 / 1024;
    const rate = megabytes / run.seconds;
    report({
      name: "export.jsonl_rate",
      value: rate,
      unit: "MB/s",
      baseline: copy.rate,
      ratio: rate / copy.rate,
      size,
      seconds: run.seconds,
      file_mb: Math.round(megabytes),
      copy_seconds: copy.seconds,
      copy_mb: Math.round(copy.megabytes),
      peak_rss_mb: run.peakRssMb,
    });
    report({ name: "export.peak_rss", value: run.peakRssMb, unit: "MB", baseline: null, ratio: null, size });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Two annotators label every 50th transcript (verdicts disagreeing on some) with one span of ASCII text. */
async function labelSome(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`INSERT INTO label_schema_versions (version, labels, note) VALUES (1, $1, 'default') ON CONFLICT DO NOTHING`, [
      JSON.stringify(DEFAULT_LABELS),
    ]);
    for (const [i, id] of ["bench-annotator-1", "bench-annotator-2"].entries()) {
      await client.query(
        `INSERT INTO users (id, name, email, role, updated_at) VALUES ($1, $1, $2, 'annotator', now()) ON CONFLICT DO NOTHING`,
        [id, `${id}@bench.test`],
      );
      const verdict = i === 0 ? `'"partial"'` : `CASE WHEN t.id % 3 = 0 THEN '"no"' ELSE '"partial"' END`;
      await client.query(
        `
        WITH created AS (
          INSERT INTO annotations (transcript_id, annotator_id, schema_version, values, submitted_at)
          SELECT t.id, $1, 1, jsonb_build_object('af_verdict', ${verdict}::jsonb, 'compliance', 4), now()
          FROM transcripts t WHERE t.id % 50 = 0 AND t.scratchpad_text ~ '^[ -~]{24}'
          ON CONFLICT DO NOTHING RETURNING id, transcript_id)
        INSERT INTO annotation_spans (annotation_id, label_key, start, "end", text)
        SELECT c.id, 'criterion_a', 0, 24, left(t.scratchpad_text, 24) FROM created c JOIN transcripts t ON t.id = c.transcript_id`,
        [id],
      );
    }
  } finally {
    await client.end();
  }
}

async function copyRate(databaseUrl: string) {
  const query = rowsSql({ labels: [], human: [] }, leadScope(), true);
  if (query.values.length) throw new Error("the export's row SELECT takes parameters, which COPY cannot");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let bytes = 0;
  try {
    const started = performance.now();
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => ((bytes += chunk.length), done()) });
    await pipeline(client.query(copyTo(`COPY (${query.text}) TO STDOUT`)), sink);
    const seconds = (performance.now() - started) / 1000;
    return { seconds, megabytes: bytes / 1024 / 1024, rate: bytes / 1024 / 1024 / seconds };
  } finally {
    await client.end();
  }
}

/** `npm run export` of the whole corpus to JSONL, with its peak memory. */
async function runExportCommand(databaseUrl: string, out: string) {
  const { summary, peakRssMb } = await runNpmScript<{ total: number; seconds: number; files: { bytes: number }[] }>(
    "export",
    ["--format", "jsonl", "--out", out],
    databaseUrl,
  );
  return { total: summary.total, seconds: summary.seconds, bytes: summary.files.reduce((sum, file) => sum + file.bytes, 0), peakRssMb };
}
