import type pg from "pg";
import type { TranscriptFiltersInput } from "@/lib/exports/request";
import { enqueueJob } from "@/lib/jobs/queue";
import { cancelJob, type CancelOutcome } from "@/lib/jobs/queue";

/**
 * Starting and cancelling runs. A run is a judge_runs row plus a job of kind
 * `judge-run`, written in one transaction: both exist or neither.
 */
export async function startJudgeRun(
  client: pg.ClientBase,
  judgeId: number,
  filters: TranscriptFiltersInput,
  createdById: string | null,
): Promise<{ runId: number; jobId: number }> {
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<{ id: number; kind: string }>(`SELECT id, kind FROM judges WHERE id = $1 FOR SHARE`, [judgeId]);
    if (!rows[0]) throw new JudgeRunError(`There is no judge ${judgeId}.`);
    if (rows[0].kind !== "llm") throw new JudgeRunError("An imported judge has no model to run: import another prediction file instead.");
    const run = await client.query<{ id: number }>(
      `INSERT INTO judge_runs (judge_id, status, filter, created_by) VALUES ($1, 'queued', $2, $3) RETURNING id`,
      [judgeId, JSON.stringify(filters), createdById],
    );
    const runId = run.rows[0].id;
    const jobId = await enqueueJob(client, "judge-run", { runId }, { createdById });
    await client.query(`UPDATE judge_runs SET job_id = $2 WHERE id = $1`, [runId, jobId]);
    await client.query("COMMIT");
    return { runId, jobId };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export async function cancelJudgeRun(client: pg.ClientBase, runId: number): Promise<CancelOutcome> {
  const { rows } = await client.query<{ job_id: number | null }>(`SELECT job_id FROM judge_runs WHERE id = $1`, [runId]);
  if (!rows[0]) return "missing";
  if (rows[0].job_id === null) return "finished";
  return cancelJob(client, rows[0].job_id);
}

/** A request that cannot be done as asked (shown to the user as it is). */
export class JudgeRunError extends Error {
  name = "JudgeRunError";
}
