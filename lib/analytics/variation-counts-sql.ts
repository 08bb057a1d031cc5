import { Prisma } from "@/lib/generated/prisma/client";
import type { LabelSource } from "./label-sources";
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

/** The SQL behind the variation chart: see `variationCounts`. */
export function variationCountsSql(filter: ChartFilter): Prisma.Sql {
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
    ), per_variation AS (
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
    )
    SELECT v.id, v.name, v.is_baseline, v.position, v.reference_no,
           COALESCE(p.n_training, 0) AS n_training, COALESCE(p.complied_training, 0) AS complied_training,
           COALESCE(p.af_training, 0) AS af_training, COALESCE(p.n_deployment, 0) AS n_deployment,
           COALESCE(p.complied_deployment, 0) AS complied_deployment, COALESCE(p.af_deployment, 0) AS af_deployment,
           COALESCE(p.yes_yes, 0) AS yes_yes, COALESCE(p.yes_no, 0) AS yes_no, COALESCE(p.no_yes, 0) AS no_yes, COALESCE(p.no_no, 0) AS no_no
    FROM prompt_variations v
    LEFT JOIN per_variation p ON p.variation_id = v.id
    WHERE v.setting_id = ${filter.settingId}
    ORDER BY v.position, v.name`;
}

