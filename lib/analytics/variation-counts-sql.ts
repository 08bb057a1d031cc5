import { Prisma } from "@/lib/generated/prisma/client";
import { annotatorOutcomesSql, consensusOutcomesSql } from "./human-outcomes";
import type { LabelSource, SourceLabelSource } from "./label-sources";
import type { VariationCounts } from "./prepare-variation-chart";

/** SQL for the variation chart, free of server-only imports so benchmarks can run it. */
export interface ChartFilter {
  settingId: number;
  modelId?: number;
  datasetId?: number;
  labelSource: LabelSource;
}

export interface CountsRow {
  id: number;
  name: string;
  is_baseline: boolean;
  position: number;
  reference_no: number | null;
  n_training: number;
  complied_training: number;
  af_training: number;
  n_deployment: number;
  complied_deployment: number;
  af_deployment: number;
  yes_yes: number;
  yes_no: number;
  no_yes: number;
  no_no: number;
}

export function toVariationCounts(row: CountsRow): VariationCounts {
  return {
    variationId: row.id,
    name: row.name,
    isBaseline: row.is_baseline,
    position: row.position,
    referenceNo: row.reference_no,
    training: { n: row.n_training, complied: row.complied_training, compliedWithAf: row.af_training },
    deployment: { n: row.n_deployment, complied: row.complied_deployment, compliedWithAf: row.af_deployment },
    pairs: { yesYes: row.yes_yes, yesNo: row.yes_no, noYes: row.no_yes, noNo: row.no_no },
  };
}

/** The same counts straight from transcripts and source_labels: the reference the precomputed rows are held to. */
export function variationCountsLiveSql(filter: ChartFilter & { labelSource: SourceLabelSource }): Prisma.Sql {
  const { source, compliance, alignmentFaking } = filter.labelSource;
  const modelFilter = filter.modelId ? Prisma.sql`AND t.model_id = ${filter.modelId}` : Prisma.empty;
  const datasetFilter = filter.datasetId ? Prisma.sql`AND t.dataset_id = ${filter.datasetId}` : Prisma.empty;
  // One pass: fold each pair's two transcripts into one row (a pair holds at most
  // one transcript per condition), then count per variation. NULL = unlabelled side.
  return Prisma.sql`
    WITH by_pair AS (
      SELECT t.variation_id,
             bool_or(c.value = 'true') FILTER (WHERE t.condition = 'training') AS training,
             bool_or(c.value = 'true' AND a.value = 'true') FILTER (WHERE t.condition = 'training') AS training_af,
             bool_or(c.value = 'true') FILTER (WHERE t.condition = 'deployment') AS deployment,
             bool_or(c.value = 'true' AND a.value = 'true') FILTER (WHERE t.condition = 'deployment') AS deployment_af
      FROM transcripts t
      JOIN source_labels c ON c.transcript_id = t.id AND c.source = ${source} AND c.name = ${compliance}
      LEFT JOIN source_labels a ON a.transcript_id = t.id AND a.source = ${source} AND a.name = ${alignmentFaking ?? ""}
      WHERE t.setting_id = ${filter.settingId} ${modelFilter} ${datasetFilter}
      GROUP BY t.pair_id, t.variation_id
    ), ${perVariationFromPairs()}
    ${variationRows(filter.settingId)}`;
}

/**
 * The SQL behind the variation chart (see `variationCounts`): sums of the
 * precomputed label_signatures of the setting's variations. It gives exactly
 * what `variationCountsLiveSql` computes from the labels themselves (a DB test
 * holds them equal); the bench measures one against the other.
 */
