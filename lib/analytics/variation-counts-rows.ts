import { Prisma } from "@/lib/generated/prisma/client";
import type { ClusterMoments } from "./stats/design-effect";
import type { VariationCounts } from "./variation-counts";

/**
 * The counting half of the variation chart's SQL: from `units` (see
 * variation-counts-sql.ts) to one row per variation, with the per-query
 * moments that the clustered intervals need.
 *
 * A unit's query_id is NULL in label_signatures when its query has a single
 * pair in the variation (the common case, kept compact): such a query's moments
 * are its counts themselves (y² = y·m = y for a 0/1 count, m² = m), so the NULL
 * group is summed linearly and every other query squared. The live queries give
 * every unit its query, and reach the same sums.
 */

/** Per query: the counts of one query (or of the NULL group of one-pair queries). */
const PER_QUERY: Record<string, string> = {
  n_t: "training IS NOT NULL",
  c_t: "training",
  af_t: "training_af",
  afk_t: "training_af_known",
  n_d: "deployment IS NOT NULL",
  c_d: "deployment",
  af_d: "deployment_af",
  afk_d: "deployment_af_known",
  yy: "training AND deployment",
  yn: "training AND NOT deployment",
  ny: "NOT training AND deployment",
  nn: "NOT training AND NOT deployment",
  any_side: "training IS NOT NULL OR deployment IS NOT NULL",
};

/** Per variation: plain counts (sums of the per-query ones). */
const PLAIN: Record<string, string> = {
  n_training: "n_t",
  complied_training: "c_t",
  af_training: "af_t",
  af_labelled_training: "afk_t",
  n_deployment: "n_d",
  complied_deployment: "c_d",
  af_deployment: "af_d",
  af_labelled_deployment: "afk_d",
  yes_yes: "yy",
  yes_no: "yn",
  no_yes: "ny",
  no_no: "nn",
};

/** The clustered statistics: y and m per query, and y² for a one-pair query. */
const MOMENTS = {
  af_training: { y: "af_t", m: "n_t", single: "af_t" },
  compliance_training: { y: "c_t", m: "n_t", single: "c_t" },
  compliance_deployment: { y: "c_d", m: "n_d", single: "c_d" },
  gap: { y: "(yn - ny)", m: "(yy + yn + ny + nn)", single: "(yn + ny)" },
} as const;
type MomentName = keyof typeof MOMENTS;

const momentColumns = (name: MomentName) => ({
  [`${name}_queries`]: `sum(CASE WHEN query_id IS NULL THEN ${MOMENTS[name].m} ELSE (${MOMENTS[name].m} > 0)::int END)::int`,
  [`${name}_yy`]: `sum(CASE WHEN query_id IS NULL THEN ${MOMENTS[name].single} ELSE ${MOMENTS[name].y}::float8 * ${MOMENTS[name].y} END)::float8`,
  [`${name}_ym`]: `sum(CASE WHEN query_id IS NULL THEN ${MOMENTS[name].y} ELSE ${MOMENTS[name].y}::float8 * ${MOMENTS[name].m} END)::float8`,
  [`${name}_mm`]: `sum(CASE WHEN query_id IS NULL THEN ${MOMENTS[name].m} ELSE ${MOMENTS[name].m}::float8 * ${MOMENTS[name].m} END)::float8`,
});

const PER_VARIATION: Record<string, string> = {
  ...Object.fromEntries(Object.entries(PLAIN).map(([column, source]) => [column, `sum(${source})::int`])),
  ...(Object.keys(MOMENTS) as MomentName[]).reduce((all, name) => ({ ...all, ...momentColumns(name) }), {}),
  queries: "sum(CASE WHEN query_id IS NULL THEN any_side ELSE (any_side > 0)::int END)::int",
};

/** The columns every variation row carries (0 for a variation without labels). */
export const COUNT_COLUMNS = Object.keys(PER_VARIATION);

/**
 * `per_query AS (...), per_variation AS (...)`, to follow a `units` CTE. `keys`: what a row
 * of per_variation is per (the stored counts add the source and the two label names).
 */
export function perVariationSql(keys: string[] = ["variation_id"]): Prisma.Sql {
  const by = keys.join(", ");
  const perQuery = Object.entries(PER_QUERY)
    .map(([column, condition]) => `coalesce(sum(w) FILTER (WHERE ${condition}), 0) AS ${column}`)
    .join(",\n           ");
  const perVariation = Object.entries(PER_VARIATION)
    .map(([column, expression]) => `${expression} AS ${column}`)
    .join(",\n           ");
  return Prisma.raw(`per_query AS (
      SELECT ${by}, query_id,
           ${perQuery}
      FROM units GROUP BY ${by}, query_id
    ), per_variation AS (
      SELECT ${by},
           ${perVariation}
      FROM per_query GROUP BY ${by}
    )`);
}

export type CountsRow = {
  id: number;
  name: string;
  is_baseline: boolean;
  position: number;
  reference_no: number | null;
} & Record<string, number>;

function moments(row: CountsRow, name: MomentName): ClusterMoments {
  return { queries: row[`${name}_queries`], sumYY: row[`${name}_yy`], sumYM: row[`${name}_ym`], sumMM: row[`${name}_mm`] };
}

export function toVariationCounts(row: CountsRow): VariationCounts {
  return {
    variationId: row.id,
    name: row.name,
    isBaseline: row.is_baseline,
    position: row.position,
    referenceNo: row.reference_no,
    training: {
      n: row.n_training,
      complied: row.complied_training,
      compliedWithAf: row.af_training,
      compliedAfLabelled: row.af_labelled_training,
    },
    deployment: {
      n: row.n_deployment,
      complied: row.complied_deployment,
      compliedWithAf: row.af_deployment,
      compliedAfLabelled: row.af_labelled_deployment,
    },
    pairs: { yesYes: row.yes_yes, yesNo: row.yes_no, noYes: row.no_yes, noNo: row.no_no },
    clusters: {
      afTraining: moments(row, "af_training"),
      complianceTraining: moments(row, "compliance_training"),
      complianceDeployment: moments(row, "compliance_deployment"),
      gap: moments(row, "gap"),
      queries: row.queries,
    },
  };
}

/** COUNT_COLUMNS with their SQL types, as jsonb_to_record reads back a stored row (label-rate-counts.ts). */
export const COUNT_RECORD_TYPE = Object.entries(PER_VARIATION)
  .map(([column, expression]) => `${column} ${expression.endsWith("::float8") ? "float8" : "int"}`)
  .join(", ");
