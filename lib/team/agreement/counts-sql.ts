import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The two statements behind the agreement figures. Both start from `rated`,
 * the submitted annotations of the scope, and return only counts: a few rows
 * per label and variation however many annotations there are (at 100,000
 * annotations, reading every rating and span into Node took seconds).
 */

/** The submitted annotations of the scope (`where` is a condition on `annotations a` and `transcripts t`). */
const rated = (where: Prisma.Sql) => Prisma.sql`
  rated AS MATERIALIZED (
    SELECT a.id, a.transcript_id, t.variation_id, a.annotator_id, a."values"
    FROM annotations a JOIN transcripts t ON t.id = a.transcript_id
    WHERE ${where}
  )`;

/**
 * Vote patterns: per variation and label, how many items (transcripts with two
 * or more ratings of the label) got each tuple of votes, the votes in annotator
 * order (so that with two annotators the tuple is Cohen's [rater 1, rater 2]).
 * A span label's vote is whether the annotation tagged evidence with it.
 *
 * One pass over the annotations grouped by transcript, every label's tuple an
 * ordered aggregate of that group (the input sorted once by transcript and
 * annotator), then unpivoted: a first version that made one row per annotation
 * and label (800,000 at 100,000 annotations) and sorted those took 17 s.
 * Rows of three kinds, told apart by which columns are null:
 *   votes + items:      a pattern;
 *   annotators + items: a set of annotators who rated items of that variation and label together;
 *   only variation:     a variation with submitted annotations (it gets an entry even without items).
 */
export function votePatternsSql(where: Prisma.Sql, valueKeys: readonly string[], spanKeys: readonly string[]): Prisma.Sql {
  const keys = [...valueKeys, ...spanKeys];
  if (keys.length === 0) return Prisma.sql`WITH ${rated(where)} SELECT DISTINCT variation_id, NULL AS label_key FROM rated`;
  const perLabel = keys.map((key, i) => {
    const rated = i < valueKeys.length ? Prisma.sql`r."values" ? ${key}::text` : Prisma.sql`true`;
    const vote = i < valueKeys.length ? Prisma.sql`r."values" -> ${key}::text` : Prisma.sql`to_jsonb(${key}::text = ANY(r.tagged))`;
    return Prisma.sql`jsonb_agg(${vote} ORDER BY r.annotator_id) FILTER (WHERE ${rated}),
      array_agg(r.annotator_id ORDER BY r.annotator_id) FILTER (WHERE ${rated})`;
  });
  const unpivot = keys.map((key, i) => Prisma.sql`(${key}::text, i.votes_${Prisma.raw(String(i))}, i.annotators_${Prisma.raw(String(i))})`);
  const columns = keys.map((_, i) => Prisma.raw(`votes_${i}, annotators_${i}`));
  return Prisma.sql`
    WITH ${rated(where)},
    tagged AS (
      SELECT s.annotation_id, array_agg(s.label_key) AS keys
      FROM annotation_spans s
      WHERE s.label_key = ANY(${spanKeys}::text[]) AND s.annotation_id IN (SELECT id FROM rated)
      GROUP BY s.annotation_id
    ),
    items (variation_id, ${Prisma.join(columns)}) AS (
      SELECT min(r.variation_id), ${Prisma.join(perLabel)}
      FROM (SELECT r.*, coalesce(g.keys, '{}') AS tagged FROM rated r LEFT JOIN tagged g ON g.annotation_id = r.id) r
      GROUP BY r.transcript_id
      HAVING count(*) >= 2
    ),
    units AS MATERIALIZED (
      SELECT i.variation_id, u.label_key, u.votes, u.annotators
      FROM items i CROSS JOIN LATERAL (VALUES ${Prisma.join(unpivot)}) u(label_key, votes, annotators)
      WHERE cardinality(u.annotators) >= 2
    )
    SELECT variation_id, label_key, votes, count(*)::int AS items, NULL::text[] AS annotators
    FROM units GROUP BY variation_id, label_key, votes
    UNION ALL
    SELECT variation_id, label_key, NULL, count(*)::int, annotators
    FROM units GROUP BY variation_id, label_key, annotators
    UNION ALL
    SELECT DISTINCT variation_id, NULL, NULL::jsonb, NULL::int, NULL::text[] FROM rated`;
}

export interface VotePatternRow {
  variation_id: number;
  label_key: string | null;
  votes: (string | number | boolean)[] | null;
  items: number | null;
  annotators: string[] | null;
}

/**
 * Span overlap sums per variation and span label, over every pair of annotations
 * of one transcript where at least one tagged the label: 2 |A ∩ B| and |A| + |B|
 * over the characters their spans cover (int4multirange: overlapping and
 * touching spans merge), and the transcripts that had such a pair. The same sums
 * as lib/team/agreement/span-f1.ts spanOverlap, in integers, so the F1 is exact.
 * Without listing the pairs: a cover of size |A| enters |A| + |B| once per other
 * annotation of its transcript, and only pairs that both tagged can overlap.
 */
export function spanOverlapSql(where: Prisma.Sql, spanKeys: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    WITH ${rated(where)},
    others AS (
      SELECT transcript_id, count(*) - 1 AS others FROM rated GROUP BY transcript_id HAVING count(*) >= 2
    ),
    covers AS MATERIALIZED (
      SELECT r.transcript_id, r.variation_id, c.annotation_id, c.label_key, c.cover, o.others,
             (SELECT sum(upper(x) - lower(x)) FROM unnest(c.cover) x) AS size
      FROM (
        SELECT s.annotation_id, s.label_key, range_agg(int4range(s.start, s."end")) AS cover
        FROM annotation_spans s
        WHERE s.label_key = ANY(${spanKeys}::text[]) AND s."end" > s.start AND s.annotation_id IN (SELECT id FROM rated)
        GROUP BY s.annotation_id, s.label_key
      ) c
      JOIN rated r ON r.id = c.annotation_id JOIN others o ON o.transcript_id = r.transcript_id
    ),
    span_overlaps AS (
      SELECT x.variation_id, x.label_key, sum(2 * coalesce((SELECT sum(upper(z) - lower(z)) FROM unnest(x.cover * y.cover) z), 0)) AS overlap
      FROM covers x JOIN covers y ON y.transcript_id = x.transcript_id AND y.label_key = x.label_key AND y.annotation_id > x.annotation_id
      GROUP BY x.variation_id, x.label_key
    ),
    totals AS (
      SELECT variation_id, label_key, sum(size * others) AS total, count(DISTINCT transcript_id) AS items
      FROM covers GROUP BY variation_id, label_key
    )
    SELECT t.variation_id, t.label_key, coalesce(o.overlap, 0)::float8 AS overlap, t.total::float8 AS total, t.items::int AS items
    FROM totals t LEFT JOIN span_overlaps o ON o.variation_id = t.variation_id AND o.label_key = t.label_key`;
}

export interface SpanOverlapRow {
  variation_id: number;
  label_key: string;
  overlap: number;
  total: number;
  items: number;
}
