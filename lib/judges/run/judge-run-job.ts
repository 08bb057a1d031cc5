import { setMaxListeners } from "node:events";
import pg from "pg";
import { z } from "zod";
import { transcriptFiltersSchema, type TranscriptFiltersInput } from "@/lib/exports/request";
import { CANCELLED, defineJobKind, JobAbortedError, TransientJobError, throwIfAborted } from "@/lib/jobs/define";
import { aggregateSamples } from "../aggregate";
import type { Aggregation, ProviderName } from "../labels";
import { locateEvidence } from "../evidence";
import { judgeOutputSchema, parseJudgeAnswer, type JudgeOutput } from "../output";
import { complete as defaultComplete, ProviderError, type Complete, type ProviderConfig } from "../providers";
import { withRetries } from "../providers/retry";
import { resolveApiKey } from "../secrets";
import { findTemplate, renderPrompt } from "../templates";
import { RequestPacer } from "./rate-limit";
import { targetCountSql, targetsSql } from "./targets";

/**
 * A judge run as a job of the queue (lib/jobs). Resumable: every sample is a
 * row keyed by (run, transcript, sample index), written with ON CONFLICT DO
 * NOTHING, and an attempt only asks for the samples that are not there yet,
 * so a worker killed mid-run (kill -9) costs the requests in flight, never a
 * duplicate. A transcript's prediction is (re)computed from its stored
 * samples once all N are in. Cancel stops within a second (the queue's
 * signal); what was stored stays, the run says cancelled.
 */
export const judgeRunPayloadSchema = z.object({ runId: z.number().int().positive() });

/** Tests swap the provider call (the e2e and bench use the real SDKs against a local server). */
let completeImpl: Complete = defaultComplete;
export function useCompleteForTests(complete: Complete | null) {
  completeImpl = complete ?? defaultComplete;
}

const BATCH = 200;
const RETRY = { attempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 };

interface RunRow {
  id: number;
  status: string;
  filter: TranscriptFiltersInput;
  created_by: string | null;
  judge_id: number;
  provider: ProviderName | null;
  model: string | null;
  base_url: string | null;
  template_key: string | null;
  template_version: number | null;
  samples: number;
  aggregation: Aggregation;
  api_key_name: string | null;
  price_in_per_mtok: number | null;
  price_out_per_mtok: number | null;
  concurrency: number;
  requests_per_minute: number | null;
}

interface Target {
  id: number;
  scratchpad_text: string;
  final_output: string;
  user_input: string;
}

