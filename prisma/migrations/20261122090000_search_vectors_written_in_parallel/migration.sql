-- search_vector stops being GENERATED: computing to_tsvector inside the COPY
-- took about two thirds of the importing backend's time (measured on 30k demo
-- rows of ~5 KB: 41 s with the generated column, 17 s with the vector given).
-- The writer (lib/transcripts/search-vectors.ts) now has PostgreSQL compute the
-- vectors on a second connection, in parallel with the COPY, and sends them
-- along. The values stay what the generated column stored; DROP EXPRESSION
-- keeps them.
ALTER TABLE "transcripts" ALTER COLUMN "search_vector" DROP EXPRESSION;

-- Any other writer (SQL by hand, test fixtures) gets the same vector as
-- before: rows inserted without one, and rows whose text changes without a
-- new one, are filled once per statement (statement triggers, so a COPY keeps
-- its multi-row inserts; a row trigger would turn them off).
-- Statement triggers fire for zero rows too: each UPDATE below runs only when
-- there is something to fill, or the UPDATE's own trigger would recurse forever.
CREATE FUNCTION "transcript_search_vectors_fill_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "added_rows" WHERE "search_vector" IS NULL) THEN
    UPDATE "transcripts" t
       SET "search_vector" = to_tsvector('english'::regconfig, t."scratchpad_text" || ' ' || coalesce(t."final_output", ''))
     WHERE t."id" IN (SELECT "id" FROM "added_rows" WHERE "search_vector" IS NULL);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "transcript_search_vectors_fill_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stale int[];
BEGIN
  -- Rows left without a vector, or whose text changed while their vector did not.
  SELECT array_agg(n."id") INTO stale
    FROM "added_rows" n JOIN "removed_rows" o ON o."id" = n."id"
   WHERE n."search_vector" IS NULL
      OR (n."search_vector" IS NOT DISTINCT FROM o."search_vector"
          AND (n."scratchpad_text" IS DISTINCT FROM o."scratchpad_text" OR n."final_output" IS DISTINCT FROM o."final_output"));
  -- The nested UPDATE fires this again with unchanged text: nothing is stale there, so it stops.
  IF stale IS NOT NULL THEN
    UPDATE "transcripts" t
       SET "search_vector" = to_tsvector('english'::regconfig, t."scratchpad_text" || ' ' || coalesce(t."final_output", ''))
     WHERE t."id" = ANY (stale);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "transcript_search_vectors_insert" AFTER INSERT ON "transcripts"
    REFERENCING NEW TABLE AS "added_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_search_vectors_fill_inserted"();
CREATE TRIGGER "transcript_search_vectors_update" AFTER UPDATE ON "transcripts"
    REFERENCING OLD TABLE AS "removed_rows" NEW TABLE AS "added_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_search_vectors_fill_updated"();
