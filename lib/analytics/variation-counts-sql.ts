import { Prisma } from "@/lib/generated/prisma/client";
import { annotatorOutcomesSql, consensusOutcomesSql } from "./human-outcomes";
import type { LabelSource, SourceLabelSource } from "./label-sources";
import { storedPerVariationSql } from "./label-rate-counts";
import { signatureSidesSql } from "./signature-sides-sql";
import { COUNT_COLUMNS, perVariationSql, toVariationCounts, type CountsRow } from "./variation-counts-rows";

export { toVariationCounts, type CountsRow };

/** SQL for the variation chart, free of server-only imports so benchmarks can run it. */
export interface ChartFilter {
  settingId: number;
  modelId?: number;
  datasetId?: number;
  labelSource: LabelSource;
}

/*
 * Every source is first turned into "units": rows of (variation_id, query_id,
 * w, training, training_af, training_af_known, deployment, deployment_af,
 * deployment_af_known), one per pair (w = 1) or per group of w pairs that
 * share a signature. A side's column is NULL when that side is not labelled,
 * else whether it complied (with AF; with an AF label at all). perVariationSql
 * (variation-counts-rows.ts) counts them per variation, query by query.
 */

/** The same counts straight from transcripts and source_labels: the reference the precomputed rows are held to. */
export function variationCountsLiveSql(filter: ChartFilter & { labelSource: SourceLabelSource }): Prisma.Sql {
  const { source, compliance, alignmentFaking } = filter.labelSource;
  const modelFilter = filter.modelId ? Prisma.sql`AND t.model_id = ${filter.modelId}` : Prisma.empty;
  const datasetFilter = filter.datasetId ? Prisma.sql`AND t.dataset_id = ${filter.datasetId}` : Prisma.empty;
  // One pass: fold each pair's two transcripts into one row (a pair holds at most
  // one transcript per condition), then count per variation.
  return Prisma.sql`
    WITH units AS (
      SELECT t.variation_id, t.query_id, 1 AS w,
             bool_or(c.value = 'true') FILTER (WHERE t.condition = 'training') AS training,
             bool_or(c.value = 'true' AND a.value = 'true') FILTER (WHERE t.condition = 'training') AS training_af,
             bool_or(c.value = 'true' AND a.transcript_id IS NOT NULL) FILTER (WHERE t.condition = 'training') AS training_af_known,
             bool_or(c.value = 'true') FILTER (WHERE t.condition = 'deployment') AS deployment,
             bool_or(c.value = 'true' AND a.value = 'true') FILTER (WHERE t.condition = 'deployment') AS deployment_af,
             bool_or(c.value = 'true' AND a.transcript_id IS NOT NULL) FILTER (WHERE t.condition = 'deployment') AS deployment_af_known
      FROM transcripts t
      JOIN source_labels c ON c.transcript_id = t.id AND c.source = ${source} AND c.name = ${compliance}
      LEFT JOIN source_labels a ON a.transcript_id = t.id AND a.source = ${source} AND a.name = ${alignmentFaking ?? ""}
      WHERE t.setting_id = ${filter.settingId} ${modelFilter} ${datasetFilter}
      GROUP BY t.pair_id, t.variation_id, t.query_id
    ), ${perVariationSql()}
    ${variationRows(filter.settingId)}`;
}

/**
 * The SQL behind the variation chart (see `variationCounts`). Imported labels: without a model
 * or dataset filter (the page's default), the per-variation counts stored at import
 * (label-rate-counts.ts); filtered, sums of the precomputed label_signatures of the setting's
 * variations. Both give exactly what `variationCountsLiveSql` computes from the labels
 * themselves (a DB test holds them equal); the bench measures one against the other.
 */
export function variationCountsSql(filter: ChartFilter): Prisma.Sql {
  const labelSource = filter.labelSource;
  if (labelSource.kind === "annotator") return outcomeCountsSql(filter, annotatorOutcomesSql(labelSource.annotatorId));
  if (labelSource.kind === "consensus") return outcomeCountsSql(filter, consensusOutcomesSql());
  if (!filter.modelId && !filter.datasetId) {
    return Prisma.sql`WITH ${storedPerVariationSql(filter.settingId, labelSource)} ${variationRows(filter.settingId)}`;
  }
  const { source, compliance, alignmentFaking } = labelSource;
  const modelFilter = filter.modelId ? Prisma.sql`AND s.model_id = ${filter.modelId}` : Prisma.empty;
  // With a dataset filter, a side counts only if it belongs to that dataset (the live query filters transcripts first).
  const sides = signatureSidesSql({
    compliance: Prisma.sql`${compliance}`,
    alignmentFaking: Prisma.sql`${alignmentFaking ?? ""}`,
    trainingIn: filter.datasetId ? Prisma.sql`s.training_dataset_id = ${filter.datasetId}` : undefined,
    deploymentIn: filter.datasetId ? Prisma.sql`s.deployment_dataset_id = ${filter.datasetId}` : undefined,
  });
  return Prisma.sql`
    WITH units AS (
      SELECT s.variation_id, s.query_id, s.pairs AS w, ${sides}
      FROM label_signatures s JOIN prompt_variations v ON v.id = s.variation_id
      WHERE v.setting_id = ${filter.settingId} AND s.source = ${source} ${modelFilter}
    ), ${perVariationSql()}
    ${variationRows(filter.settingId)}`;
}

/** Every variation of the setting, in registry order, with its counts (zero when it has none). */
function variationRows(settingId: number): Prisma.Sql {
  const counts = COUNT_COLUMNS.map((column) => `COALESCE(p.${column}, 0) AS ${column}`).join(", ");
  return Prisma.sql`
    SELECT v.id, v.name, v.is_baseline, v.position, v.reference_no, ${Prisma.raw(counts)}
    FROM prompt_variations v
    LEFT JOIN per_variation p ON p.variation_id = v.id
    WHERE v.setting_id = ${settingId}
    ORDER BY v.position, v.name`;
}

/** The counts from per-transcript outcomes (transcript_id, complied, af): human labels, read live (they are few and change all day). */
function outcomeCountsSql(filter: ChartFilter, outcomes: Prisma.Sql): Prisma.Sql {
  const modelFilter = filter.modelId ? Prisma.sql`AND t.model_id = ${filter.modelId}` : Prisma.empty;
  const datasetFilter = filter.datasetId ? Prisma.sql`AND t.dataset_id = ${filter.datasetId}` : Prisma.empty;
  // A human outcome always says whether there was AF reasoning (HUMAN_RULE): known whenever it complied.
  return Prisma.sql`
    WITH units AS (
      SELECT t.variation_id, t.query_id, 1 AS w,
             bool_or(o.complied) FILTER (WHERE t.condition = 'training') AS training,
             bool_or(o.complied AND o.af) FILTER (WHERE t.condition = 'training') AS training_af,
             bool_or(o.complied) FILTER (WHERE t.condition = 'training') AS training_af_known,
             bool_or(o.complied) FILTER (WHERE t.condition = 'deployment') AS deployment,
             bool_or(o.complied AND o.af) FILTER (WHERE t.condition = 'deployment') AS deployment_af,
             bool_or(o.complied) FILTER (WHERE t.condition = 'deployment') AS deployment_af_known
      FROM (${outcomes}) o JOIN transcripts t ON t.id = o.transcript_id
      WHERE t.setting_id = ${filter.settingId} ${modelFilter} ${datasetFilter}
      GROUP BY t.pair_id, t.variation_id, t.query_id
    ), ${perVariationSql()}
    ${variationRows(filter.settingId)}`;
}
