import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The two statements behind the agreement figures. For a scope (a queue, a
 * setting, a model, a dataset) both group the rows of `agreement_units`
 * (migration 20261203900000): per transcript with submitted annotations, each
 * label's votes in annotator order and each span label's overlap sums, kept by
 * the write path. At 100,000 annotations, counting over every annotation on each
 * request took 4.3 s and 3.9 s; grouping the stored rows reads at most one row
 * per labelled transcript and label. For every transcript (scope null, the
 * page's default) they read the counts of those units, also kept by the write
 * path (agreement_pattern_counts, agreement_annotator_counts: migration
 * 20261204200000): grouping all 400,000 units took 1.3 s.
 */

/**
 * Which items count: `transcripts`, a condition on `transcripts t` (a queue, a model, a dataset);
 * `variations`, a condition on `prompt_variations v` (a setting). Units and the stored counts both
 * carry their variation, so a scope of variations alone is read from the stored counts.
 */
export interface CountsScope {
  transcripts: Prisma.Sql | null;
  variations: Prisma.Sql | null;
}

const ofVariations = (variations: Prisma.Sql | null) =>
  variations ? Prisma.sql`AND u.variation_id IN (SELECT v.id FROM prompt_variations v WHERE ${variations})` : Prisma.empty;

/** A scope that narrows the transcripts, as a condition on `agreement_units u` (a wider one reads the stored counts). */
const inScope = (transcripts: Prisma.Sql, variations: Prisma.Sql | null) =>
  Prisma.sql`u.transcript_id IN (SELECT t.id FROM transcripts t WHERE ${transcripts}) ${ofVariations(variations)}`;

/**
 * Vote patterns: per variation and label, how many items (transcripts with two
 * or more ratings of the label) got each tuple of votes, the votes in annotator
 * order (so that with two annotators the tuple is Cohen's [rater 1, rater 2]).
 * A span label's vote is whether the annotation tagged evidence with it.
 * Rows of three kinds, told apart by which columns are null:
 *   votes + items:      a pattern;
 *   annotators + items: a set of annotators who rated items of that variation and label together;
 *   only variation:     a variation with submitted annotations (it gets an entry even without items).
 * Two plain GROUP BYs of the units, each a scan of at most one row per labelled
 * transcript and label (parallel workers split them): grouping once by votes and
 * annotators together and rolling that up took three times as long (25,000
 * groups of wide keys at 100,000 annotations).
 */
export function votePatternsSql(scope: CountsScope, valueKeys: readonly string[], spanKeys: readonly string[]): Prisma.Sql {
  if (!scope.transcripts) return storedVotePatternsSql(valueKeys, spanKeys, scope.variations);
  const scoped = inScope(scope.transcripts, scope.variations);
  const labelled = Prisma.sql`${ofLabels(valueKeys, spanKeys)} AND ${scoped}`;
  return Prisma.sql`
    SELECT u.variation_id, u.label_key, u.votes, count(*)::int AS items, NULL::text[] AS annotators
    FROM agreement_units u WHERE ${labelled}
    GROUP BY u.variation_id, u.label_key, u.votes
    UNION ALL
    SELECT u.variation_id, u.label_key, NULL, count(*)::int, u.annotators
    FROM agreement_units u WHERE ${labelled}
    GROUP BY u.variation_id, u.label_key, u.annotators
    UNION ALL
    SELECT DISTINCT u.variation_id, NULL, NULL::jsonb, NULL::int, NULL::text[]
    FROM agreement_units u WHERE u.kind = 'rated' AND ${scoped}`;
}

/** The current schema's labels among units or counts `u` (a span label's key is matched among span rows only). */
const ofLabels = (valueKeys: readonly string[], spanKeys: readonly string[]) =>
  Prisma.sql`((u.kind = 'value' AND u.label_key = ANY(${valueKeys}::text[])) OR (u.kind = 'span' AND u.label_key = ANY(${spanKeys}::text[])))`;

/**
 * Every transcript (the page's default view), or every transcript of some variations
 * (a chart's setting): the same rows read from the counts the write path keeps
 * (migration 20261204200000), a few thousand rows instead of grouping every unit
 * (1.3 s at 100,000 annotations; a setting's units through its transcripts, 0.8 s
 * at 1,000,000 transcripts). Annotators come one per row (the page takes the union
 * of who voted).
 */
function storedVotePatternsSql(valueKeys: readonly string[], spanKeys: readonly string[], variations: Prisma.Sql | null): Prisma.Sql {
  const labelled = Prisma.sql`${ofLabels(valueKeys, spanKeys)} ${ofVariations(variations)}`;
  return Prisma.sql`
    SELECT u.variation_id, u.label_key, u.votes, u.n AS items, NULL::text[] AS annotators
    FROM agreement_pattern_counts u WHERE ${labelled}
    UNION ALL
    SELECT u.variation_id, u.label_key, NULL, u.n, ARRAY[u.annotator_id]
    FROM agreement_annotator_counts u WHERE ${labelled}
    UNION ALL
    SELECT u.variation_id, NULL, NULL::jsonb, NULL::int, NULL::text[]
    FROM agreement_pattern_counts u WHERE u.kind = 'rated' ${ofVariations(variations)}`;
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
 * as lib/team/agreement/span-f1.ts spanOverlap, in integers, so the F1 is exact:
 * stored per transcript (span_overlap, span_total), summed here.
 */
export function spanOverlapSql(scope: CountsScope, spanKeys: readonly string[]): Prisma.Sql {
  // Every transcript (of some variations): the sums kept per pattern (migration 20261204200000), summed over patterns.
  if (!scope.transcripts)
    return Prisma.sql`
    SELECT u.variation_id, u.label_key, sum(u.span_overlap)::float8 AS overlap, sum(u.span_total)::float8 AS total, sum(u.spanned)::int AS items
    FROM agreement_pattern_counts u
    WHERE u.kind = 'span' AND u.label_key = ANY(${spanKeys}::text[]) ${ofVariations(scope.variations)}
    GROUP BY u.variation_id, u.label_key
    HAVING sum(u.spanned) > 0`;
  return Prisma.sql`
    SELECT u.variation_id, u.label_key, sum(u.span_overlap)::float8 AS overlap, sum(u.span_total)::float8 AS total, count(*)::int AS items
    FROM agreement_units u
    WHERE u.kind = 'span' AND u.label_key = ANY(${spanKeys}::text[]) AND u.span_total > 0 AND ${inScope(scope.transcripts, scope.variations)}
    GROUP BY u.variation_id, u.label_key`;
}

export interface SpanOverlapRow {
  variation_id: number;
  label_key: string;
  overlap: number;
  total: number;
  items: number;
}
