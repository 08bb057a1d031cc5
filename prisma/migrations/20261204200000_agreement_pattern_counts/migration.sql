-- /agreement within 300 ms at 100,000 annotations (issue 17): the page's unfiltered view
-- (every variation) read counts kept by the write path instead of grouping agreement_units.
-- Grouping the units took 1,280 ms for the vote patterns (two parallel scans of 400,000
-- rows) and 288 ms for the span sums, on every request; what it produced is a few
-- thousand counts per variation and label that change by a handful per save.
--
-- agreement_pattern_counts: per variation, kind and label, per tuple of votes (in
-- annotator order): how many units had it (n), and the span sums of those units (a
-- span label's sums per variation are the sum over its patterns). Kind 'rated'
-- (label_key '', votes []) counts a variation's labelled transcripts: the page lists
-- every variation that has one.
-- agreement_annotator_counts: per variation, kind and label, per annotator: in how many
-- units they voted. The page needs only who voted (a set); n says when the last unit of
-- an annotator went, so the row can go.
--
-- Both kept by deltas in agreement_units_recompute (below), which every write path runs
-- at commit (human_labels_flush, migrations 20261203900300 and 20261204100000; that
-- mechanism is unchanged here): the transcript's old units (deleted) count -1,
-- its new units +1, netted per key, and applied in key order (two commits that touch the
-- same keys lock them in the same order, so neither waits on the other while holding a
-- key the other wants); a row whose n reaches 0 is deleted. Filtered views (a queue, a
-- setting, a model, a dataset) still group agreement_units for the transcripts in scope.
-- lib/team/agreement/units-table.db.test.ts holds both tables equal to counts of
-- agreement_units_live after random writes.

CREATE TABLE "agreement_pattern_counts" (
    "variation_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "label_key" TEXT NOT NULL,
    "votes" JSONB NOT NULL,
    "n" INTEGER NOT NULL,
    "span_overlap" BIGINT NOT NULL DEFAULT 0,
    "span_total" BIGINT NOT NULL DEFAULT 0,
    -- Units with span_total > 0: the span F1's items.
    "spanned" INTEGER NOT NULL DEFAULT 0,

    -- No CHECK (n >= 0): PostgreSQL checks the row an upsert proposes (a delta, often
    -- negative) before it finds the conflict. The test compares with the live counts.
    CONSTRAINT "agreement_pattern_counts_pkey" PRIMARY KEY ("variation_id", "kind", "label_key", "votes")
);

CREATE TABLE "agreement_annotator_counts" (
    "variation_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "label_key" TEXT NOT NULL,
    "annotator_id" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "agreement_annotator_counts_pkey" PRIMARY KEY ("variation_id", "kind", "label_key", "annotator_id")
);

-- The counts of a set of units: what both tables must equal for all of agreement_units
-- (the rebuild below and the test use them).
CREATE VIEW "agreement_pattern_counts_of_units" AS
SELECT u.variation_id, u.kind, u.label_key, u.votes, count(*)::int AS n,
       sum(u.span_overlap)::bigint AS span_overlap, sum(u.span_total)::bigint AS span_total,
       count(*) FILTER (WHERE u.span_total > 0)::int AS spanned
FROM agreement_units u GROUP BY u.variation_id, u.kind, u.label_key, u.votes;

CREATE VIEW "agreement_annotator_counts_of_units" AS
SELECT u.variation_id, u.kind, u.label_key, a.annotator_id, count(*)::int AS n
FROM agreement_units u CROSS JOIN LATERAL unnest(u.annotators) AS a(annotator_id)
WHERE u.kind <> 'rated'
GROUP BY u.variation_id, u.kind, u.label_key, a.annotator_id;

-- The recompute of migration 20261203900000 (renamed in 20261203900300), now with the
-- deltas. The new units are computed once, kept in an array, and both inserted and
-- counted; the old ones are counted from what the DELETE returns.
CREATE OR REPLACE FUNCTION "agreement_units_recompute"("wanted" INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  fresh agreement_units[];
  gone agreement_units[];
  zero_patterns agreement_pattern_counts[];
  zero_annotators agreement_annotator_counts[];
BEGIN
  IF wanted IS NULL OR cardinality(wanted) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM transcripts t WHERE t.id = ANY(wanted) ORDER BY t.id FOR NO KEY UPDATE;
  fresh := ARRAY(SELECT ROW(f.*)::agreement_units FROM agreement_units_of(wanted) f);
  WITH deleted AS (DELETE FROM agreement_units u WHERE u.transcript_id = ANY(wanted) RETURNING u.*)
  SELECT coalesce(array_agg(ROW(d.*)::agreement_units), '{}') INTO gone FROM deleted d;
  INSERT INTO agreement_units SELECT * FROM unnest(fresh);

  WITH change AS (
    SELECT c.variation_id, c.kind, c.label_key, c.votes, sum(c.sign)::int AS n,
           sum(c.sign * c.span_overlap)::bigint AS span_overlap, sum(c.sign * c.span_total)::bigint AS span_total,
           sum(c.sign) FILTER (WHERE c.span_total > 0)::int AS spanned
    FROM (SELECT g.*, -1 AS sign FROM unnest(gone) g UNION ALL SELECT f.*, 1 FROM unnest(fresh) f) c
    GROUP BY c.variation_id, c.kind, c.label_key, c.votes
  ), applied AS (
    INSERT INTO agreement_pattern_counts AS p (variation_id, kind, label_key, votes, n, span_overlap, span_total, spanned)
    SELECT c.variation_id, c.kind, c.label_key, c.votes, c.n, c.span_overlap, c.span_total, coalesce(c.spanned, 0)
    FROM change c
    WHERE c.n <> 0 OR c.span_overlap <> 0 OR c.span_total <> 0 OR coalesce(c.spanned, 0) <> 0
    ORDER BY c.variation_id, c.kind, c.label_key, c.votes
    ON CONFLICT (variation_id, kind, label_key, votes) DO UPDATE
      SET n = p.n + excluded.n, span_overlap = p.span_overlap + excluded.span_overlap,
          span_total = p.span_total + excluded.span_total, spanned = p.spanned + excluded.spanned
    RETURNING p.*
  )
  SELECT array_agg(ROW(a.*)::agreement_pattern_counts) INTO zero_patterns FROM applied a WHERE a.n = 0;
  IF zero_patterns IS NOT NULL THEN
    DELETE FROM agreement_pattern_counts p USING unnest(zero_patterns) z
    WHERE p.variation_id = z.variation_id AND p.kind = z.kind AND p.label_key = z.label_key AND p.votes = z.votes AND p.n = 0;
  END IF;

  WITH change AS (
    SELECT c.variation_id, c.kind, c.label_key, a.annotator_id, sum(c.sign)::int AS n
    FROM (SELECT g.*, -1 AS sign FROM unnest(gone) g UNION ALL SELECT f.*, 1 FROM unnest(fresh) f) c
    CROSS JOIN LATERAL unnest(c.annotators) AS a(annotator_id)
    WHERE c.kind <> 'rated'
    GROUP BY c.variation_id, c.kind, c.label_key, a.annotator_id
    HAVING sum(c.sign) <> 0
  ), applied AS (
    INSERT INTO agreement_annotator_counts AS q (variation_id, kind, label_key, annotator_id, n)
    SELECT c.variation_id, c.kind, c.label_key, c.annotator_id, c.n
    FROM change c
    ORDER BY c.variation_id, c.kind, c.label_key, c.annotator_id
    ON CONFLICT (variation_id, kind, label_key, annotator_id) DO UPDATE SET n = q.n + excluded.n
    RETURNING q.*
  )
  SELECT array_agg(ROW(a.*)::agreement_annotator_counts) INTO zero_annotators FROM applied a WHERE a.n = 0;
  IF zero_annotators IS NOT NULL THEN
    DELETE FROM agreement_annotator_counts q USING unnest(zero_annotators) z
    WHERE q.variation_id = z.variation_id AND q.kind = z.kind AND q.label_key = z.label_key AND q.annotator_id = z.annotator_id
      AND q.n = 0;
  END IF;
END $$;

-- TRUNCATE of a source, or a change of the span labels: the counts are rebuilt with the units.
CREATE OR REPLACE FUNCTION "agreement_units_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE agreement_units, agreement_pattern_counts, agreement_annotator_counts IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM agreement_units;
  INSERT INTO agreement_units SELECT * FROM agreement_units_live;
  DELETE FROM agreement_pattern_counts;
  INSERT INTO agreement_pattern_counts SELECT * FROM agreement_pattern_counts_of_units;
  DELETE FROM agreement_annotator_counts;
  INSERT INTO agreement_annotator_counts SELECT * FROM agreement_annotator_counts_of_units;
END $$;

-- A transcript moved to another variation took its units along by an UPDATE of
-- agreement_units, which would leave the counts behind. Now the move notes the
-- transcript (when it has units) as a save does (human_labels_note), and the recompute
-- at commit moves the units and their counts together, with the same deltas and locks.
-- (transcript_consensus, recomputed with it, holds no variation: a no-op rewrite there.)
CREATE OR REPLACE FUNCTION "agreement_units_variation_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM agreement_units u WHERE u.transcript_id = NEW.id) THEN
    PERFORM human_labels_note(ARRAY[NEW.id]);
  END IF;
  RETURN NULL;
END $$;

-- Backfill.
INSERT INTO "agreement_pattern_counts" SELECT * FROM "agreement_pattern_counts_of_units";
INSERT INTO "agreement_annotator_counts" SELECT * FROM "agreement_annotator_counts_of_units";
