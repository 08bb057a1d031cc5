-- agreement_units recomputed once per transaction, at commit (issue 17: a save's cost).
-- One save is one statement that writes annotations and annotation_spans (deletes
-- and inserts): three statement triggers fired, and each recomputed the same
-- transcript (three times 4-10 ms; the save's SQL went from 7 ms to 38 ms p50).
-- Now the triggers only note the touched transcripts in agreement_units_dirty
-- (a transcript noted once per transaction: ON CONFLICT DO NOTHING inserts no row,
-- so no second trigger fires), and a deferred constraint trigger on that table
-- recomputes at commit, when every statement of the transaction is done. The
-- first deferred firing takes every noted transcript (the DELETE sees this
-- transaction's rows; another transaction's uncommitted ones are not visible to
-- it) and recomputes them in one set, as the statement triggers did for a bulk
-- write; the later firings of the same commit find their rows gone and do nothing.
-- A concurrent writer of the same transcript waits on the noted key until this
-- transaction commits, as it waited on the transcript's row lock before.
CREATE TABLE "agreement_units_dirty" (
  "transcript_id" INTEGER NOT NULL PRIMARY KEY
);

-- The recompute itself keeps its body under a new name; `agreement_units_refresh`, which the
-- annotation and span triggers call, becomes the note (plpgsql resolves the name when it runs,
-- so the triggers of migration 20261203900000 call the new one unchanged).
ALTER FUNCTION "agreement_units_refresh"(INTEGER[]) RENAME TO "agreement_units_recompute";

CREATE FUNCTION "agreement_units_refresh"("touched" INTEGER[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO agreement_units_dirty (transcript_id)
  SELECT DISTINCT id FROM unnest(touched) AS t(id) WHERE id IS NOT NULL ORDER BY id
  ON CONFLICT DO NOTHING
$$;

CREATE FUNCTION "agreement_units_flush"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  noted INTEGER[];
BEGIN
  WITH taken AS (DELETE FROM agreement_units_dirty RETURNING transcript_id)
  SELECT array_agg(transcript_id ORDER BY transcript_id) INTO noted FROM taken;
  PERFORM agreement_units_recompute(noted);
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "agreement_units_at_commit" AFTER INSERT ON "agreement_units_dirty"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "agreement_units_flush"();
