-- Browse and compare: indexes for the transcripts table's filters, sorts and
-- text search, and exact counts per filter cell kept by triggers.
-- Measured on 1,000,000 transcripts: see bench/list.ts and the README.

-- The planner's default random_page_cost (4) assumes spinning disks: it then
-- prefers hashing a million source labels to probing a few thousand through
-- an index (measured: 280 ms against 60 ms for a label filter within one
-- variation). Set for this database, so the app, scripts and psql plan alike;
-- skipped, with a notice, where the role may not alter the database.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET random_page_cost = 1.1', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'random_page_cost left unchanged: %', SQLERRM;
END $$;

-- Full-text search over the scratchpad and the final output: a generated
-- column, so that no insert path has to compute it (COPY included).
ALTER TABLE "transcripts" ADD COLUMN "search_vector" tsvector
    GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "scratchpad_text" || ' ' || coalesce("final_output", ''))) STORED;
-- Kept in the row (compressed) rather than in the TOAST table: rechecking a
-- phrase or walking matches in id order then reads no TOAST (measured on 1M:
-- the in-order walk of a common word went from 24 ms to 3 ms).
ALTER TABLE "transcripts" ALTER COLUMN "search_vector" SET STORAGE MAIN;
CREATE INDEX "x_transcripts_search" ON "transcripts" USING GIN ("search_vector");

-- The user input lives once in queries.text: its own expression index.
CREATE INDEX "x_queries_search" ON "queries" USING GIN (to_tsvector('english'::regconfig, "text"));

-- Sorting by scratchpad length, keyset-paginated on (length, id).
CREATE INDEX "x_transcripts_scratchpad_length" ON "transcripts" (length("scratchpad_text"), "id");

-- CreateIndex
CREATE INDEX "transcripts_variation_id_model_id_condition_id_idx" ON "transcripts"("variation_id", "model_id", "condition", "id");

-- CreateIndex
CREATE INDEX "transcripts_setting_id_model_id_condition_id_idx" ON "transcripts"("setting_id", "model_id", "condition", "id");

-- CreateIndex
CREATE INDEX "transcripts_query_id_idx" ON "transcripts"("query_id");

-- CreateTable
CREATE TABLE "transcript_counts" (
    "variation_id" INTEGER NOT NULL,
    "model_id" INTEGER NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "condition" "Condition" NOT NULL,
    "setting_id" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "transcript_counts_pkey" PRIMARY KEY ("variation_id","model_id","dataset_id","condition")
);

-- Kept exact by statement-level triggers with transition tables: one grouped
-- upsert per INSERT/COPY/UPDATE/DELETE statement, not one per row.
CREATE FUNCTION "transcript_counts_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "transcript_counts" ("variation_id", "model_id", "dataset_id", "condition", "setting_id", "count")
  SELECT "variation_id", "model_id", "dataset_id", "condition", min("setting_id"), count(*)
  FROM "added_rows" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("variation_id", "model_id", "dataset_id", "condition")
  DO UPDATE SET "count" = "transcript_counts"."count" + EXCLUDED."count";
  RETURN NULL;
END $$;

CREATE FUNCTION "transcript_counts_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "transcript_counts" c SET "count" = c."count" - r."n"
  FROM (SELECT "variation_id", "model_id", "dataset_id", "condition", count(*) AS "n"
        FROM "removed_rows" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4) r
  WHERE c."variation_id" = r."variation_id" AND c."model_id" = r."model_id" AND c."dataset_id" = r."dataset_id" AND c."condition" = r."condition";
  DELETE FROM "transcript_counts" WHERE "count" <= 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "transcript_counts_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "transcript_counts";
  RETURN NULL;
END $$;

CREATE TRIGGER "transcript_counts_insert" AFTER INSERT ON "transcripts"
    REFERENCING NEW TABLE AS "added_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_counts_add"();
CREATE TRIGGER "transcript_counts_delete" AFTER DELETE ON "transcripts"
    REFERENCING OLD TABLE AS "removed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_counts_remove"();
-- An update is a removal of the old rows and an addition of the new ones.
CREATE TRIGGER "transcript_counts_update_remove" AFTER UPDATE ON "transcripts"
    REFERENCING OLD TABLE AS "removed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_counts_remove"();
CREATE TRIGGER "transcript_counts_update_add" AFTER UPDATE ON "transcripts"
    REFERENCING NEW TABLE AS "added_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_counts_add"();
CREATE TRIGGER "transcript_counts_truncate" AFTER TRUNCATE ON "transcripts"
    FOR EACH STATEMENT EXECUTE FUNCTION "transcript_counts_clear"();

INSERT INTO "transcript_counts" ("variation_id", "model_id", "dataset_id", "condition", "setting_id", "count")
SELECT "variation_id", "model_id", "dataset_id", "condition", min("setting_id"), count(*)
FROM "transcripts" GROUP BY 1, 2, 3, 4;
