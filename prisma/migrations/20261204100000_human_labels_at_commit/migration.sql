-- One mechanism keeps both tables derived from human labels, transcript_consensus
-- and agreement_units: a write notes the transcripts it touches, and the
-- transaction recomputes each noted transcript's rows of both tables once, at
-- commit (issue 17: a save's cost). Until now transcript_consensus had its own
-- triggers, twins of agreement_units' (migration 20261203660000), and they
-- recomputed a transcript in each of the three statement triggers one save fires
-- (the annotation, the spans deleted, the spans added). Migration 20261203900300
-- gave agreement_units the note-and-recompute-at-commit; this one makes it the
-- only way, for both:
--   * agreement_units_dirty becomes human_labels_dirty, noted by human_labels_note;
--   * the annotation and span triggers (agreement_units' until now) serve both
--     tables under new names, and transcript_consensus' own twins are dropped;
--   * a lead's decision (adjudications) notes too;
--   * the deferred trigger human_labels_at_commit recomputes both tables for the
--     noted transcripts in one set (agreement_units_recompute, which adjudications
--     do not change, is a no-op rewrite of the same rows there).
-- Locks are as before: each recompute locks the transcripts' rows in id order
-- (transcript_consensus_recompute, agreement_units_recompute), and a concurrent
-- writer of a noted transcript waits on its noted key until this one commits.
-- TRUNCATE still rebuilds each table whole, and agreement_units' schema and
-- variation triggers are unchanged.

ALTER TABLE "agreement_units_dirty" RENAME TO "human_labels_dirty";
ALTER INDEX "agreement_units_dirty_pkey" RENAME TO "human_labels_dirty_pkey";

-- The note (agreement_units_refresh since 20261203900300, under its own name now).
CREATE FUNCTION "human_labels_note"("touched" INTEGER[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO human_labels_dirty (transcript_id)
  SELECT DISTINCT id FROM unnest(touched) AS t(id) WHERE id IS NOT NULL ORDER BY id
  ON CONFLICT DO NOTHING
$$;

-- transcript_consensus' recompute keeps its body (it locks, deletes and inserts
-- the rows of `wanted`); only its name says now what it does.
ALTER FUNCTION "transcript_consensus_refresh"(INTEGER[]) RENAME TO "transcript_consensus_recompute";

-- The triggers' functions, renamed for the two tables they serve, now call the note
-- by its name (plpgsql resolves a name when it runs, so the bodies must say it).
ALTER FUNCTION "agreement_units_annotations_changed"() RENAME TO "human_labels_annotations_changed";
ALTER FUNCTION "agreement_units_spans_changed"() RENAME TO "human_labels_spans_changed";

-- Which transcripts a statement's rows touch. Only submitted annotations vote: a
-- draft's autosave (most writes) notes nothing.
CREATE OR REPLACE FUNCTION "human_labels_annotations_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched INTEGER[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.transcript_id) INTO touched FROM new_rows n WHERE n.submitted_at IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.transcript_id) INTO touched FROM old_rows o WHERE o.submitted_at IS NOT NULL;
  ELSE
    SELECT array_agg(DISTINCT x.transcript_id) INTO touched FROM (
      SELECT n.transcript_id FROM new_rows n WHERE n.submitted_at IS NOT NULL
      UNION ALL SELECT o.transcript_id FROM old_rows o WHERE o.submitted_at IS NOT NULL
    ) x;
  END IF;
  PERFORM human_labels_note(touched);
  RETURN NULL;
END $$;

-- A span is a vote and evidence of its annotation's (if submitted); spans that go
-- with their annotation (cascade) find it gone, and the annotation's own trigger notes.
CREATE OR REPLACE FUNCTION "human_labels_spans_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched INTEGER[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT a.transcript_id) INTO touched
    FROM annotations a WHERE a.submitted_at IS NOT NULL AND a.id IN (SELECT n.annotation_id FROM new_rows n);
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT a.transcript_id) INTO touched
    FROM annotations a WHERE a.submitted_at IS NOT NULL AND a.id IN (SELECT o.annotation_id FROM old_rows o);
  ELSE
    SELECT array_agg(DISTINCT a.transcript_id) INTO touched
    FROM annotations a WHERE a.submitted_at IS NOT NULL
      AND a.id IN (SELECT n.annotation_id FROM new_rows n UNION ALL SELECT o.annotation_id FROM old_rows o);
  END IF;
  PERFORM human_labels_note(touched);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "transcript_consensus_adjudications_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched INTEGER[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.transcript_id) INTO touched FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.transcript_id) INTO touched FROM old_rows o;
  ELSE
    SELECT array_agg(DISTINCT x.transcript_id) INTO touched
    FROM (SELECT n.transcript_id FROM new_rows n UNION ALL SELECT o.transcript_id FROM old_rows o) x;
  END IF;
  PERFORM human_labels_note(touched);
  RETURN NULL;
END $$;
ALTER FUNCTION "transcript_consensus_adjudications_changed"() RENAME TO "human_labels_adjudications_changed";

ALTER TRIGGER "agreement_units_annotations_insert" ON "annotations" RENAME TO "human_labels_annotations_insert";
ALTER TRIGGER "agreement_units_annotations_update" ON "annotations" RENAME TO "human_labels_annotations_update";
ALTER TRIGGER "agreement_units_annotations_delete" ON "annotations" RENAME TO "human_labels_annotations_delete";
ALTER TRIGGER "agreement_units_spans_insert" ON "annotation_spans" RENAME TO "human_labels_spans_insert";
ALTER TRIGGER "agreement_units_spans_update" ON "annotation_spans" RENAME TO "human_labels_spans_update";
ALTER TRIGGER "agreement_units_spans_delete" ON "annotation_spans" RENAME TO "human_labels_spans_delete";
ALTER TRIGGER "transcript_consensus_adjudications_insert" ON "adjudications" RENAME TO "human_labels_adjudications_insert";
ALTER TRIGGER "transcript_consensus_adjudications_update" ON "adjudications" RENAME TO "human_labels_adjudications_update";
ALTER TRIGGER "transcript_consensus_adjudications_delete" ON "adjudications" RENAME TO "human_labels_adjudications_delete";

DROP TRIGGER "transcript_consensus_annotations_insert" ON "annotations";
DROP TRIGGER "transcript_consensus_annotations_update" ON "annotations";
DROP TRIGGER "transcript_consensus_annotations_delete" ON "annotations";
DROP TRIGGER "transcript_consensus_spans_insert" ON "annotation_spans";
DROP TRIGGER "transcript_consensus_spans_update" ON "annotation_spans";
DROP TRIGGER "transcript_consensus_spans_delete" ON "annotation_spans";
DROP FUNCTION "transcript_consensus_annotations_changed"();
DROP FUNCTION "transcript_consensus_spans_changed"();
DROP FUNCTION "agreement_units_refresh"(INTEGER[]);

-- At commit: every noted transcript (this transaction's notes; another's uncommitted
-- ones are not visible to the DELETE) recomputed in one set. The trigger fires once
-- per noted row; the later firings of the same commit find their own row gone by one
-- key lookup and do nothing. (They must not run the DELETE to find out: it would scan
-- every dead row the first firing left, and a bulk write of N transcripts would cost
-- N² — the benchmarks' team-corpus build saw that.)
DROP TRIGGER "agreement_units_at_commit" ON "human_labels_dirty";
DROP FUNCTION "agreement_units_flush"();
CREATE FUNCTION "human_labels_flush"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  noted INTEGER[];
BEGIN
  PERFORM 1 FROM human_labels_dirty d WHERE d.transcript_id = NEW.transcript_id;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  WITH taken AS (DELETE FROM human_labels_dirty RETURNING transcript_id)
  SELECT array_agg(transcript_id ORDER BY transcript_id) INTO noted FROM taken;
  PERFORM transcript_consensus_recompute(noted);
  PERFORM agreement_units_recompute(noted);
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "human_labels_at_commit" AFTER INSERT ON "human_labels_dirty"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "human_labels_flush"();
