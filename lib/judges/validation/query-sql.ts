import { Prisma } from "@/lib/generated/prisma/client";
import type { JudgeCell, JudgeFilter } from "./judge-filter";

/**
 * The SQL behind the validation page and its links (no "server-only": the
 * transcripts table's filter composes it, and the bench times it alone). The
 * figures need only the transcripts a human labelled, so the rows come from
 * the reference's side (about 10,000 human labels) joined to the run's
 * predictions by primary key, never from a scan of a run over a million
 * transcripts; what the run judged without a reference is a count.
 *
 * The reference is either the consensus (the view transcript_consensus,
 * adjudications first, lib/team/consensus.ts) or one annotator's submitted
 * annotation: the label's value, or for a span label whether they tagged one.
 * Its value becomes yes / no by the rule of reference.ts, stated once more in
 * SQL (`referencePositiveSql`) so that the page's counts and the table a
 * count links to are the same query (lib/access/judge-validation.db.test.ts).
 */
export type { ValidationReference } from "./judge-filter";
import type { ValidationReference } from "./judge-filter";

/** The current label schema's definition of the run's label (jsonb), for the rule below. */
function labelDefinitionSql(runId: number): Prisma.Sql {
  return Prisma.sql`(SELECT l.label FROM judge_runs jr JOIN judges j ON j.id = jr.judge_id
      CROSS JOIN LATERAL (SELECT v.labels FROM label_schema_versions v ORDER BY v.version DESC LIMIT 1) s
      CROSS JOIN LATERAL jsonb_array_elements(s.labels) AS l(label)
     WHERE jr.id = ${runId}::int AND l.label->>'key' = j.label_key)`;
}

/**
 * reference.ts's rule in SQL: booleans (and span presence) as they are; a
 * choice is positive unless it is the first option, and no reference when
 * it is no option at all; a scale from the upper half, ceil((min + max + 1) / 2).
 */
function referencePositiveSql(value: Prisma.Sql, definition: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE jsonb_typeof(${value})
      WHEN 'boolean' THEN (${value})::boolean
      WHEN 'string' THEN CASE
        WHEN NOT EXISTS (SELECT 1 FROM jsonb_array_elements(${definition}->'options') o WHERE o->'value' = ${value}) THEN NULL
        ELSE ${value} <> ${definition}->'options'->0->'value' END
      WHEN 'number' THEN CASE
        WHEN (${value})::numeric NOT BETWEEN (${definition}->>'min')::numeric AND (${definition}->>'max')::numeric THEN NULL
        ELSE (${value})::numeric >= ceil(((${definition}->>'min')::numeric + (${definition}->>'max')::numeric + 1) / 2) END
    END`;
}

function referenceValuesSql(runId: number, reference: ValidationReference): Prisma.Sql {
  const definition = Prisma.sql`d.label`;
  const key = Prisma.sql`(${definition}->>'key')`;
  if (reference.kind === "consensus") {
    return Prisma.sql`SELECT c.transcript_id, ${referencePositiveSql(Prisma.sql`c.value`, definition)} AS reference
        FROM (SELECT ${labelDefinitionSql(runId)} AS label) d
        JOIN transcript_consensus c ON c.label_key = ${key} AND c.value IS NOT NULL`;
  }
  const value = Prisma.sql`CASE WHEN ${definition}->>'kind' = 'span'
      THEN to_jsonb(EXISTS (SELECT 1 FROM annotation_spans s WHERE s.annotation_id = a.id AND s.label_key = ${key}))
      ELSE a."values" -> ${key} END`;
  return Prisma.sql`SELECT a.transcript_id, ${referencePositiveSql(value, definition)} AS reference
      FROM (SELECT ${labelDefinitionSql(runId)} AS label) d
      JOIN annotations a ON a.annotator_id = ${reference.annotatorId} AND a.submitted_at IS NOT NULL`;
}

/** One row per transcript of the run that has a human reference: the run's verdict and score, the variation and condition. */
export function validationRowsSql(runId: number, reference: ValidationReference): Prisma.Sql {
  return Prisma.sql`
    SELECT r.transcript_id AS "transcriptId", v.name AS variation, v.id AS "variationId", t.condition::text AS condition,
           p.verdict, p.score, r.reference
      FROM (${referenceValuesSql(runId, reference)}) r
      JOIN judge_predictions p ON p.run_id = ${runId}::int AND p.transcript_id = r.transcript_id
      JOIN transcripts t ON t.id = r.transcript_id
      JOIN prompt_variations v ON v.id = t.variation_id
     WHERE r.reference IS NOT NULL
     ORDER BY r.transcript_id`;
}

/** How many predictions the run has: the page reports those without a reference as a count. */
export function runPredictionCountSql(runId: number): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS predictions FROM judge_predictions WHERE run_id = ${runId}::int`;
}

