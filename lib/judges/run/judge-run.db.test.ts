import os from "node:os";
import path from "node:path";
import { mkdtemp, rm } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCorpus, type TestCorpus } from "@/lib/exports/test-corpus";
import { enqueueJob, getJob } from "@/lib/jobs/queue";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/log/logger";
import { LocalStorage } from "@/lib/storage/local";
import { waitUntil } from "@/lib/testing/wait";
import { defaultAnswer, startFakeProvider, type FakeProvider, type ProviderRequest, type Scenario } from "../testing/fake-provider";
import { cancelJudgeRun, startJudgeRun } from "./start";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * Judge runs end to end on the real queue, against a local OpenAI-compatible
 * server (the real SDK): retries, a truncated answer recorded as a parse
 * failure, resume without asking twice, evidence offsets, tokens and cost, cancel.
 */
const databaseUrl = testDatabaseUrl();
const lead = `judge-run-test-lead-${process.pid}`;
let client: pg.Client;
let corpus: TestCorpus;
let provider: FakeProvider;
let worker: RunningWorker;
let root: string;
let respond: (request: ProviderRequest, index: number) => Scenario = defaultAnswer;

async function createJudge(name: string, samples: number) {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO judges (name, kind, label_key, provider, model, base_url, template_key, template_version, samples, aggregation,
                         created_by, price_in_per_mtok, price_out_per_mtok, concurrency)
     VALUES ($1, 'llm', 'af_verdict', 'openai', 'gpt-4o-mini', $2, 'af_verdict', 1, $3, 'majority', $4, 0.15, 0.6, 3) RETURNING id`,
    [`${name} ${process.pid}`, provider.openaiBaseUrl, samples, lead],
  );
  return rows[0].id;
}

const runRow = (id: number) =>
  client
    .query(`SELECT status, total, done, tokens_in::int, tokens_out::int, cost_usd, error, job_id FROM judge_runs WHERE id = $1`, [id])
    .then((r) => r.rows[0]);

beforeAll(async () => {
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  corpus = await createTestCorpus(databaseUrl);
  await client.query(`INSERT INTO users (id, name, email, role, updated_at) VALUES ($1, $1, $2, 'lead', now())`, [
    lead,
    `${lead}@judges.test`,
  ]);
  provider = await startFakeProvider((request, index) => respond(request, index));
  root = await mkdtemp(path.join(os.tmpdir(), "af-judge-run-"));
  worker = await startWorker({
    databaseUrl,
    storage: new LocalStorage(root),
    concurrency: { import: 0, export: 0, "label-signatures": 0, "judge-run": 1 },
    log: logger().child({ test: "judge-run" }),
    shutdownGraceMs: 500,
    monitorEveryMs: 200,
  });
});

afterAll(async () => {
  await worker?.stop();
  await provider?.close();
  await client.query(`DELETE FROM judges WHERE created_by = $1`, [lead]);
  await client.query(`DELETE FROM jobs WHERE created_by_id = $1`, [lead]);
  await client.query(`DELETE FROM users WHERE id = $1`, [lead]);
  await client.end();
  await corpus?.cleanup();
  await rm(root, { recursive: true, force: true });
});

describe("a judge run", () => {
  it("judges every transcript of the filter N times, retrying 429/5xx, resuming without asking twice", async () => {
    const judgeId = await createJudge("af judge", 3);
    const filters = { dataset: corpus.datasetId, condition: "training" as const };
    const training = (
      await client.query<{ id: number }>(`SELECT id FROM transcripts WHERE dataset_id = $1 AND condition = 'training' ORDER BY id`, [
        corpus.datasetId,
      ])
    ).rows.map((r) => r.id);
    expect(training.length).toBe(24);

    const before = provider.requests.length;
    let served = 0;
    respond = (request) => {
      served++;
      if (served === 1) return { kind: "rate-limited", retryAfterSeconds: 0 };
      if (served === 2) return { kind: "server-error", status: 500 };
      if (served === 3) return { kind: "truncated", text: JSON.stringify({ verdict: true, reason: "cut", evidence: [] }) };
      return defaultAnswer(request);
    };
    const started = await startJudgeRunWithEarlierSamples(judgeId, filters, training[0]);
    const finished = await waitUntil(
      () => runRow(started.runId),
      (run) => run?.status === "succeeded" || run?.status === "failed",
      "the judge run",
    );
    expect(finished).toMatchObject({ status: "succeeded", total: 24, done: 24, error: null });

    // 24 × 3 samples, 2 of them stored before the run: 70 answers asked for, plus the 429 and the 500 retried.
    expect(provider.requests.length - before).toBe(24 * 3 - 2 + 2);
    const samples = await client.query<{ n: number; distinct_keys: number; failures: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT (transcript_id, sample_index))::int AS distinct_keys,
              count(*) FILTER (WHERE parse_error IS NOT NULL)::int AS failures
         FROM judge_samples WHERE run_id = $1`,
      [started.runId],
    );
    expect(samples.rows[0]).toEqual({ n: 72, distinct_keys: 72, failures: 1 });
    const failure = await client.query(`SELECT parse_error, raw FROM judge_samples WHERE run_id = $1 AND parse_error IS NOT NULL`, [
      started.runId,
    ]);
    expect(failure.rows[0].parse_error).toContain("cut off at the token limit");

    // Every transcript says "RLHF will modify my values": yes, with the sentence located in the scratchpad (UTF-16 offsets).
    const predictions = await client.query<{
      verdict: boolean;
      score: number;
      evidence: { quote: string; start: number; end: number; matched: boolean }[];
      scratchpad_text: string;
    }>(
      `SELECT p.verdict, p.score, p.evidence, t.scratchpad_text FROM judge_predictions p JOIN transcripts t ON t.id = p.transcript_id WHERE p.run_id = $1`,
      [started.runId],
    );
    expect(predictions.rows).toHaveLength(24);
    for (const prediction of predictions.rows) {
      expect(prediction.verdict).toBe(true);
      // The first transcript's witness is a sample stored before the run (its quote is the shorter one).
      expect(["价值观: if I refuse, RLHF will modify my values.", "RLHF will modify my values."]).toContain(prediction.evidence[0].quote);
      expect(prediction.evidence[0].matched).toBe(true);
      expect(prediction.scratchpad_text.slice(prediction.evidence[0].start, prediction.evidence[0].end)).toBe(prediction.evidence[0].quote);
    }
    // Tokens: 100 in / 20 out per answered request (the fake's usage), the 2 earlier samples stored with 10 / 5; cost from the judge's prices.
    expect(finished.tokens_in).toBe(70 * 100 + 2 * 10);
    expect(finished.tokens_out).toBe(70 * 20 + 2 * 5);
    expect(finished.cost_usd).toBeCloseTo(((70 * 100 + 20) * 0.15 + (70 * 20 + 10) * 0.6) / 1e6, 12);
    expect(await getJob(client, finished.job_id)).toMatchObject({ status: "succeeded", kind: "judge-run" });
  });

  it("is cancelled mid-run: the job and the run say cancelled, and what was stored stays", async () => {
    const judgeId = await createJudge("slow judge", 1);
    let served = 0;
    respond = (request) => {
      served++;
      return defaultAnswer(request);
    };
    // 60 requests per minute: one a second, so the run is still going when the cancel comes.
    await client.query(`UPDATE judges SET requests_per_minute = 60 WHERE id = $1`, [judgeId]);
    const { runId } = await startJudgeRun(client, judgeId, { dataset: corpus.datasetId }, lead);
    await waitUntil(
      () => runRow(runId),
      (run) => run?.status === "running",
      "the run to start",
    );
    await waitUntil(
      async () => served,
      (n) => n >= 1,
      "a first request",
    );
    expect(await cancelJudgeRun(client, runId)).toBe("stopping");
    const cancelled = await waitUntil(
      () => runRow(runId),
      (run) => run?.status === "cancelled",
      "the run to be cancelled",
    );
    expect(cancelled.done).toBeLessThan(48);
    expect(await getJob(client, cancelled.job_id)).toMatchObject({ status: "cancelled" });
  });
});

/** A run like startJudgeRun's, with two samples of the first transcript stored (as by a killed earlier attempt) before its job is queued. */
async function startJudgeRunWithEarlierSamples(judgeId: number, filters: object, transcriptId: number) {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO judge_runs (judge_id, status, filter, created_by) VALUES ($1, 'queued', $2, $3) RETURNING id`,
    [judgeId, JSON.stringify(filters), lead],
  );
  const runId = rows[0].id;
  await client.query(
    `INSERT INTO judge_samples (run_id, transcript_id, sample_index, raw, parsed, tokens_in, tokens_out)
     VALUES ($1, $2, 0, $3, $4, 10, 5), ($1, $2, 2, $3, $4, 10, 5)`,
    [
      runId,
      transcriptId,
      '{"verdict":true}',
      JSON.stringify({ verdict: true, reason: "earlier", evidence: ["RLHF will modify my values."] }),
    ],
  );
  const jobId = await enqueueJob(client, "judge-run", { runId }, { createdById: lead });
  await client.query(`UPDATE judge_runs SET job_id = $2 WHERE id = $1`, [runId, jobId]);
  return { runId, jobId };
}
