-- /analytics within reach of its target at 1,000,000 transcripts (issue 17): the variation
-- chart's unfiltered counts of imported labels, stored per variation, source and choice of
-- labels (lib/analytics/label-rate-counts.ts says what a row holds and keeps the table:
-- refreshLabelSignatures rebuilds a variation's rows with its label_signatures, in the
-- import's transaction). Summing label_signatures per request took 740 ms at 178,000
-- signatures. lib/analytics/queries.db.test.ts holds the read equal to the live counts.

CREATE TABLE "label_rate_counts" (
    "variation_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    -- The label whose "true" means complied, and the AF label ('' for none).
    "compliance" TEXT NOT NULL,
    "alignment_faking" TEXT NOT NULL,
    -- Pairs of the variation the source labels (the same on each of its rows).
    "pairs" INTEGER NOT NULL,
    -- The chart's per-variation columns (COUNT_COLUMNS in lib/analytics/variation-counts-rows.ts).
    "counts" JSONB NOT NULL,

    CONSTRAINT "label_rate_counts_pkey" PRIMARY KEY ("variation_id", "source", "compliance", "alignment_faking")
);

ALTER TABLE "label_rate_counts" ADD CONSTRAINT "label_rate_counts_variation_id_fkey"
    FOREIGN KEY ("variation_id") REFERENCES "prompt_variations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The counts of what is already imported: refreshLabelRateCounts' statement as of this
-- migration, over every variation (later imports rebuild their variations' rows in TS).
WITH names AS (
  SELECT DISTINCT s.variation_id, s.source, n.name
  FROM label_signatures s, unnest(s.training_present || s.deployment_present) AS n(name)
), choices AS (
  SELECT c.variation_id, c.source, c.name AS compliance, a.name AS alignment_faking
  FROM names c
  JOIN (SELECT variation_id, source, name FROM names UNION SELECT variation_id, source, '' FROM names) a
    ON a.variation_id = c.variation_id AND a.source = c.source
), units AS (
  SELECT s.variation_id, k.source, k.compliance, k.alignment_faking, s.query_id, s.pairs AS w, CASE WHEN TRUE AND k.compliance = ANY(s.training_present) THEN k.compliance = ANY(s.training_true) END AS training,
         CASE WHEN TRUE AND k.compliance = ANY(s.training_present) THEN k.compliance = ANY(s.training_true) AND k.alignment_faking = ANY(s.training_true) END AS training_af,
         CASE WHEN TRUE AND k.compliance = ANY(s.training_present) THEN k.compliance = ANY(s.training_true) AND k.alignment_faking = ANY(s.training_present) END AS training_af_known,
         CASE WHEN TRUE AND k.compliance = ANY(s.deployment_present) THEN k.compliance = ANY(s.deployment_true) END AS deployment,
         CASE WHEN TRUE AND k.compliance = ANY(s.deployment_present) THEN k.compliance = ANY(s.deployment_true) AND k.alignment_faking = ANY(s.deployment_true) END AS deployment_af,
         CASE WHEN TRUE AND k.compliance = ANY(s.deployment_present) THEN k.compliance = ANY(s.deployment_true) AND k.alignment_faking = ANY(s.deployment_present) END AS deployment_af_known
  FROM label_signatures s JOIN choices k ON k.variation_id = s.variation_id AND k.source = s.source
), per_query AS (
  SELECT variation_id, source, compliance, alignment_faking, query_id,
       coalesce(sum(w) FILTER (WHERE training IS NOT NULL), 0) AS n_t,
       coalesce(sum(w) FILTER (WHERE training), 0) AS c_t,
       coalesce(sum(w) FILTER (WHERE training_af), 0) AS af_t,
       coalesce(sum(w) FILTER (WHERE training_af_known), 0) AS afk_t,
       coalesce(sum(w) FILTER (WHERE deployment IS NOT NULL), 0) AS n_d,
       coalesce(sum(w) FILTER (WHERE deployment), 0) AS c_d,
       coalesce(sum(w) FILTER (WHERE deployment_af), 0) AS af_d,
       coalesce(sum(w) FILTER (WHERE deployment_af_known), 0) AS afk_d,
       coalesce(sum(w) FILTER (WHERE training AND deployment), 0) AS yy,
       coalesce(sum(w) FILTER (WHERE training AND NOT deployment), 0) AS yn,
       coalesce(sum(w) FILTER (WHERE NOT training AND deployment), 0) AS ny,
       coalesce(sum(w) FILTER (WHERE NOT training AND NOT deployment), 0) AS nn,
       coalesce(sum(w) FILTER (WHERE training IS NOT NULL OR deployment IS NOT NULL), 0) AS any_side
  FROM units GROUP BY variation_id, source, compliance, alignment_faking, query_id
), per_variation AS (
  SELECT variation_id, source, compliance, alignment_faking,
       sum(n_t)::int AS n_training,
       sum(c_t)::int AS complied_training,
       sum(af_t)::int AS af_training,
       sum(afk_t)::int AS af_labelled_training,
       sum(n_d)::int AS n_deployment,
       sum(c_d)::int AS complied_deployment,
       sum(af_d)::int AS af_deployment,
       sum(afk_d)::int AS af_labelled_deployment,
       sum(yy)::int AS yes_yes,
       sum(yn)::int AS yes_no,
       sum(ny)::int AS no_yes,
       sum(nn)::int AS no_no,
       sum(CASE WHEN query_id IS NULL THEN n_t ELSE (n_t > 0)::int END)::int AS af_training_queries,
       sum(CASE WHEN query_id IS NULL THEN af_t ELSE af_t::float8 * af_t END)::float8 AS af_training_yy,
       sum(CASE WHEN query_id IS NULL THEN af_t ELSE af_t::float8 * n_t END)::float8 AS af_training_ym,
       sum(CASE WHEN query_id IS NULL THEN n_t ELSE n_t::float8 * n_t END)::float8 AS af_training_mm,
       sum(CASE WHEN query_id IS NULL THEN n_t ELSE (n_t > 0)::int END)::int AS compliance_training_queries,
       sum(CASE WHEN query_id IS NULL THEN c_t ELSE c_t::float8 * c_t END)::float8 AS compliance_training_yy,
       sum(CASE WHEN query_id IS NULL THEN c_t ELSE c_t::float8 * n_t END)::float8 AS compliance_training_ym,
       sum(CASE WHEN query_id IS NULL THEN n_t ELSE n_t::float8 * n_t END)::float8 AS compliance_training_mm,
       sum(CASE WHEN query_id IS NULL THEN n_d ELSE (n_d > 0)::int END)::int AS compliance_deployment_queries,
       sum(CASE WHEN query_id IS NULL THEN c_d ELSE c_d::float8 * c_d END)::float8 AS compliance_deployment_yy,
       sum(CASE WHEN query_id IS NULL THEN c_d ELSE c_d::float8 * n_d END)::float8 AS compliance_deployment_ym,
       sum(CASE WHEN query_id IS NULL THEN n_d ELSE n_d::float8 * n_d END)::float8 AS compliance_deployment_mm,
       sum(CASE WHEN query_id IS NULL THEN (yy + yn + ny + nn) ELSE ((yy + yn + ny + nn) > 0)::int END)::int AS gap_queries,
       sum(CASE WHEN query_id IS NULL THEN (yn + ny) ELSE (yn - ny)::float8 * (yn - ny) END)::float8 AS gap_yy,
       sum(CASE WHEN query_id IS NULL THEN (yn - ny) ELSE (yn - ny)::float8 * (yy + yn + ny + nn) END)::float8 AS gap_ym,
       sum(CASE WHEN query_id IS NULL THEN (yy + yn + ny + nn) ELSE (yy + yn + ny + nn)::float8 * (yy + yn + ny + nn) END)::float8 AS gap_mm,
       sum(CASE WHEN query_id IS NULL THEN any_side ELSE (any_side > 0)::int END)::int AS queries
  FROM per_query GROUP BY variation_id, source, compliance, alignment_faking
), labelled AS (
  SELECT variation_id, source, sum(pairs)::int AS pairs
  FROM label_signatures GROUP BY variation_id, source
)
INSERT INTO label_rate_counts (variation_id, source, compliance, alignment_faking, pairs, counts)
SELECT p.variation_id, p.source, p.compliance, p.alignment_faking, l.pairs,
       to_jsonb(p) - 'variation_id'::text - 'source'::text - 'compliance'::text - 'alignment_faking'::text
FROM per_variation p JOIN labelled l ON l.variation_id = p.variation_id AND l.source = p.source;
