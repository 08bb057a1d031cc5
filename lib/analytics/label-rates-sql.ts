import type { LabelCondition } from "@/lib/annotations/filter-params";
import { Prisma } from "@/lib/generated/prisma/client";
import { CONSENSUS_BY } from "./label-sources";

/**
 * The "any label" chart's counts: per variation of a setting and per
 * condition, how many transcripts one annotator (or the consensus) labelled
 * with this label set (n) and how many of them meet the condition (k). For a
 * span label every submitted annotation counts in n and k is "has evidence
 * tagged with it" (the consensus: its true/false vote). The drill-down (the
 * transcripts table with `by` and `human`, or `consensus`) applies the same tests.
 */
export interface LabelRateFilter {
  settingId: number;
  modelId?: number;
  datasetId?: number;
  /** An annotator's user id, or CONSENSUS_BY for the team's consensus. */
  by: string;
  condition: LabelCondition;
}

export interface LabelRateRow {
  id: number;
  name: string;
  is_baseline: boolean;
  n_training: number;
  k_training: number;
  n_deployment: number;
  k_deployment: number;
}

export function labelRatesSql(filter: LabelRateFilter): Prisma.Sql {
  const { condition } = filter;
  const modelFilter = filter.modelId ? Prisma.sql`AND t.model_id = ${filter.modelId}` : Prisma.empty;
  const datasetFilter = filter.datasetId ? Prisma.sql`AND t.dataset_id = ${filter.datasetId}` : Prisma.empty;
  if (filter.by === CONSENSUS_BY) {
    const wanted = "span" in condition ? true : condition.value;
    return perVariation(
      filter.settingId,
      Prisma.sql`
      SELECT t.variation_id, t.condition, c.value = ${JSON.stringify(wanted)}::jsonb AS hit
      FROM transcript_consensus c JOIN transcripts t ON t.id = c.transcript_id
      WHERE c.label_key = ${condition.key} AND c.value IS NOT NULL
        AND t.setting_id = ${filter.settingId} ${modelFilter} ${datasetFilter}`,
    );
  }
  const isSpan = "span" in condition;
  const labelled = isSpan ? Prisma.sql`TRUE` : Prisma.sql`a."values" ? ${condition.key}`;
  const hit = isSpan
    ? Prisma.sql`EXISTS (SELECT 1 FROM annotation_spans s WHERE s.annotation_id = a.id AND s.label_key = ${condition.key})`
    : Prisma.sql`a."values" @> ${JSON.stringify({ [condition.key]: condition.value })}::jsonb`;
  return perVariation(
    filter.settingId,
    Prisma.sql`
      SELECT t.variation_id, t.condition, ${hit} AS hit
      FROM annotations a JOIN transcripts t ON t.id = a.transcript_id
      WHERE a.annotator_id = ${filter.by} AND a.submitted_at IS NOT NULL AND ${labelled}
        AND t.setting_id = ${filter.settingId} ${modelFilter} ${datasetFilter}`,
  );
}

/** n and k per variation and condition from rows (variation_id, condition, hit); a null hit is not counted. */
export function perVariation(settingId: number, labelled: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH labelled AS (${labelled})
    SELECT v.id, v.name, v.is_baseline,
           count(l.hit) FILTER (WHERE l.condition = 'training')::int AS n_training,
           count(*) FILTER (WHERE l.condition = 'training' AND l.hit)::int AS k_training,
           count(l.hit) FILTER (WHERE l.condition = 'deployment')::int AS n_deployment,
           count(*) FILTER (WHERE l.condition = 'deployment' AND l.hit)::int AS k_deployment
    FROM prompt_variations v LEFT JOIN labelled l ON l.variation_id = v.id
    WHERE v.setting_id = ${settingId}
    GROUP BY v.id ORDER BY v.position, v.name`;
}
