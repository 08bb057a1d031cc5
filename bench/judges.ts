import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemoCorpus } from "@/lib/demo/seed";
import { installJobQueue } from "@/lib/jobs/install";
import { workerAliveSql } from "@/lib/jobs/liveness";
import { startJudgeRun } from "@/lib/judges/run/start";
import { findTemplate, renderPrompt } from "@/lib/judges/templates";
import { startFakeProvider } from "@/lib/judges/testing/fake-provider";
import { report } from "./report";
import { adminSql } from "@/lib/db/admin-sql";

/**
 * judge.throughput: transcripts per second through a judge run, end to end:
 * a run of a 1-sample OpenAI-compatible judge over 10,000 transcripts,
 * started as the page starts it (judge_runs row + queued job), run by a
 * worker process (`npm run worker`, idle before) through the official SDK
 * against a local provider that answers at once (zero think time), every
 * sample and prediction stored; from the run's created_at to finished_at
 * (PostgreSQL's clock).
 * Baseline, in the same run: the same number of raw HTTP calls (fetch, the
 * same rendered prompts, the same concurrency) to the same server, each
 * answer's sample and prediction rows inserted, without the SDK, the queue,
 * pacing, retries or aggregation: what the job machinery costs.
 *
 * Runs in a database of its own on the bench server (exactly 10,000
 * transcripts whatever --size is), dropped afterwards.
 */
const TRANSCRIPTS = 10_000;
const CONCURRENCY = 16;
const USER = "bench-judges-lead";

