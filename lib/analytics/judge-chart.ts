import "server-only";
import { db } from "@/lib/db/client";
import { judgeRateRows, type JudgeRateCounts, type JudgeRateRow } from "@/lib/judges/validation/corrected";
import { loadValidation } from "@/lib/judges/validation/load";
import { judgeRatesSql, type JudgeRateScope } from "@/lib/judges/validation/query-sql";
import { validationFigures } from "@/lib/judges/validation/report";
import type { JudgeSourceOption } from "./judge-source";

/** Finished runs (status succeeded) with at least one prediction (counted by the write path): the judge sources a chart can take. */
export async function listJudgeSources(): Promise<JudgeSourceOption[]> {
  return db().$queryRaw<JudgeSourceOption[]>`
    SELECT r.id AS "runId", j.name AS "judgeName", j.label_key AS "labelKey", r.prediction_count AS predictions
      FROM judge_runs r JOIN judges j ON j.id = r.judge_id
     WHERE r.status = 'succeeded' AND r.prediction_count > 0
     ORDER BY r.id DESC`;
}

/** The setting a run judged most transcripts of: the chart's setting when the URL names none. */
export async function settingJudgedMost(runId: number): Promise<string | undefined> {
  const [row] = await db().$queryRaw<{ slug: string }[]>`
    SELECT s.slug FROM judge_predictions p JOIN transcripts t ON t.id = p.transcript_id JOIN settings s ON s.id = t.setting_id
     WHERE p.run_id = ${runId}::int GROUP BY s.id, s.slug ORDER BY count(*) DESC, s.id LIMIT 1`;
  return row?.slug;
}

export interface JudgeChart {
  source: JudgeSourceOption;
  /** One row per variation × condition of the scope that the run judged. */
  rows: JudgeRateRow[];
  /**
   * Asked for with `corrected=1`: the run's verdicts against the human
   * consensus on every transcript both labelled (the validation sample of
   * /judges/runs/:id), whose Se and Sp correct the rates.
   */
  validation: null | {
    n: number;
    /** Of `referencePositives` human positives the judge found `truePositives`; of the negatives it cleared `trueNegatives`. */
    truePositives: number;
    referencePositives: number;
    trueNegatives: number;
    referenceNegatives: number;
  };
}

/** The judge's rate per variation × condition in a chart's scope, raw and (asked for) Rogan–Gladen corrected. */
export async function loadJudgeChart(source: JudgeSourceOption, scope: JudgeRateScope, corrected: boolean): Promise<JudgeChart> {
  const counts = await db().$queryRaw<JudgeRateCounts[]>(judgeRatesSql(source.runId, null, scope));
  if (!corrected) return { source, rows: judgeRateRows(counts, null), validation: null };
  const { matrix, validation } = await consensusValidation(source.runId);
  return { source, rows: judgeRateRows(counts, matrix), validation };
}

/** The run's confusion matrix against the human consensus (its validation sample), and its counts as the charts state them. */
export async function consensusValidation(runId: number) {
  const loaded = await loadValidation(runId, { kind: "consensus" });
  const { n, matrix } = validationFigures(loaded.rows, null);
  const validation: NonNullable<JudgeChart["validation"]> = {
    n,
    truePositives: matrix.truePositive,
    referencePositives: matrix.truePositive + matrix.falseNegative,
    trueNegatives: matrix.trueNegative,
    referenceNegatives: matrix.trueNegative + matrix.falsePositive,
  };
  return { matrix, validation };
}
