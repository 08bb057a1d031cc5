import type pg from "pg";
import type { TranscriptFiltersInput } from "@/lib/exports/request";
import type { LlmJudgeInput } from "./definition";
import type { RunStatus } from "./labels";

type Queryable = Pick<pg.ClientBase, "query">;

/**
 * Reading and writing judges and runs (lib/access/judges.ts applies who may).
 * A judge's key is only ever its name: values live in env or provider_secrets.
 */
export interface JudgeView {
  id: number;
  name: string;
  kind: "llm" | "imported";
  labelKey: string;
  provider: string | null;
  model: string | null;
  baseUrl: string | null;
  templateKey: string | null;
  templateVersion: number | null;
  samples: number;
  aggregation: string;
  apiKeyName: string | null;
  priceInPerMtok: number | null;
  priceOutPerMtok: number | null;
  concurrency: number;
  requestsPerMinute: number | null;
  createdAt: string;
}

export interface RunView {
  id: number;
  judgeId: number;
  judgeName: string;
  status: RunStatus;
  filter: TranscriptFiltersInput;
  jobId: number | null;
  total: number;
  done: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number | null;
  generated: boolean;
  error: string | null;
  jobMessage: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const JUDGE_COLUMNS = `id, name, kind, label_key, provider, model, base_url, template_key, template_version, samples, aggregation,
  api_key_name, price_in_per_mtok, price_out_per_mtok, concurrency, requests_per_minute, created_at`;

function judgeView(row: Record<string, unknown>): JudgeView {
  return {
    id: row.id as number,
    name: row.name as string,
    kind: row.kind as JudgeView["kind"],
    labelKey: row.label_key as string,
    provider: row.provider as string | null,
    model: row.model as string | null,
    baseUrl: row.base_url as string | null,
    templateKey: row.template_key as string | null,
    templateVersion: row.template_version as number | null,
    samples: row.samples as number,
    aggregation: row.aggregation as string,
    apiKeyName: row.api_key_name as string | null,
    priceInPerMtok: row.price_in_per_mtok as number | null,
    priceOutPerMtok: row.price_out_per_mtok as number | null,
    concurrency: row.concurrency as number,
    requestsPerMinute: row.requests_per_minute as number | null,
    createdAt: (row.created_at as Date).toISOString(),
  };
}

export async function listJudges(client: Queryable): Promise<JudgeView[]> {
  const { rows } = await client.query(`SELECT ${JUDGE_COLUMNS} FROM judges ORDER BY id`);
  return rows.map(judgeView);
}

export async function getJudge(client: Queryable, id: number): Promise<JudgeView | null> {
  const { rows } = await client.query(`SELECT ${JUDGE_COLUMNS} FROM judges WHERE id = $1`, [id]);
  return rows[0] ? judgeView(rows[0]) : null;
}

export class DuplicateJudgeName extends Error {
  name = "DuplicateJudgeName";
}

export async function insertLlmJudge(client: Queryable, input: LlmJudgeInput, createdById: string | null): Promise<number> {
  try {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO judges (name, kind, label_key, provider, model, base_url, template_key, template_version, samples, aggregation,
                           api_key_name, price_in_per_mtok, price_out_per_mtok, concurrency, requests_per_minute, created_by)
       VALUES ($1, 'llm', $2, $3, $4, $5, $2, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        input.name,
        input.labelKey,
        input.provider,
        input.model,
        input.baseUrl,
        input.templateVersion,
        input.samples,
        input.aggregation,
        input.apiKeyName,
        input.priceInPerMtok,
        input.priceOutPerMtok,
        input.concurrency,
        input.requestsPerMinute,
        createdById,
      ],
    );
    return rows[0].id;
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw new DuplicateJudgeName(`There is already a judge named "${input.name}".`);
    throw error;
  }
}

const RUN_COLUMNS = `r.id, r.judge_id, j.name AS judge_name, r.status, r.filter, r.job_id, r.total, r.done, r.tokens_in::float8 AS tokens_in,
  r.tokens_out::float8 AS tokens_out, r.cost_usd, r.generated, r.error, jb.message AS job_message, r.created_at, r.started_at, r.finished_at`;

function runView(row: Record<string, unknown>): RunView {
  const iso = (value: unknown) => (value ? (value as Date).toISOString() : null);
  return {
    id: row.id as number,
    judgeId: row.judge_id as number,
    judgeName: row.judge_name as string,
    status: row.status as RunStatus,
    filter: (row.filter ?? {}) as TranscriptFiltersInput,
    jobId: row.job_id as number | null,
    total: row.total as number,
    done: row.done as number,
    tokensIn: row.tokens_in as number,
    tokensOut: row.tokens_out as number,
    costUsd: row.cost_usd as number | null,
    generated: row.generated as boolean,
    error: row.error as string | null,
    jobMessage: row.job_message as string | null,
    createdAt: iso(row.created_at)!,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}

export async function listRuns(client: Queryable, filter: { judgeId?: number; limit?: number } = {}): Promise<RunView[]> {
  const { rows } = await client.query(
    `SELECT ${RUN_COLUMNS} FROM judge_runs r JOIN judges j ON j.id = r.judge_id LEFT JOIN jobs jb ON jb.id = r.job_id
      WHERE ($1::int IS NULL OR r.judge_id = $1) ORDER BY r.id DESC LIMIT $2`,
    [filter.judgeId ?? null, filter.limit ?? 50],
  );
  return rows.map(runView);
}

export async function getRun(client: Queryable, id: number): Promise<RunView | null> {
  const { rows } = await client.query(
    `SELECT ${RUN_COLUMNS} FROM judge_runs r JOIN judges j ON j.id = r.judge_id LEFT JOIN jobs jb ON jb.id = r.job_id WHERE r.id = $1`,
    [id],
  );
  return rows[0] ? runView(rows[0]) : null;
}

export interface PredictionView {
  transcriptId: number;
  verdict: boolean | null;
  score: number | null;
  reason: string | null;
  evidence: { quote: string; start: number | null; end: number | null; matched: boolean }[];
}

export async function listPredictions(
  client: Queryable,
  runId: number,
  afterTranscriptId: number,
  limit: number,
): Promise<PredictionView[]> {
  const { rows } = await client.query(
    `SELECT transcript_id, verdict, score, reason, evidence FROM judge_predictions WHERE run_id = $1 AND transcript_id > $2 ORDER BY transcript_id LIMIT $3`,
    [runId, afterTranscriptId, limit],
  );
  return rows.map((row) => ({
    transcriptId: row.transcript_id,
    verdict: row.verdict,
    score: row.score,
    reason: row.reason,
    evidence: row.evidence,
  }));
}
