-- The query of a signature's pairs, kept when that query has several labelled pairs in the
-- variation (NULL otherwise: a one-pair query's moments are its counts). The charts sum the
-- signatures query by query for the clustered (design-effect) intervals. Derived data, rebuilt
-- with its variation: no foreign key, so truncating the queries with the demo corpus stays cheap.
ALTER TABLE "label_signatures" ADD COLUMN "query_id" INTEGER;

-- Rebuild every variation's rows with their queries (the same statement as
-- lib/analytics/label-signatures.ts, over all variations).
DELETE FROM label_signatures;
WITH sides AS (
  SELECT t.pair_id, t.variation_id, t.model_id, t.query_id, t.dataset_id, t.condition, sl.source,
         array_agg(sl.name ORDER BY sl.name) AS present,
         coalesce(array_agg(sl.name ORDER BY sl.name) FILTER (WHERE sl.value = 'true'), '{}') AS true_names
  FROM transcripts t JOIN source_labels sl ON sl.transcript_id = t.id
  GROUP BY t.pair_id, t.variation_id, t.model_id, t.query_id, t.dataset_id, t.condition, sl.source
), by_pair AS (
  SELECT variation_id, model_id, source,
         CASE WHEN count(*) OVER (PARTITION BY variation_id, source, query_id) > 1 THEN query_id END AS query_id,
         max(dataset_id) FILTER (WHERE condition = 'training') AS training_dataset_id,
         max(dataset_id) FILTER (WHERE condition = 'deployment') AS deployment_dataset_id,
         coalesce(max(present) FILTER (WHERE condition = 'training'), '{}') AS training_present,
         coalesce(max(true_names) FILTER (WHERE condition = 'training'), '{}') AS training_true,
         coalesce(max(present) FILTER (WHERE condition = 'deployment'), '{}') AS deployment_present,
         coalesce(max(true_names) FILTER (WHERE condition = 'deployment'), '{}') AS deployment_true
  FROM sides GROUP BY pair_id, variation_id, model_id, query_id, source
)
INSERT INTO label_signatures (variation_id, model_id, source, query_id, training_dataset_id, deployment_dataset_id,
                              training_present, training_true, deployment_present, deployment_true, pairs)
SELECT variation_id, model_id, source, query_id, training_dataset_id, deployment_dataset_id,
       training_present, training_true, deployment_present, deployment_true, count(*)::int
FROM by_pair
GROUP BY variation_id, model_id, source, query_id, training_dataset_id, deployment_dataset_id,
         training_present, training_true, deployment_present, deployment_true;
