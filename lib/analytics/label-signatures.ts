import type pg from "pg";
import { refreshLabelRateCounts } from "./label-rate-counts";

/**
 * Keeps label_signatures, and the chart's counts stored from them
 * (label-rate-counts.ts), in step with source_labels. A variation's rows are
 * rebuilt whole: new transcripts can complete pairs that already had one side,
 * so only a whole variation's pairs give the right paired counts.
 *
 * Call it inside the transaction that wrote the transcripts (the seed, an
 * import), with the variations it touched: readers then never see transcripts
 * without their counts. Source labels never change after they are stored, so
 * nothing else invalidates the rows.
 */
export async function refreshLabelSignatures(client: pg.ClientBase, variationIds: number[]): Promise<void> {
  if (variationIds.length === 0) return;
  await client.query("DELETE FROM label_signatures WHERE variation_id = ANY($1::int[])", [variationIds]);
  // Per transcript and source: which labels it has, which are true; then per pair both
  // sides side by side; then pairs counted per distinct signature. A query with one
  // labelled pair in the variation (most) needs no query_id: its moments are its counts.
  await client.query(
    `WITH sides AS (
       SELECT t.pair_id, t.variation_id, t.model_id, t.query_id, t.dataset_id, t.condition, sl.source,
              array_agg(sl.name ORDER BY sl.name) AS present,
              coalesce(array_agg(sl.name ORDER BY sl.name) FILTER (WHERE sl.value = 'true'), '{}') AS true_names
       FROM transcripts t JOIN source_labels sl ON sl.transcript_id = t.id
       WHERE t.variation_id = ANY($1::int[])
       GROUP BY t.pair_id, t.variation_id, t.model_id, t.query_id, t.dataset_id, t.condition, sl.source
     ), by_pair AS (
       SELECT variation_id, model_id, source,
              -- Kept only when the query has several labelled pairs in the variation (clustered intervals).
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
              training_present, training_true, deployment_present, deployment_true`,
    [variationIds],
  );
  await refreshLabelRateCounts(client, variationIds);
}
