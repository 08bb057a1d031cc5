import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The transcripts whose consensus value for the value label `labelKey` is a
 * number (the chart filter's "Consensus (N transcripts)"). It once recounted
 * that key's votes here, because the consensus view built every label of every
 * annotated transcript before any filter applied (1.7 s at 10,000 annotations);
 * the consensus is now a table kept by the write path (migration
 * 20261203660000), so this reads its rows of one key (index on label_key).
 * consensus-count.db.test.ts holds it to the rule's cases.
 */
export function numericConsensusIdsSql(labelKey: string): Prisma.Sql {
  return Prisma.sql`
    SELECT c.transcript_id FROM transcript_consensus c WHERE c.label_key = ${labelKey} AND jsonb_typeof(c.value) = 'number'`;
}

export function numericConsensusCountSql(labelKey: string): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM (${numericConsensusIdsSql(labelKey)}) ids`;
}
