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
 * Rows of three kinds, told apart by which columns are null:
 *   votes + items:  a pattern;
 *   annotators:     who rated the items of that variation and label;
 *   only variation: a variation with submitted annotations (it gets an entry even without items).
 */
export function votePatternsSql(where: Prisma.Sql, valueKeys: readonly string[], spanKeys: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    WITH ${rated(where)},
    tagged AS (
      SELECT DISTINCT s.annotation_id, s.label_key
      FROM annotation_spans s JOIN rated r ON r.id = s.annotation_id
      WHERE s.label_key = ANY(${spanKeys}::text[])
    ),
    votes AS (
      SELECT r.transcript_id, r.variation_id, r.annotator_id, k.key AS label_key, r."values" -> k.key AS vote
      FROM rated r CROSS JOIN unnest(${valueKeys}::text[]) k(key)
      WHERE r."values" ? k.key
      UNION ALL
      SELECT r.transcript_id, r.variation_id, r.annotator_id, k.key, to_jsonb(g.annotation_id IS NOT NULL)
      FROM rated r CROSS JOIN unnest(${spanKeys}::text[]) k(key)
      LEFT JOIN tagged g ON g.annotation_id = r.id AND g.label_key = k.key
    ),
    units AS MATERIALIZED (
      SELECT variation_id, label_key, jsonb_agg(vote ORDER BY annotator_id) AS votes, array_agg(annotator_id) AS annotators
      FROM votes GROUP BY transcript_id, variation_id, label_key
      HAVING count(*) >= 2
    )
    SELECT variation_id, label_key, votes, count(*)::int AS items, NULL::text[] AS annotators
    FROM units GROUP BY variation_id, label_key, votes
    UNION ALL
    SELECT variation_id, label_key, NULL, NULL, array_agg(DISTINCT annotator)
    FROM units CROSS JOIN unnest(annotators) annotator GROUP BY variation_id, label_key
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
 * Span overlap sums per variation and span label: for every pair of annotations
 * of one transcript where at least one tagged the label, 2 |A ∩ B| and |A| + |B|
 * over the characters their spans cover (int4multirange: overlapping and
 * touching spans merge), and the transcripts that had such a pair. The same sums
 * as lib/team/agreement/span-f1.ts spanOverlap, in integers, so the F1 is exact.
 */
export function spanOverlapSql(where: Prisma.Sql, spanKeys: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    WITH ${rated(where)},
    covers AS (
      SELECT c.annotation_id, c.label_key, c.cover, (SELECT sum(upper(r) - lower(r)) FROM unnest(c.cover) r)::int AS size
      FROM (
        SELECT s.annotation_id, s.label_key, range_agg(int4range(s.start, s."end")) AS cover
        FROM annotation_spans s JOIN rated r ON r.id = s.annotation_id
        WHERE s.label_key = ANY(${spanKeys}::text[]) AND s."end" > s.start
        GROUP BY s.annotation_id, s.label_key
      ) c
    ),
    pairs AS (
      SELECT x.transcript_id, x.variation_id, k.key AS label_key, cx.cover AS a, cy.cover AS b,
             coalesce(cx.size, 0) + coalesce(cy.size, 0) AS size
      FROM rated x JOIN rated y ON y.transcript_id = x.transcript_id AND y.id > x.id
      CROSS JOIN unnest(${spanKeys}::text[]) k(key)
      LEFT JOIN covers cx ON cx.annotation_id = x.id AND cx.label_key = k.key
      LEFT JOIN covers cy ON cy.annotation_id = y.id AND cy.label_key = k.key
      WHERE cx.annotation_id IS NOT NULL OR cy.annotation_id IS NOT NULL
    )
    SELECT variation_id, label_key,
           sum(2 * coalesce((SELECT sum(upper(r) - lower(r)) FROM unnest(a * b) r), 0))::float8 AS overlap,
           sum(size)::float8 AS total,
           count(DISTINCT transcript_id)::int AS items
    FROM pairs GROUP BY variation_id, label_key`;
}

export interface SpanOverlapRow {
  variation_id: number;
  label_key: string;
  overlap: number;
  total: number;
  items: number;
}
