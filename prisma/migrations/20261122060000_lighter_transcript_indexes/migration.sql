-- Fewer indexes on transcripts make every bulk load cheaper.
-- The output-length sort is gone from the list; its index goes with it.
DROP INDEX IF EXISTS "x_transcripts_output_length";

-- (variation, condition) filters are served by (variation, model, condition, id)
-- through PostgreSQL 18's B-tree skip scan over the two models.
DROP INDEX IF EXISTS "transcripts_variation_id_condition_id_idx";
