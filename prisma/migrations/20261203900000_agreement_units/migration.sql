-- /agreement within 300 ms at 100,000 annotations (issue 17). The page counted vote
-- patterns and span overlaps over every submitted annotation on each request (4.3 s
-- and 3.9 s at 100,000 annotations and 232,000 spans). What it counts is per
-- transcript: the votes of each label in annotator order, and the span overlap sums
-- of each span label. Those become rows of the table `agreement_units`, kept by
-- triggers on the tables they are computed from, in the transaction that writes
-- them, as transcript_consensus is (migration 20261203660000). The page then groups
-- stored rows (lib/team/agreement/counts-sql.ts). The rule runs in ONE place, the
-- function agreement_units_of below; the live computation stays readable as the
-- view agreement_units_live (lib/team/agreement/units-table.db.test.ts holds the
-- table equal to it after random writes, and the page's figures equal to the
-- oracle computed from the raw ratings).

-- Rows of three kinds, for transcripts with submitted annotations:
--   'rated' (label_key ''): one per transcript with at least one submitted
--       annotation (the page lists every variation that has one);
--   'value': per key present in the `values` of two or more submitted annotations
--       of a transcript that has two or more: the annotators who gave it and
--       their values, both in annotator order (Cohen's rater 1, rater 2);
--   'span': per span label of any schema version, for a transcript with two or
--       more submitted annotations: every such annotator and whether they tagged
--       evidence with it; with span_overlap = the sum over pairs of those
--       annotations of 2 |A ∩ B| and span_total = the sum of |A| + |B| (characters
--       covered, int4multirange: overlapping and touching spans merge), so that
--       the span F1 of any set of transcripts is sum(overlap) / sum(total).
-- Span labels are those of every schema version, not only the current one (keys
-- are stable across versions; the page picks the current schema's): a new version
-- adding a span label rebuilds the table (trigger below), a rare lead action.
CREATE FUNCTION "agreement_units_of"("wanted" INTEGER[])
RETURNS TABLE ("transcript_id" INTEGER, "kind" TEXT, "label_key" TEXT, "variation_id" INTEGER, "annotators" TEXT[], "votes" JSONB,
               "span_overlap" BIGINT, "span_total" BIGINT)
LANGUAGE sql STABLE AS $$
WITH rated AS (
  SELECT a.id, a.transcript_id, a.annotator_id, a."values", count(*) OVER (PARTITION BY a.transcript_id) AS n
  FROM annotations a
  WHERE a.submitted_at IS NOT NULL AND (wanted IS NULL OR a.transcript_id = ANY(wanted))
), paired AS (
  SELECT * FROM rated WHERE n >= 2
), span_keys AS (
  SELECT DISTINCT l.label->>'key' AS key
  FROM label_schema_versions v CROSS JOIN LATERAL jsonb_array_elements(v.labels) AS l(label)
  WHERE l.label->>'kind' = 'span'
), tagged AS (
  SELECT s.annotation_id, array_agg(DISTINCT s.label_key) AS keys
  FROM annotation_spans s WHERE s.annotation_id IN (SELECT id FROM paired)
  GROUP BY s.annotation_id
), votes AS (
  SELECT p.transcript_id, 'value' AS kind, kv.key AS label_key, p.annotator_id, kv.value AS vote
  FROM paired p CROSS JOIN LATERAL jsonb_each(p."values") AS kv
  UNION ALL
  SELECT p.transcript_id, 'span', k.key, p.annotator_id, to_jsonb(k.key = ANY(coalesce(g.keys, '{}')))
  FROM paired p CROSS JOIN span_keys k LEFT JOIN tagged g ON g.annotation_id = p.id
), units AS (
  SELECT v.transcript_id, v.kind, v.label_key,
         array_agg(v.annotator_id ORDER BY v.annotator_id) AS annotators, jsonb_agg(v.vote ORDER BY v.annotator_id) AS votes
  FROM votes v GROUP BY v.transcript_id, v.kind, v.label_key
  HAVING count(*) >= 2
), covers AS (
  SELECT c.*, (SELECT sum(upper(x) - lower(x)) FROM unnest(c.cover) x) AS size
  FROM (
    SELECT p.transcript_id, s.annotation_id, s.label_key, p.n, range_agg(int4range(s.start, s."end")) AS cover
    FROM annotation_spans s JOIN paired p ON p.id = s.annotation_id
    WHERE s."end" > s.start AND s.label_key IN (SELECT key FROM span_keys)
    GROUP BY p.transcript_id, s.annotation_id, s.label_key, p.n
  ) c
), totals AS (
  SELECT c.transcript_id, c.label_key, sum(c.size * (c.n - 1))::bigint AS total
  FROM covers c GROUP BY c.transcript_id, c.label_key
), overlapped AS (
  SELECT x.transcript_id, x.label_key, sum(2 * coalesce((SELECT sum(upper(z) - lower(z)) FROM unnest(x.cover * y.cover) z), 0))::bigint AS overlap
  FROM covers x JOIN covers y ON y.transcript_id = x.transcript_id AND y.label_key = x.label_key AND y.annotation_id > x.annotation_id
  GROUP BY x.transcript_id, x.label_key
)
SELECT u.transcript_id, u.kind, u.label_key, t.variation_id, u.annotators, u.votes,
       coalesce(o.overlap, 0)::bigint, coalesce(s.total, 0)::bigint
FROM units u
JOIN transcripts t ON t.id = u.transcript_id
LEFT JOIN totals s ON u.kind = 'span' AND s.transcript_id = u.transcript_id AND s.label_key = u.label_key
LEFT JOIN overlapped o ON u.kind = 'span' AND o.transcript_id = u.transcript_id AND o.label_key = u.label_key
UNION ALL
SELECT r.transcript_id, 'rated', '', t.variation_id, array_agg(r.annotator_id ORDER BY r.annotator_id), '[]'::jsonb, 0::bigint, 0::bigint
FROM rated r JOIN transcripts t ON t.id = r.transcript_id
GROUP BY r.transcript_id, t.variation_id
$$;

-- The live computation over everything: what the table must always equal.
CREATE VIEW "agreement_units_live" AS SELECT * FROM agreement_units_of(NULL);

-- CreateTable
CREATE TABLE "agreement_units" (
    "transcript_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "label_key" TEXT NOT NULL,
    "variation_id" INTEGER NOT NULL,
    "annotators" TEXT[] NOT NULL,
    "votes" JSONB NOT NULL,
    "span_overlap" BIGINT NOT NULL DEFAULT 0,
    "span_total" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "agreement_units_pkey" PRIMARY KEY ("transcript_id","kind","label_key")
);

-- The transcript's variation is copied in (kept by the transcripts trigger below):
-- the page's default scope, every transcript, then groups this table alone, with no
-- join to the 1,000,000 transcripts. No foreign key, as for transcript_consensus: a
-- transcript's rows go when its annotations go (they cascade from it), and a key
-- would make `TRUNCATE transcripts, annotations, ...` (the demo seed) name this table.

-- Recomputes the rows of `wanted` transcripts, under the same row locks as
-- transcript_consensus_refresh (its comment says why: two annotators submitting on
-- one transcript at once must not each store units that miss the other's vote).
CREATE FUNCTION "agreement_units_refresh"("wanted" INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF wanted IS NULL OR cardinality(wanted) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM transcripts t WHERE t.id = ANY(wanted) ORDER BY t.id FOR NO KEY UPDATE;
  DELETE FROM agreement_units u WHERE u.transcript_id = ANY(wanted);
  INSERT INTO agreement_units SELECT * FROM agreement_units_of(wanted);
END $$;

-- Which transcripts a statement's rows touch. Only submitted annotations vote: a
-- draft's autosave (most writes) recomputes nothing.
CREATE FUNCTION "agreement_units_annotations_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  PERFORM agreement_units_refresh(touched);
  RETURN NULL;
END $$;

-- A span is evidence of its annotation's (if submitted); spans that go with their
-- annotation (cascade) find it gone, and the annotation's own trigger recomputes.
CREATE FUNCTION "agreement_units_spans_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  PERFORM agreement_units_refresh(touched);
  RETURN NULL;
END $$;

-- TRUNCATE of a source (the demo seed, the benchmarks' team corpus), or a schema
-- change that adds or drops a span label: rebuilt whole.
CREATE FUNCTION "agreement_units_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE agreement_units IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM agreement_units;
  INSERT INTO agreement_units SELECT * FROM agreement_units_live;
END $$;

CREATE FUNCTION "agreement_units_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM agreement_units_rebuild();
  RETURN NULL;
END $$;

-- The span labels of all schema versions, before and after a statement on
-- label_schema_versions: only a change of that set changes rows (most schema edits
-- reword, reorder or add value labels, and a restore re-inserts known versions).
CREATE FUNCTION "agreement_units_span_keys"("labels" JSONB[]) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT l.label->>'key' ORDER BY l.label->>'key'), '{}')
  FROM unnest(labels) AS v(labels) CROSS JOIN LATERAL jsonb_array_elements(v.labels) AS l(label)
  WHERE l.label->>'kind' = 'span'
$$;

CREATE FUNCTION "agreement_units_schema_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  now_keys TEXT[];
  before_keys TEXT[];
BEGIN
  SELECT agreement_units_span_keys(array_agg(v.labels)) INTO now_keys FROM label_schema_versions v;
  IF TG_OP = 'INSERT' THEN
    SELECT agreement_units_span_keys(array_agg(v.labels)) INTO before_keys
    FROM label_schema_versions v WHERE v.version NOT IN (SELECT n.version FROM new_rows n);
  ELSIF TG_OP = 'DELETE' THEN
    SELECT agreement_units_span_keys(array_agg(x.labels)) INTO before_keys
    FROM (SELECT v.labels FROM label_schema_versions v UNION ALL SELECT o.labels FROM old_rows o) x;
  ELSE
    SELECT agreement_units_span_keys(array_agg(x.labels)) INTO before_keys
    FROM (
      SELECT v.labels FROM label_schema_versions v WHERE v.version NOT IN (SELECT n.version FROM new_rows n)
      UNION ALL SELECT o.labels FROM old_rows o
    ) x;
  END IF;
  IF now_keys IS DISTINCT FROM before_keys THEN
    PERFORM agreement_units_rebuild();
  END IF;
  RETURN NULL;
END $$;

-- A transcript moved to another variation (rare: a re-import's correction) takes
-- its rows along. Per row, only when variation_id is written and changes.
CREATE FUNCTION "agreement_units_variation_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE agreement_units u SET variation_id = NEW.variation_id WHERE u.transcript_id = NEW.id;
  RETURN NULL;
END $$;

-- One trigger per event: PostgreSQL allows transition tables on single-event triggers only.
CREATE TRIGGER "agreement_units_annotations_insert" AFTER INSERT ON "annotations"
    REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "agreement_units_annotations_changed"();
CREATE TRIGGER "agreement_units_annotations_update" AFTER UPDATE ON "annotations"
    REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "agreement_units_annotations_changed"();
CREATE TRIGGER "agreement_units_annotations_delete" AFTER DELETE ON "annotations"
    REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "agreement_units_annotations_changed"();
CREATE TRIGGER "agreement_units_annotations_truncate" AFTER TRUNCATE ON "annotations"
    FOR EACH STATEMENT EXECUTE FUNCTION "agreement_units_truncated"();

CREATE TRIGGER "agreement_units_spans_insert" AFTER INSERT ON "annotation_spans"
    REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "agreement_units_spans_changed"();
CREATE TRIGGER "agreement_units_spans_update" AFTER UPDATE ON "annotation_spans"
    REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "agreement_units_spans_changed"();
CREATE TRIGGER "agreement_units_spans_delete" AFTER DELETE ON "annotation_spans"
    REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "agreement_units_spans_changed"();
CREATE TRIGGER "agreement_units_spans_truncate" AFTER TRUNCATE ON "annotation_spans"
    FOR EACH STATEMENT EXECUTE FUNCTION "agreement_units_truncated"();

CREATE TRIGGER "agreement_units_schema_insert" AFTER INSERT ON "label_schema_versions"
    REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "agreement_units_schema_changed"();
CREATE TRIGGER "agreement_units_schema_update" AFTER UPDATE ON "label_schema_versions"
    REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "agreement_units_schema_changed"();
CREATE TRIGGER "agreement_units_schema_delete" AFTER DELETE ON "label_schema_versions"
    REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "agreement_units_schema_changed"();
CREATE TRIGGER "agreement_units_schema_truncate" AFTER TRUNCATE ON "label_schema_versions"
    FOR EACH STATEMENT EXECUTE FUNCTION "agreement_units_truncated"();

CREATE TRIGGER "agreement_units_transcript_variation" AFTER UPDATE OF "variation_id" ON "transcripts"
    FOR EACH ROW WHEN (OLD.variation_id IS DISTINCT FROM NEW.variation_id) EXECUTE FUNCTION "agreement_units_variation_changed"();

-- Backfill: the units of every annotation stored so far.
INSERT INTO "agreement_units" SELECT * FROM "agreement_units_live";
