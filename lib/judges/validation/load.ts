import "server-only";
import { getCurrentSchema } from "@/lib/annotations/schema";
import type { LabelDefinition } from "@/lib/annotations/schema-definition";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/server/errors";
import { runPredictionCountSql, validationRowsSql, type ValidationReference } from "./query-sql";
import type { ValidationRow } from "./report";

export interface ValidationRun {
  id: number;
  judgeId: number;
  judgeName: string;
  judgeKind: string;
  labelKey: string;
  status: string;
  generated: boolean;
  createdAt: Date;
}

export interface LoadedValidation {
  run: ValidationRun;
  label: LabelDefinition;
  rows: ValidationRow[];
  /** Every prediction of the run, with or without a human reference. */
  predictions: number;
}

/** A run's predictions beside the humans' labels of the same transcripts, read into yes / no (reference.ts's rule, in SQL). */
export async function loadValidation(runId: number, reference: ValidationReference): Promise<LoadedValidation> {
  const [run] = await db().$queryRaw<ValidationRun[]>`
    SELECT r.id, r.judge_id AS "judgeId", j.name AS "judgeName", j.kind AS "judgeKind", j.label_key AS "labelKey",
           r.status, r.generated, r.created_at AS "createdAt"
      FROM judge_runs r JOIN judges j ON j.id = r.judge_id WHERE r.id = ${runId}`;
  if (!run) throw notFound(`There is no judge run ${runId}.`);
  const schema = await getCurrentSchema();
  const label = schema.labels.find((definition) => definition.key === run.labelKey);
  if (!label) throw notFound(`Judge run ${runId} answers “${run.labelKey}”, which the current label schema does not have.`);
  const [rows, [{ predictions }]] = await Promise.all([
    db().$queryRaw<ValidationRow[]>(validationRowsSql(runId, reference)),
    db().$queryRaw<{ predictions: number }[]>(runPredictionCountSql(runId)),
  ]);
  return { run, label, rows, predictions };
}
