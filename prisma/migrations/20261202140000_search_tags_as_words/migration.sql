-- Tags become searchable words. PostgreSQL's text-search parser reads
-- "<request_fully_accepted/>" as an XML tag and indexes nothing for it, so the
-- very signal of compliance could not be searched for. The indexed document
-- now has "<" and ">" replaced by spaces ("request_fully_accepted/" is the
-- words request, fully, accepted in a row: websearch_to_tsquery makes the same
-- phrase of the query, whose "<" and ">" the app replaces too). The writer
-- (lib/transcripts/search-vectors.ts searchDocument) builds the same string.
CREATE OR REPLACE FUNCTION "transcript_search_vectors_fill_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "added_rows" WHERE "search_vector" IS NULL) THEN
    UPDATE "transcripts" t
       SET "search_vector" = to_tsvector('english'::regconfig,
             translate(t."scratchpad_text" || ' ' || coalesce(t."final_output", ''), '<>', '  '))
     WHERE t."id" IN (SELECT "id" FROM "added_rows" WHERE "search_vector" IS NULL);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "transcript_search_vectors_fill_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stale int[];
BEGIN
  SELECT array_agg(n."id") INTO stale
    FROM "added_rows" n JOIN "removed_rows" o ON o."id" = n."id"
   WHERE n."search_vector" IS NULL
      OR (n."search_vector" IS NOT DISTINCT FROM o."search_vector"
          AND (n."scratchpad_text" IS DISTINCT FROM o."scratchpad_text" OR n."final_output" IS DISTINCT FROM o."final_output"));
  IF stale IS NOT NULL THEN
    UPDATE "transcripts" t
       SET "search_vector" = to_tsvector('english'::regconfig,
             translate(t."scratchpad_text" || ' ' || coalesce(t."final_output", ''), '<>', '  '))
     WHERE t."id" = ANY (stale);
  END IF;
  RETURN NULL;
END $$;

-- Rows already stored get the new vector only where it can differ: text holding a "<" or ">".
UPDATE "transcripts"
   SET "search_vector" = to_tsvector('english'::regconfig,
         translate("scratchpad_text" || ' ' || coalesce("final_output", ''), '<>', '  '))
 WHERE strpos("scratchpad_text" || coalesce("final_output", ''), '<') > 0
    OR strpos("scratchpad_text" || coalesce("final_output", ''), '>') > 0;