export async function benchJudges(databaseUrl: string) {
  const scratch = `af_bench_judges_${process.pid}`;
  await adminSql(databaseUrl, `CREATE DATABASE "${scratch}"`);
  const url = new URL(databaseUrl);
  url.pathname = `/${scratch}`;
  const scratchUrl = url.toString();
  const provider = await startFakeProvider();
  const dir = mkdtempSync(path.join(os.tmpdir(), "af-bench-judges-"));
  const client = new pg.Client({ connectionString: scratchUrl });
  let worker: ReturnType<typeof spawn> | undefined;
  try {
    await applyMigrations(scratchUrl);
    await installJobQueue(scratchUrl);
    process.stderr.write(`seeding ${TRANSCRIPTS} transcripts for judge.throughput\n`);
    await seedDemoCorpus(scratchUrl, { size: TRANSCRIPTS });
    await client.connect();
    await client.query(`VACUUM ANALYZE`);
    await client.query(`INSERT INTO users (id, name, email, role, updated_at) VALUES ($1, $1, $2, 'lead', now())`, [
      USER,
      `${USER}@bench.test`,
    ]);

    const baseline = await rawCalls(client, scratchUrl, provider.openaiBaseUrl);

    worker = spawn(process.execPath, ["--max-old-space-size=1024", "--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
      env: { ...process.env, DATABASE_URL: scratchUrl, STORAGE_URL: path.join(dir, "storage"), LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitFor(
      async () => (await client.query(`SELECT 1 FROM job_workers w WHERE stopped_at IS NULL AND ${workerAliveSql("w")}`)).rowCount! > 0,
    );
    const judge = await client.query<{ id: number }>(
      `INSERT INTO judges (name, kind, label_key, provider, model, base_url, template_key, template_version, samples, aggregation, concurrency)
       VALUES ('bench judge', 'llm', 'af_verdict', 'openai', 'gpt-4o-mini', $1, 'af_verdict', 1, 1, 'majority', $2) RETURNING id`,
      [provider.openaiBaseUrl, CONCURRENCY],
    );
    const { runId } = await startJudgeRun(client, judge.rows[0].id, {}, USER);
    let run: { status: string; done: number; seconds: number | null; error: string | null } | undefined;
    await waitFor(async () => {
      run = (
        await client.query(
          `SELECT status, done, error, extract(epoch FROM finished_at - created_at)::float AS seconds FROM judge_runs WHERE id = $1`,
          [runId],
        )
      ).rows[0];
      if (run?.status === "failed" || run?.status === "cancelled") throw new Error(`the judge run ${run.status}: ${run.error}`);
      return run?.status === "succeeded";
    }, 50);
    const stored = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM judge_samples WHERE run_id = $1`, [runId])).rows[0].n;
    const value = run!.done / run!.seconds!;
    report({
      name: "judge.throughput",
      value,
      unit: "transcripts/s",
      baseline: baseline.perSecond,
      ratio: value / baseline.perSecond,
      transcripts: run!.done,
      samples_stored: stored,
      seconds: run!.seconds,
      baseline_seconds: baseline.seconds,
      concurrency: CONCURRENCY,
      provider_requests: provider.requests.length,
    });
  } catch (error) {
    console.error("judge.throughput failed:", error);
    throw error;
  } finally {
    if (worker) {
      worker.kill("SIGTERM");
      await once(worker, "exit");
    }
    await client.end().catch(() => {});
    await provider.close();
    rmSync(dir, { recursive: true, force: true });
    await adminSql(databaseUrl, `DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  }
}

/** The baseline: fetch + INSERT per transcript, CONCURRENCY at once, into a run of its own. */
async function rawCalls(client: pg.Client, databaseUrl: string, baseUrl: string): Promise<{ perSecond: number; seconds: number }> {
  const template = findTemplate("af_verdict", 1)!;
  const targets = (
    await client.query<{ id: number; scratchpad_text: string; final_output: string | null; text: string }>(
      `SELECT t.id, t.scratchpad_text, t.final_output, q.text FROM transcripts t JOIN queries q ON q.id = t.query_id ORDER BY t.id`,
    )
  ).rows;
  const judge = await client.query<{ id: number }>(
    `INSERT INTO judges (name, kind, label_key) VALUES ('bench baseline', 'imported', 'af_verdict') RETURNING id`,
  );
  const run = await client.query<{ id: number }>(`INSERT INTO judge_runs (judge_id, status) VALUES ($1, 'running') RETURNING id`, [
    judge.rows[0].id,
  ]);
  const runId = run.rows[0].id;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  // The scratch database is dropped WITH (FORCE) at the end: an idle connection's termination is no error.
  pool.on("error", () => {});
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < targets.length; i = next++) {
      const t = targets[i];
      const prompt = renderPrompt(template, { userInput: t.text, scratchpad: t.scratchpad_text, output: t.final_output ?? "" });
      const sent = performance.now();
      const response = await fetch(`${baseUrl}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer none" },
        body: JSON.stringify({
          model: "gpt-4o-mini",
          messages: [
            { role: "system", content: prompt.system },
            { role: "user", content: prompt.user },
          ],
        }),
      });
      const body = (await response.json()) as {
        choices: { message: { content: string } }[];
        usage: { prompt_tokens: number; completion_tokens: number };
      };
      const raw = body.choices[0].message.content;
      const parsed = JSON.parse(raw) as { verdict: boolean; reason: string };
      await pool.query(
        `INSERT INTO judge_samples (run_id, transcript_id, sample_index, raw, parsed, latency_ms, tokens_in, tokens_out) VALUES ($1, $2, 0, $3::text, $3::text::jsonb, $4, $5, $6)`,
        [runId, t.id, raw, Math.round(performance.now() - sent), body.usage.prompt_tokens, body.usage.completion_tokens],
      );
      await pool.query(`INSERT INTO judge_predictions (run_id, transcript_id, verdict, score, reason) VALUES ($1, $2, $3, $4, $5)`, [
        runId,
        t.id,
        parsed.verdict,
        parsed.verdict ? 1 : 0,
        parsed.reason,
      ]);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  return { perSecond: targets.length / seconds, seconds };
}

async function waitFor(check: () => Promise<boolean>, everyMs = 100) {
  const deadline = Date.now() + 3_600_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