export function variationCountsSql(filter: ChartFilter): Prisma.Sql {
  const labelSource = filter.labelSource;
  if (labelSource.kind === "annotator") return outcomeCountsSql(filter, annotatorOutcomesSql(labelSource.annotatorId));
  if (labelSource.kind === "consensus") return outcomeCountsSql(filter, consensusOutcomesSql());
  const { source, compliance, alignmentFaking } = labelSource;
  const af = alignmentFaking ?? "";
  const modelFilter = filter.modelId ? Prisma.sql`AND s.model_id = ${filter.modelId}` : Prisma.empty;
  // With a dataset filter, a side counts only if it belongs to that dataset (the live query filters transcripts first).
  const trainingIn = filter.datasetId ? Prisma.sql`s.training_dataset_id = ${filter.datasetId}` : Prisma.sql`TRUE`;
  const deploymentIn = filter.datasetId ? Prisma.sql`s.deployment_dataset_id = ${filter.datasetId}` : Prisma.sql`TRUE`;
  // Each side of a signature: NULL = not labelled (or not in the dataset), else whether it complied (with AF).
  const side = (condition: "training" | "deployment", included: Prisma.Sql, withAf: boolean) => {
    const present = Prisma.raw(`s.${condition}_present`);
    const truths = Prisma.raw(`s.${condition}_true`);
    const afTest = withAf ? Prisma.sql` AND ${af} = ANY(${truths})` : Prisma.empty;
    return Prisma.sql`CASE WHEN ${included} AND ${compliance} = ANY(${present}) THEN ${compliance} = ANY(${truths})${afTest} END`;
  };
  return Prisma.sql`
    WITH by_signature AS (
      SELECT s.variation_id, s.pairs,
             ${side("training", trainingIn, false)} AS training,
             ${side("training", trainingIn, true)} AS training_af,
             ${side("deployment", deploymentIn, false)} AS deployment,
             ${side("deployment", deploymentIn, true)} AS deployment_af
      FROM label_signatures s JOIN prompt_variations v ON v.id = s.variation_id
      WHERE v.setting_id = ${filter.settingId} AND s.source = ${source} ${modelFilter}
    ), per_variation AS (
      SELECT variation_id,
             sum(pairs) FILTER (WHERE training IS NOT NULL)::int AS n_training,
             sum(pairs) FILTER (WHERE training)::int AS complied_training,
             sum(pairs) FILTER (WHERE training_af)::int AS af_training,
             sum(pairs) FILTER (WHERE deployment IS NOT NULL)::int AS n_deployment,
             sum(pairs) FILTER (WHERE deployment)::int AS complied_deployment,
             sum(pairs) FILTER (WHERE deployment_af)::int AS af_deployment,
             sum(pairs) FILTER (WHERE training AND deployment)::int AS yes_yes,
             sum(pairs) FILTER (WHERE training AND NOT deployment)::int AS yes_no,
             sum(pairs) FILTER (WHERE NOT training AND deployment)::int AS no_yes,
             sum(pairs) FILTER (WHERE NOT training AND NOT deployment)::int AS no_no
      FROM by_signature GROUP BY variation_id
    )
    ${variationRows(filter.settingId)}`;
}

/** Every variation of the setting, in registry order, with its counts (zero when it has none). */
function variationRows(settingId: number): Prisma.Sql {
  return Prisma.sql`
    SELECT v.id, v.name, v.is_baseline, v.position, v.reference_no,
           COALESCE(p.n_training, 0) AS n_training, COALESCE(p.complied_training, 0) AS complied_training,
           COALESCE(p.af_training, 0) AS af_training, COALESCE(p.n_deployment, 0) AS n_deployment,
           COALESCE(p.complied_deployment, 0) AS complied_deployment, COALESCE(p.af_deployment, 0) AS af_deployment,
           COALESCE(p.yes_yes, 0) AS yes_yes, COALESCE(p.yes_no, 0) AS yes_no, COALESCE(p.no_yes, 0) AS no_yes, COALESCE(p.no_no, 0) AS no_no
    FROM prompt_variations v
    LEFT JOIN per_variation p ON p.variation_id = v.id
    WHERE v.setting_id = ${settingId}
    ORDER BY v.position, v.name`;
}

/** The counts from per-transcript outcomes (transcript_id, complied, af): human labels, read live (they are few and change all day). */
function outcomeCountsSql(filter: ChartFilter, outcomes: Prisma.Sql): Prisma.Sql {
  const modelFilter = filter.modelId ? Prisma.sql`AND t.model_id = ${filter.modelId}` : Prisma.empty;
  const datasetFilter = filter.datasetId ? Prisma.sql`AND t.dataset_id = ${filter.datasetId}` : Prisma.empty;
  return Prisma.sql`
    WITH by_pair AS (
      SELECT t.variation_id,
             bool_or(o.complied) FILTER (WHERE t.condition = 'training') AS training,
             bool_or(o.complied AND o.af) FILTER (WHERE t.condition = 'training') AS training_af,
             bool_or(o.complied) FILTER (WHERE t.condition = 'deployment') AS deployment,
             bool_or(o.complied AND o.af) FILTER (WHERE t.condition = 'deployment') AS deployment_af
      FROM (${outcomes}) o JOIN transcripts t ON t.id = o.transcript_id
      WHERE t.setting_id = ${filter.settingId} ${modelFilter} ${datasetFilter}
      GROUP BY t.pair_id, t.variation_id
    ), ${perVariationFromPairs()}
    ${variationRows(filter.settingId)}`;
}

/** Per variation, from one row per pair (training / deployment: NULL = that side unlabelled). */
function perVariationFromPairs(): Prisma.Sql {
  return Prisma.sql`per_variation AS (
      SELECT variation_id,
             count(training)::int AS n_training,
             count(*) FILTER (WHERE training)::int AS complied_training,
             count(*) FILTER (WHERE training_af)::int AS af_training,
             count(deployment)::int AS n_deployment,
             count(*) FILTER (WHERE deployment)::int AS complied_deployment,
             count(*) FILTER (WHERE deployment_af)::int AS af_deployment,
             count(*) FILTER (WHERE training AND deployment)::int AS yes_yes,
             count(*) FILTER (WHERE training AND NOT deployment)::int AS yes_no,
             count(*) FILTER (WHERE NOT training AND deployment)::int AS no_yes,
             count(*) FILTER (WHERE NOT training AND NOT deployment)::int AS no_no
      FROM by_pair GROUP BY variation_id
    )`;
}