export const judgeRunJob = defineJobKind({
  name: "judge-run",
  payload: judgeRunPayloadSchema,
  concurrency: 2,
  // A kill -9 of the worker uses an attempt; a long run may see several.
  maxAttempts: 10,
  async run({ payload, databaseUrl, signal, progress, finish, log }) {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: `judge-run ${payload.runId}` });
    await client.connect();
    // The lanes write their samples at once: one connection each (a pg client runs one query at a time).
    const writers = new pg.Pool({ connectionString: databaseUrl, max: 8, application_name: `judge-run ${payload.runId} samples` });
    // Every request in flight (and its retry waits) listens on the job's signal.
    setMaxListeners(0, signal);
    try {
      const run = await loadRun(client, payload.runId);
      if (!run) return { missing: true };
      if (run.status === "cancelled") throw new JobAbortedError(CANCELLED);
      const template = run.template_key && run.template_version ? findTemplate(run.template_key, run.template_version) : undefined;
      if (!run.provider || !run.model || !template)
        throw new Error(`Judge ${run.judge_id} has no provider, model or known template: it cannot run.`);
      const apiKey = (await resolveApiKey(client, run.api_key_name)) ?? (run.api_key_name ? null : "none");
      if (apiKey === null)
        throw new Error(`No key named ${run.api_key_name}: set JUDGE_KEY_${run.api_key_name} or save it under Judges → keys.`);
      const config: ProviderConfig = { provider: run.provider, model: run.model, baseUrl: run.base_url, apiKey, structured: true };

      const total = (await client.query<{ n: number }>(toPg(targetCountSql(run.filter, run.created_by ?? undefined)))).rows[0].n;
      await client.query(
        `UPDATE judge_runs SET status = 'running', started_at = coalesce(started_at, now()), total = $2, error = NULL WHERE id = $1`,
        [run.id, total],
      );
      let done = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM judge_predictions WHERE run_id = $1`, [run.id])).rows[0]
        .n;
      await progress(done, total, "transcripts");

      const pacer = new RequestPacer(run.requests_per_minute);
      let afterId = 0;
      for (;;) {
        throwIfAborted(signal);
        const targets = (await client.query<Target>(toPg(targetsSql(run.filter, run.created_by ?? undefined, afterId, BATCH)))).rows;
        if (!targets.length) break;
        afterId = targets.at(-1)!.id;
        const have = await storedSampleIndexes(
          client,
          run.id,
          targets.map((t) => t.id),
        );
        const work: { target: Target; index: number }[] = [];
        for (const target of targets)
          for (let index = 0; index < run.samples; index++) if (!have.get(target.id)?.has(index)) work.push({ target, index });
        await runPool(work, run.concurrency, signal, async ({ target, index }) => {
          await pacer.wait(signal);
          const prompt = renderPrompt(template, {
            userInput: target.user_input,
            scratchpad: target.scratchpad_text,
            output: target.final_output,
          });
          const completion = await withRetries(() => completeImpl(config, prompt, signal), {
            ...RETRY,
            signal,
            onRetry: (error, ms) => {
              if (error.status === 429) pacer.pushBack(ms);
              log.warn({ status: error.status, wait_ms: Math.round(ms) }, "judge request retried");
            },
          }).catch((error: unknown) => {
            if (error instanceof ProviderError && error.retryable) throw new TransientJobError(error.message);
            throw error;
          });
          const parsed = parseJudgeAnswer(completion.raw);
          const parseError = parsed.ok
            ? null
            : completion.truncated
              ? `The answer was cut off at the token limit. ${parsed.error}`
              : parsed.error;
          await writers.query(
            `INSERT INTO judge_samples (run_id, transcript_id, sample_index, raw, parsed, parse_error, latency_ms, tokens_in, tokens_out)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
            [
              run.id,
              target.id,
              index,
              completion.raw,
              parsed.ok ? JSON.stringify(parsed.value) : null,
              parseError,
              completion.latencyMs,
              completion.tokensIn,
              completion.tokensOut,
            ],
          );
        });
        done += await writePredictions(client, run, targets);
        await writeTotals(client, run);
        await progress(done, total, "transcripts");
      }
      throwIfAborted(signal);
      await client.query("BEGIN");
      const result = { total, done };
      await client.query(`UPDATE judge_runs SET status = 'succeeded', finished_at = now(), done = $2 WHERE id = $1`, [run.id, done]);
      if (!(await finish(client, result))) {
        await client.query("ROLLBACK");
        throw new JobAbortedError(CANCELLED);
      }
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      await writers.end();
      await client.end();
    }
  },
  async settled(client, payload, outcome) {
    await client.query(
      `UPDATE judge_runs SET status = $2, finished_at = now(), error = CASE WHEN $2 = 'failed' THEN $3 END
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [payload.runId, outcome.status, outcome.message],
    );
  },
});

const toPg = (statement: { text: string; values: unknown[] }) => ({ text: statement.text, values: statement.values });

async function loadRun(client: pg.Client, runId: number): Promise<RunRow | null> {
  const { rows } = await client.query<RunRow>(
    `SELECT r.id, r.status, r.filter, r.created_by, j.id AS judge_id, j.provider, j.model, j.base_url, j.template_key, j.template_version,
            j.samples, j.aggregation, j.api_key_name, j.price_in_per_mtok, j.price_out_per_mtok, j.concurrency, j.requests_per_minute
       FROM judge_runs r JOIN judges j ON j.id = r.judge_id WHERE r.id = $1`,
    [runId],
  );
  if (!rows[0]) return null;
  return { ...rows[0], filter: transcriptFiltersSchema.parse(rows[0].filter ?? {}) };
}

async function storedSampleIndexes(client: pg.Client, runId: number, ids: number[]): Promise<Map<number, Set<number>>> {
  const { rows } = await client.query<{ transcript_id: number; sample_index: number }>(
    `SELECT transcript_id, sample_index FROM judge_samples WHERE run_id = $1 AND transcript_id = ANY($2::int[])`,
    [runId, ids],
  );
  const map = new Map<number, Set<number>>();
  for (const row of rows)
    (map.get(row.transcript_id) ?? map.set(row.transcript_id, new Set()).get(row.transcript_id)!).add(row.sample_index);
  return map;
}

/** Runs `task` over `items`, `concurrency` at a time; the first failure stops the rest and is thrown. */
async function runPool<T>(items: T[], concurrency: number, signal: AbortSignal, task: (item: T) => Promise<void>) {
  let next = 0;
  let failure: unknown = null;
  const lane = async () => {
    while (failure === null && next < items.length) {
      if (signal.aborted) throw new JobAbortedError(signal.reason === CANCELLED ? CANCELLED : "shutdown");
      const item = items[next++];
      try {
        await task(item);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  if (failure !== null) throw signal.aborted ? new JobAbortedError(signal.reason === CANCELLED ? CANCELLED : "shutdown") : failure;
}

/** The predictions of the batch's transcripts whose N samples are all stored (upserted: a resumed batch rewrites the same values). */
async function writePredictions(client: pg.Client, run: RunRow, targets: Target[]): Promise<number> {
  const { rows } = await client.query<{ transcript_id: number; parsed: (unknown | null)[] }>(
    `SELECT s.transcript_id, array_agg(s.parsed ORDER BY s.sample_index) AS parsed
       FROM judge_samples s
      WHERE s.run_id = $1 AND s.transcript_id = ANY($2::int[])
        AND NOT EXISTS (SELECT 1 FROM judge_predictions p WHERE p.run_id = s.run_id AND p.transcript_id = s.transcript_id)
      GROUP BY s.transcript_id HAVING count(*) >= $3`,
    [run.id, targets.map((t) => t.id), run.samples],
  );
  const byId = new Map(targets.map((t) => [t.id, t]));
  let written = 0;
  for (const row of rows) {
    const outputs = row.parsed.map((value) =>
      value === null ? null : (judgeOutputSchema.safeParse(value).data ?? null),
    ) as (JudgeOutput | null)[];
    const prediction = aggregateSamples(run.aggregation, outputs);
    const evidence = locateEvidence(byId.get(row.transcript_id)!.scratchpad_text, prediction.evidence);
    const { rowCount } = await client.query(
      `INSERT INTO judge_predictions (run_id, transcript_id, verdict, score, reason, evidence) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (run_id, transcript_id) DO NOTHING`,
      [run.id, row.transcript_id, prediction.verdict, prediction.score, prediction.reason, JSON.stringify(evidence)],
    );
    written += rowCount ?? 0;
  }
  return written;
}

/** Progress, tokens and the estimated cost, from what is stored (so they are right after a resume too). */
async function writeTotals(client: pg.Client, run: RunRow) {
  await client.query(
    `UPDATE judge_runs r SET done = r.prediction_count,
            tokens_in = s.tin, tokens_out = s.tout,
            cost_usd = CASE WHEN $2::float8 IS NULL AND $3::float8 IS NULL THEN NULL
                            ELSE (s.tin * coalesce($2::float8, 0) + s.tout * coalesce($3::float8, 0)) / 1e6 END
       FROM (SELECT coalesce(sum(tokens_in), 0) AS tin, coalesce(sum(tokens_out), 0) AS tout FROM judge_samples WHERE run_id = $1) s
      WHERE r.id = $1`,
    [run.id, run.price_in_per_mtok, run.price_out_per_mtok],
  );
}
