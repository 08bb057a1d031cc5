import "server-only";
import { pgPool } from "@/lib/db/pg-pool";
import type { TranscriptFiltersInput } from "@/lib/exports/request";
import type { LlmJudgeInput } from "@/lib/judges/definition";
import { importPredictions, type PredictionFormat } from "@/lib/judges/imported";
import type { JudgeLabelKey } from "@/lib/judges/labels";
import { cancelJudgeRun, JudgeRunError, startJudgeRun } from "@/lib/judges/run/start";
import { deleteProviderSecret, providerKeyStatuses, saveProviderSecret } from "@/lib/judges/secrets";
import { DuplicateJudgeName, getJudge, getRun, insertLlmJudge, listJudges, listPredictions, listRuns } from "@/lib/judges/store";
import { conflict, invalid, notFound } from "@/lib/server/errors";
import { viewerWithRole } from "./viewer";

/**
 * Judges are lead tools: a judge's predictions are labels of every
 * transcript, and a run reads any filter of the table. Leads (and admins)
 * define judges, start, follow and cancel runs and read predictions;
 * annotators and blind annotators are refused all of it. Provider keys:
 * admins only, and only their names ever leave the server.
 */
export async function judgesForLead() {
  await viewerWithRole("lead");
  return listJudges(pgPool());
}

export async function judgeForLead(id: number) {
  await viewerWithRole("lead");
  const judge = await getJudge(pgPool(), id);
  if (!judge) throw notFound(`There is no judge ${id}.`);
  return judge;
}

export async function defineJudge(input: LlmJudgeInput) {
  const viewer = await viewerWithRole("lead");
  try {
    return await insertLlmJudge(pgPool(), input, viewer.id);
  } catch (error) {
    if (error instanceof DuplicateJudgeName) throw conflict(error.message);
    throw error;
  }
}

export async function runsForLead(filter: { judgeId?: number; limit?: number } = {}) {
  await viewerWithRole("lead");
  return listRuns(pgPool(), filter);
}

export async function runForLead(id: number) {
  await viewerWithRole("lead");
  const run = await getRun(pgPool(), id);
  if (!run) throw notFound(`There is no judge run ${id}.`);
  return run;
}

/** The run reads the filter as the lead who started it (its created_by): a lead's scope. */
export async function startRun(judgeId: number, filters: TranscriptFiltersInput) {
  const viewer = await viewerWithRole("lead");
  const client = await pgPool().connect();
  try {
    return await startJudgeRun(client, judgeId, filters, viewer.id);
  } catch (error) {
    if (error instanceof JudgeRunError) throw invalid(error.message);
    throw error;
  } finally {
    client.release();
  }
}

export async function cancelRun(runId: number) {
  await viewerWithRole("lead");
  const client = await pgPool().connect();
  try {
    const outcome = await cancelJudgeRun(client, runId);
    if (outcome === "missing") throw notFound(`There is no judge run ${runId}.`);
    return outcome;
  } finally {
    client.release();
  }
}

export async function predictionsForLead(runId: number, after: number, limit: number) {
  await runForLead(runId);
  return listPredictions(pgPool(), runId, after, limit);
}

export async function saveProviderKey(name: string, value: string) {
  const viewer = await viewerWithRole("admin");
  await saveProviderSecret(pgPool(), name, value, viewer.id);
}

/** Admins only: a stored key is removed (the judges naming it then fall back to the environment, or fail with "no key"). */
export async function removeProviderKey(name: string): Promise<boolean> {
  await viewerWithRole("admin");
  return deleteProviderSecret(pgPool(), name);
}

/** Admins only: the key names judges use or an admin stored, where each is set; never a value. */
export async function providerKeysForAdmin() {
  await viewerWithRole("admin");
  return providerKeyStatuses(pgPool());
}

/** An external classifier's prediction file in (lib/judges/imported): a finished run of an imported judge, or every problem by line and field. */
export async function importPredictionFile(input: {
  judgeName: string;
  labelKey: JudgeLabelKey;
  fileName: string;
  text: string;
  format?: PredictionFormat;
  threshold?: number;
}) {
  const viewer = await viewerWithRole("lead");
  const client = await pgPool().connect();
  try {
    const outcome = await importPredictions(client, { ...input, createdById: viewer.id });
    if (!outcome.ok)
      throw invalid(
        outcome.message,
        outcome.errors.map((problem) => ({
          path: `${input.fileName}:${problem.line}${problem.field ? ` ${problem.field}` : ""}`,
          message: problem.message,
        })),
      );
    return outcome;
  } finally {
    client.release();
  }
}
