import { Prisma } from "@/lib/generated/prisma/client";
import { JUDGE_PREFIX, parseJudgeSource } from "./judge-source";
import { perVariation } from "./label-rates-sql";

/**
 * Label sources of the "any label" chart that are not people: a label that
 * arrived with imported data (source_labels: `by=@source:<source>`, the label
 * one of its yes/no names) and a finished judge run (`by=@judge:<run id>`, the
 * label the judge answers). Their rate per variation × condition is counted
 * in the same shape as the human labels' (label-rates-sql.ts), so the chart,
 * table and CSV are the same code.
 */
export const IMPORTED_BY_PREFIX = "@source:";

export type MachineRateSource = { kind: "imported"; source: string; name: string } | { kind: "judge"; runId: number };

export const importedBy = (source: string) => `${IMPORTED_BY_PREFIX}${source}`;
export const judgeBy = (runId: number) => `${JUDGE_PREFIX}${runId}`;

/** What a `by=` names when it is no person: an imported source's name or a judge run's id; null for a person or the consensus. */
export function parseMachineBy(by: string | undefined): { kind: "imported"; source: string } | { kind: "judge"; runId: number } | null {
  if (!by) return null;
  if (by.startsWith(IMPORTED_BY_PREFIX) && by.length > IMPORTED_BY_PREFIX.length)
    return { kind: "imported", source: by.slice(IMPORTED_BY_PREFIX.length) };
  const runId = parseJudgeSource(by);
  return runId === null ? null : { kind: "judge", runId };
}

export interface RateScope {
  settingId: number;
  modelId?: number;
  datasetId?: number;
}

/**
 * n and k per variation and condition: for an imported label, the transcripts
 * whose value is "true" or "false" (n) and "true" (k); for a judge run, its
 * predictions with a verdict (n) and the yes verdicts (k).
 */
export function machineLabelRatesSql(scope: RateScope, machine: MachineRateSource): Prisma.Sql {
  const inScope = Prisma.sql`t.setting_id = ${scope.settingId}
    ${scope.modelId ? Prisma.sql`AND t.model_id = ${scope.modelId}` : Prisma.empty}
    ${scope.datasetId ? Prisma.sql`AND t.dataset_id = ${scope.datasetId}` : Prisma.empty}`;
  if (machine.kind === "imported") {
    return perVariation(
      scope.settingId,
      Prisma.sql`
      SELECT t.variation_id, t.condition, sl.value = 'true' AS hit
      FROM source_labels sl JOIN transcripts t ON t.id = sl.transcript_id
      WHERE sl.source = ${machine.source} AND sl.name = ${machine.name} AND sl.value IN ('true', 'false') AND ${inScope}`,
    );
  }
  return perVariation(
    scope.settingId,
    Prisma.sql`
      SELECT t.variation_id, t.condition, p.verdict AS hit
      FROM judge_predictions p JOIN transcripts t ON t.id = p.transcript_id
      WHERE p.run_id = ${machine.runId}::int AND p.verdict IS NOT NULL AND ${inScope}`,
  );
}

/** One imported source's yes/no labels (every value "true" or "false"): the labels the chart can rate it by. */
export const importedYesNoLabelsSql = (source: string) => Prisma.sql`
  SELECT name FROM source_labels WHERE source = ${source}
  GROUP BY name HAVING bool_and(value IN ('true', 'false')) ORDER BY name`;