/** The transcripts table's condition on `transcripts t` for a judge filter: the transcripts one number of the page counts. */
export function judgeFilterSql(filter: JudgeFilter, reference: ValidationReference): Prisma.Sql {
  const predicted = filter.threshold === undefined ? Prisma.sql`p.verdict` : Prisma.sql`(p.score >= ${filter.threshold}::double precision)`;
  const byJudge: Partial<Record<JudgeCell, Prisma.Sql>> = {
    positive: Prisma.sql`${predicted} IS TRUE`,
    negative: Prisma.sql`${predicted} IS FALSE`,
    unreadable: Prisma.sql`${predicted} IS NULL`,
    judged: Prisma.sql`${predicted} IS NOT NULL`,
  };
  const condition = byJudge[filter.cell];
  if (condition) {
    return Prisma.sql`t.id IN (SELECT p.transcript_id FROM judge_predictions p WHERE p.run_id = ${filter.runId}::int AND ${condition})`;
  }
  if (filter.cell === "disagree") {
    return Prisma.sql`t.id IN (SELECT p.transcript_id FROM judge_predictions p
        JOIN (${referenceValuesSql(filter.runId, reference)}) r ON r.transcript_id = p.transcript_id
       WHERE p.run_id = ${filter.runId}::int AND ${predicted} <> r.reference)`;
  }
  const [said, truth] = { tp: [true, true], fp: [true, false], fn: [false, true], tn: [false, false] }[filter.cell as "tp"];
  return Prisma.sql`t.id IN (SELECT p.transcript_id FROM judge_predictions p
      JOIN (${referenceValuesSql(filter.runId, reference)}) r ON r.transcript_id = p.transcript_id
     WHERE p.run_id = ${filter.runId}::int AND ${predicted} = ${said} AND r.reference = ${truth})`;
}

/** The charts' scope (lib/analytics ChartFilter): one setting, optionally one model and one dataset. */
export interface JudgeRateScope {
  settingId: number;
  modelId?: number;
  datasetId?: number;
}

/**
 * The judge's raw rate per variation and condition over everything the run
 * judged (not only the validation sample): what a chart by judge draws, and
 * what the Rogan–Gladen correction corrects. A scan of the run: asked for only
 * when the page shows corrected rates.
 */
export function judgeRatesSql(runId: number, threshold: number | null, scope?: JudgeRateScope): Prisma.Sql {
  const inScope = scope
    ? Prisma.sql`AND v.setting_id = ${scope.settingId}::int
        ${scope.modelId ? Prisma.sql`AND t.model_id = ${scope.modelId}::int` : Prisma.empty}
        ${scope.datasetId ? Prisma.sql`AND t.dataset_id = ${scope.datasetId}::int` : Prisma.empty}`
    : Prisma.empty;
  const predicted = threshold === null ? Prisma.sql`p.verdict` : Prisma.sql`(p.score >= ${threshold}::double precision)`;
  return Prisma.sql`
    SELECT v.id AS "variationId", v.name AS variation, t.condition::text AS condition,
           (count(*) FILTER (WHERE ${predicted} IS TRUE))::int AS positive, (count(*) FILTER (WHERE ${predicted} IS NOT NULL))::int AS n
      FROM judge_predictions p JOIN transcripts t ON t.id = p.transcript_id JOIN prompt_variations v ON v.id = t.variation_id
     WHERE p.run_id = ${runId}::int ${inScope}
     GROUP BY v.id, v.name, t.condition
     ORDER BY v.name, t.condition::text`;
}
