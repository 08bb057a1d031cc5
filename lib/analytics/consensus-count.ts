import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The transcripts whose consensus value (view transcript_consensus) for the
 * value label `labelKey` is a number, without the view. The view builds every
 * label of every annotated transcript (span labels included, each an EXISTS per
 * annotation) before the filter applies: 1.7 s at 10,000 annotations here, and
 * linear in them. For one value label only its votes matter, so this reads that
 * key's votes and the adjudications alone (0.1 s there). Same rule: an
 * adjudication decides; otherwise a strict majority of the submitted votes.
 * Not for span labels (their votes are EXISTS of spans). Proven equal to the
 * view in consensus-count.db.test.ts.
 */
export function numericConsensusIdsSql(labelKey: string): Prisma.Sql {
  return Prisma.sql`
    WITH votes AS (
      SELECT a.transcript_id, a."values" -> ${labelKey} AS value, count(*)::int AS votes
      FROM annotations a WHERE a.submitted_at IS NOT NULL AND a."values" -> ${labelKey} IS NOT NULL
      GROUP BY 1, 2
    ), tallies AS (
      SELECT transcript_id, sum(votes) AS annotators, max(votes) AS top_votes,
             (array_agg(value ORDER BY votes DESC, value))[1] AS top_value
      FROM votes GROUP BY 1
    )
    SELECT j.transcript_id FROM adjudications j WHERE j.label_key = ${labelKey} AND jsonb_typeof(j.value) = 'number'
    UNION ALL
    SELECT t.transcript_id FROM tallies t
    WHERE t.top_votes * 2 > t.annotators AND jsonb_typeof(t.top_value) = 'number'
      AND NOT EXISTS (SELECT 1 FROM adjudications j WHERE j.transcript_id = t.transcript_id AND j.label_key = ${labelKey})`;
}

export function numericConsensusCountSql(labelKey: string): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM (${numericConsensusIdsSql(labelKey)}) ids`;
}
