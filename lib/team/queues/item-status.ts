import "server-only";
import { pgPool } from "@/lib/db/pg-pool";

/**
 * A lead's list of a queue's items: per item, each annotator who took a slot
 * and how far they got ("submitted" or "in progress"), and the item's state
 * ("complete" once as many annotators submitted as the queue asks for).
 */
export type SlotStatus = "submitted" | "in progress";

export interface QueueItemStatus {
  itemId: number;
  transcriptId: number;
  /** annotator id → their status; absent = not taken by them. */
  slots: Record<string, SlotStatus>;
  submitted: number;
  complete: boolean;
}

const ITEMS_SQL = `
SELECT i.id AS item_id, i.transcript_id, q.annotators_per_item,
       COALESCE(jsonb_object_agg(c.annotator_id, a.submitted_at IS NOT NULL) FILTER (WHERE c.annotator_id IS NOT NULL), '{}'::jsonb) AS slots
FROM label_queue_items i JOIN label_queues q ON q.id = i.queue_id
LEFT JOIN label_queue_claims c ON c.item_id = i.id
LEFT JOIN annotations a ON a.transcript_id = i.transcript_id AND a.annotator_id = c.annotator_id
WHERE i.queue_id = $1
GROUP BY i.id, i.transcript_id, q.annotators_per_item
ORDER BY i.id
LIMIT $2`;

export const QUEUE_ITEMS_SHOWN = 500;

export async function queueItemStatuses(queueId: number): Promise<QueueItemStatus[]> {
  const { rows } = await pgPool().query<{
    item_id: number;
    transcript_id: number;
    annotators_per_item: number;
    slots: Record<string, boolean>;
  }>(ITEMS_SQL, [queueId, QUEUE_ITEMS_SHOWN]);
  return rows.map((row) => {
    const slots = Object.fromEntries(
      Object.entries(row.slots).map(([annotator, submitted]) => [annotator, submitted ? "submitted" : "in progress"] as const),
    );
    const submitted = Object.values(row.slots).filter(Boolean).length;
    return { itemId: row.item_id, transcriptId: row.transcript_id, slots, submitted, complete: submitted >= row.annotators_per_item };
  });
}
