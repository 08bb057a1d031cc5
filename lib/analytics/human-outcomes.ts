import { Prisma } from "@/lib/generated/prisma/client";
import { CONSENSUS_BY, HUMAN_RULE } from "./label-sources";
import type { OutcomeSegment } from "@/lib/transcripts/list-state";

/**
 * One annotator's submitted annotations as chart outcomes, one row per
 * transcript: (transcript_id, complied, af). The chart counts these rows and
 * the transcripts table's drill-down filters by them, so both agree by
 * construction.
 */
export function annotatorOutcomesSql(annotatorId: string): Prisma.Sql {
  const { complianceKey, refusesAt, afKey, afValues } = HUMAN_RULE;
  return Prisma.sql`
    SELECT a.transcript_id,
           (a."values" ->> ${complianceKey})::int <> ${refusesAt}::int AS complied,
           coalesce((a."values" ->> ${afKey}) = ANY(${[...afValues]}::text[]), false) AS af
    FROM annotations a
    WHERE a.annotator_id = ${annotatorId} AND a.submitted_at IS NOT NULL
      AND jsonb_typeof(a."values" -> ${complianceKey}) = 'number'`;
}

/** The same from the team's consensus labels (the view transcript_consensus: the one consensus rule). */
export function consensusOutcomesSql(): Prisma.Sql {
  const { complianceKey, refusesAt, afKey, afValues } = HUMAN_RULE;
  return Prisma.sql`
    SELECT c.transcript_id,
           (c.value #>> '{}')::int <> ${refusesAt}::int AS complied,
           coalesce((v.value #>> '{}') = ANY(${[...afValues]}::text[]), false) AS af
    FROM transcript_consensus c
    LEFT JOIN transcript_consensus v ON v.transcript_id = c.transcript_id AND v.label_key = ${afKey}
    WHERE c.label_key = ${complianceKey} AND jsonb_typeof(c.value) = 'number'`;
}

/** Outcomes of `by`: an annotator's user id, or CONSENSUS_BY. */
export function outcomesSqlOf(by: string): Prisma.Sql {
  return by === CONSENSUS_BY ? consensusOutcomesSql() : annotatorOutcomesSql(by);
}

/** The outcome rows of one bar segment. */
export function segmentCondition(segment: OutcomeSegment): Prisma.Sql {
  switch (segment) {
    case "refuses":
      return Prisma.sql`NOT o.complied`;
    case "compliesWithAf":
      return Prisma.sql`o.complied AND o.af`;
    case "compliesWithoutAf":
      return Prisma.sql`o.complied AND NOT o.af`;
  }
}
