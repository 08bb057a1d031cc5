import { Prisma } from "@/lib/generated/prisma/client";
import type { ConsensusCondition } from "./consensus-filter";

/**
 * (No "server-only" here: the transcripts table's SQL builder, lib/transcripts/list-sql.ts,
 * composes it. The rule's stored answers are the table transcript_consensus; see lib/team/consensus.ts.)
 */
/**
 * The table filter: a condition on `transcripts t` that all `conditions` hold
 * for its consensus. Each condition is a semi-join on the table (its
 * (label_key, transcript_id) index), not a probe per row.
 */
export function consensusFilterSql(conditions: readonly ConsensusCondition[]): Prisma.Sql {
  if (conditions.length === 0) return Prisma.sql`TRUE`;
  const parts = conditions.map((condition) => {
    const test =
      "method" in condition ? Prisma.sql`c.method = ${condition.method}` : Prisma.sql`c.value = ${JSON.stringify(condition.value)}::jsonb`;
    return Prisma.sql`t.id IN (SELECT c.transcript_id FROM transcript_consensus c WHERE c.label_key = ${condition.key} AND ${test})`;
  });
  return Prisma.join(parts, " AND ");
}
