-- Human-label charts, agreement and adjudication at a real team's scale (issue 17):
-- the consensus was a view computed over every submitted annotation on each read
-- (100,000 annotations: every chart aggregated them all). It becomes a table,
-- `transcript_consensus`, with the view's columns and rows, kept by triggers on the
-- tables it is computed from, in the transaction that writes them. Readers keep
-- their SQL (the name is the same); the rule itself still runs in ONE place, the
-- function transcript_consensus_of below, and the live computation stays readable
-- as the view transcript_consensus_live (lib/team/consensus-table.db.test.ts holds
-- the table equal to it after random writes).

DROP VIEW "transcript_consensus";

-- The consensus rule of migration 20261122070000_team_labelling (its header says
-- the rule in words), unchanged but for the scope: the transcripts in `wanted`, or
-- every transcript when `wanted` is NULL. A set, not one id: a bulk write (an
-- import, a restore) recomputes all its transcripts in one statement.
CREATE FUNCTION "transcript_consensus_of"("wanted" INTEGER[])
RETURNS TABLE ("transcript_id" INTEGER, "label_key" TEXT, "value" JSONB, "method" TEXT, "annotators" INTEGER, "top_votes" INTEGER, "votes" JSONB)
LANGUAGE sql STABLE AS $$
WITH given AS (
  SELECT a.transcript_id, kv.key AS label_key, kv.value
  FROM annotations a CROSS JOIN LATERAL jsonb_each(a."values") AS kv
  WHERE a.submitted_at IS NOT NULL AND (wanted IS NULL OR a.transcript_id = ANY(wanted))
  UNION ALL
  SELECT a.transcript_id, l.label->>'key',
         to_jsonb(EXISTS (SELECT 1 FROM annotation_spans s WHERE s.annotation_id = a.id AND s.label_key = l.label->>'key'))
  FROM annotations a
  JOIN label_schema_versions v ON v.version = a.schema_version
  CROSS JOIN LATERAL jsonb_array_elements(v.labels) AS l(label)
  WHERE a.submitted_at IS NOT NULL AND l.label->>'kind' = 'span' AND (wanted IS NULL OR a.transcript_id = ANY(wanted))
), votes AS (
  SELECT g.transcript_id, g.label_key, g.value, count(*)::int AS votes
  FROM given g GROUP BY g.transcript_id, g.label_key, g.value
), tallies AS (
  SELECT v.transcript_id, v.label_key,
         sum(v.votes)::int AS annotators,
         (array_agg(v.value ORDER BY v.votes DESC, v.value))[1] AS top_value,
         (array_agg(v.votes ORDER BY v.votes DESC))[1] AS top_votes,
         COALESCE((array_agg(v.votes ORDER BY v.votes DESC))[2], 0) AS runner_up_votes,
         jsonb_object_agg(v.value #>> '{}', v.votes) AS votes
  FROM votes v GROUP BY v.transcript_id, v.label_key
), decided AS (
  SELECT j.transcript_id, j.label_key, j.value FROM adjudications j
  WHERE wanted IS NULL OR j.transcript_id = ANY(wanted)
), keyed AS (
  SELECT t.transcript_id, t.label_key FROM tallies t
  UNION
  SELECT d.transcript_id, d.label_key FROM decided d
)
SELECT k.transcript_id,
       k.label_key,
       CASE
         WHEN j.transcript_id IS NOT NULL THEN j.value
         WHEN t.annotators >= 1 AND t.top_votes * 2 > t.annotators THEN t.top_value
       END AS value,
       CASE
         WHEN j.transcript_id IS NOT NULL THEN 'adjudicated'
         WHEN t.annotators = 1 THEN 'single'
         WHEN t.annotators >= 2 AND t.top_votes = t.annotators THEN 'unanimous'
         WHEN t.annotators >= 2 AND t.top_votes * 2 > t.annotators THEN 'majority'
         ELSE 'undecided'
       END AS method,
       COALESCE(t.annotators, 0) AS annotators,
       COALESCE(t.top_votes, 0) AS top_votes,
       COALESCE(t.votes, '{}'::jsonb) AS votes
FROM keyed k
LEFT JOIN tallies t ON t.transcript_id = k.transcript_id AND t.label_key = k.label_key
LEFT JOIN decided j ON j.transcript_id = k.transcript_id AND j.label_key = k.label_key
$$;

-- The live computation over everything: what the table must always equal.
CREATE VIEW "transcript_consensus_live" AS SELECT * FROM transcript_consensus_of(NULL);

-- CreateTable
CREATE TABLE "transcript_consensus" (
    "transcript_id" INTEGER NOT NULL,
    "label_key" TEXT NOT NULL,
    "value" JSONB,
    "method" TEXT NOT NULL,
    "annotators" INTEGER NOT NULL,
    "top_votes" INTEGER NOT NULL,
    "votes" JSONB NOT NULL,

    CONSTRAINT "transcript_consensus_pkey" PRIMARY KEY ("transcript_id","label_key")
);

-- CreateIndex: the charts read one label key over all transcripts.
CREATE INDEX "transcript_consensus_label_key_transcript_id_idx" ON "transcript_consensus"("label_key", "transcript_id");

-- No foreign key to transcripts: a transcript's rows go when its annotations and
-- adjudications go (both cascade from it), and a key would make
-- `TRUNCATE transcripts, annotations, ...` (the demo seed) name this table too.

-- Recomputes the rows of `wanted` transcripts. Two transactions writing labels of
-- one transcript at once (two annotators submitting) must not each store a
-- consensus that misses the other's vote: each first locks the transcripts' rows
-- (in id order, so two bulk writes cannot deadlock), and a statement that starts
-- after the lock is granted sees what the other transaction committed. Row locks,
-- not advisory locks: a restore of 50,000 transcripts in one transaction would run
-- out of the shared lock table. FOR NO KEY UPDATE does not block the key-share
-- locks that inserting an annotation takes on its transcript.
CREATE FUNCTION "transcript_consensus_refresh"("wanted" INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF wanted IS NULL OR cardinality(wanted) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM transcripts t WHERE t.id = ANY(wanted) ORDER BY t.id FOR NO KEY UPDATE;
  DELETE FROM transcript_consensus c WHERE c.transcript_id = ANY(wanted);
  INSERT INTO transcript_consensus SELECT * FROM transcript_consensus_of(wanted);
END $$;

-- Which transcripts a statement's rows touch. Only submitted annotations vote:
-- a draft's autosave (most writes) changes nothing here and recomputes nothing.
CREATE FUNCTION "transcript_consensus_annotations_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  PERFORM transcript_consensus_refresh(touched);
  RETURN NULL;
END $$;

-- A span is a vote of its annotation's (if submitted); spans that go with their
-- annotation (cascade) find it gone, and the annotation's own trigger recomputes.
CREATE FUNCTION "transcript_consensus_spans_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  PERFORM transcript_consensus_refresh(touched);
  RETURN NULL;
END $$;

CREATE FUNCTION "transcript_consensus_adjudications_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  PERFORM transcript_consensus_refresh(touched);
  RETURN NULL;
END $$;

-- TRUNCATE of any source (the demo seed, the benchmarks' team corpus): rebuilt whole.
CREATE FUNCTION "transcript_consensus_rebuild"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE transcript_consensus IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM transcript_consensus;
  INSERT INTO transcript_consensus SELECT * FROM transcript_consensus_live;
  RETURN NULL;
END $$;

-- One trigger per event: PostgreSQL allows transition tables on single-event triggers only.
CREATE TRIGGER "transcript_consensus_annotations_insert" AFTER INSERT ON "annotations"
    REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_consensus_annotations_changed"();
CREATE TRIGGER "transcript_consensus_annotations_update" AFTER UPDATE ON "annotations"
    REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_consensus_annotations_changed"();
CREATE TRIGGER "transcript_consensus_annotations_delete" AFTER DELETE ON "annotations"
    REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_consensus_annotations_changed"();
CREATE TRIGGER "transcript_consensus_annotations_truncate" AFTER TRUNCATE ON "annotations"
    FOR EACH STATEMENT EXECUTE FUNCTION "transcript_consensus_rebuild"();

CREATE TRIGGER "transcript_consensus_spans_insert" AFTER INSERT ON "annotation_spans"
    REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_consensus_spans_changed"();
CREATE TRIGGER "transcript_consensus_spans_update" AFTER UPDATE ON "annotation_spans"
    REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_consensus_spans_changed"();
CREATE TRIGGER "transcript_consensus_spans_delete" AFTER DELETE ON "annotation_spans"
    REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_consensus_spans_changed"();
CREATE TRIGGER "transcript_consensus_spans_truncate" AFTER TRUNCATE ON "annotation_spans"
    FOR EACH STATEMENT EXECUTE FUNCTION "transcript_consensus_rebuild"();

CREATE TRIGGER "transcript_consensus_adjudications_insert" AFTER INSERT ON "adjudications"
    REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_consensus_adjudications_changed"();
CREATE TRIGGER "transcript_consensus_adjudications_update" AFTER UPDATE ON "adjudications"
    REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_consensus_adjudications_changed"();
CREATE TRIGGER "transcript_consensus_adjudications_delete" AFTER DELETE ON "adjudications"
    REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "transcript_consensus_adjudications_changed"();
CREATE TRIGGER "transcript_consensus_adjudications_truncate" AFTER TRUNCATE ON "adjudications"
    FOR EACH STATEMENT EXECUTE FUNCTION "transcript_consensus_rebuild"();

-- Backfill: the consensus of every label stored so far.
INSERT INTO "transcript_consensus" SELECT * FROM "transcript_consensus_live";
