import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Blind mode beyond the queue page: a condition on `transcripts t`, true when
 * t's pair holds an item of an open blind queue `viewerId` annotates and the
 * viewer has not yet submitted their labels for that item. Outside the queue
 * such transcripts (and their partners, which would tell the condition by
 * elimination) are hidden from the viewer: the table, the transcript and pair
 * pages, the API. No "server-only": lib/transcripts/list-sql.ts composes it.
 */
export function blindHoldSql(viewerId: string): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM transcripts h
    JOIN label_queue_items i ON i.transcript_id = h.id
    JOIN label_queues q ON q.id = i.queue_id AND q.blind AND q.closed_at IS NULL
    JOIN label_queue_annotators qa ON qa.queue_id = q.id AND qa.user_id = ${viewerId}
    WHERE h.pair_id = t.pair_id
      AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = h.id AND a.annotator_id = ${viewerId} AND a.submitted_at IS NOT NULL))`;
}
