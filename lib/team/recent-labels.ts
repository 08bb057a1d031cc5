import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { blindHoldSql } from "./blind-hold-sql";

/**
 * An annotator's own latest annotations, for their home page. Held
 * transcripts (an open blind queue's, not yet submitted) are left out: outside
 * the queue they do not exist for the annotator, so their ids must not show.
 */
export interface RecentLabel {
  transcriptId: number;
  variation: string;
  submitted: boolean;
  updatedAt: string;
  labelCount: number;
}

export async function recentOwnLabels(annotatorId: string, limit = 8): Promise<RecentLabel[]> {
  const rows = await db().$queryRaw<
    { transcript_id: number; variation: string; submitted: boolean; updated_at: Date; label_count: number }[]
  >(
    Prisma.sql`
      SELECT a.transcript_id, v.name AS variation, a.submitted_at IS NOT NULL AS submitted, a.updated_at,
             (SELECT count(*)::int FROM jsonb_object_keys(a."values")) AS label_count
      FROM annotations a JOIN transcripts t ON t.id = a.transcript_id JOIN pairs p ON p.id = t.pair_id JOIN prompt_variations v ON v.id = p.variation_id
      WHERE a.annotator_id = ${annotatorId} AND NOT ${blindHoldSql(annotatorId)}
      ORDER BY a.updated_at DESC, a.id DESC
      LIMIT ${limit}`,
  );
  return rows.map((row) => ({
    transcriptId: row.transcript_id,
    variation: row.variation,
    submitted: row.submitted,
    updatedAt: row.updated_at.toISOString(),
    labelCount: row.label_count,
  }));
}
