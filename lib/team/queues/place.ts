import "server-only";
import { pgPool } from "@/lib/db/pg-pool";

/**
 * Where an annotator is in a queue: the items they took, in the order they
 * took them (their history: back/forward walks it), how many they may still
 * take, and so "n of N". N is what this annotator will label if they finish:
 * what they took plus what is still open to them (an item with free slots
 * they never labelled), so it shrinks when others fill the slots first.
 */
export interface QueueStep {
  itemId: number;
  submitted: boolean;
  claimedAt: string;
  submittedAt: string | null;
}

export interface QueuePlace {
  steps: QueueStep[];
  /** Items this annotator could still claim (0 when the queue is closed). */
  open: number;
  total: number;
  done: number;
  /** Nothing in progress and nothing left to take. */
  finished: boolean;
}

const STEPS_SQL = `
SELECT i.id AS item_id, c.claimed_at, a.submitted_at
FROM label_queue_claims c JOIN label_queue_items i ON i.id = c.item_id
LEFT JOIN annotations a ON a.transcript_id = i.transcript_id AND a.annotator_id = c.annotator_id
WHERE i.queue_id = $1 AND c.annotator_id = $2
ORDER BY c.claimed_at, i.id`;

const OPEN_SQL = `
SELECT count(*)::int AS open FROM label_queue_items i JOIN label_queues q ON q.id = i.queue_id
WHERE i.queue_id = $1 AND q.closed_at IS NULL AND i.claims < q.annotators_per_item
  AND NOT EXISTS (SELECT 1 FROM label_queue_claims c WHERE c.item_id = i.id AND c.annotator_id = $2)
  AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = i.transcript_id AND a.annotator_id = $2 AND a.submitted_at IS NOT NULL)`;

export async function queuePlace(queueId: number, annotatorId: string): Promise<QueuePlace> {
  const pool = pgPool();
  const [steps, open] = await Promise.all([
    pool.query<{ item_id: number; claimed_at: Date; submitted_at: Date | null }>(STEPS_SQL, [queueId, annotatorId]),
    pool.query<{ open: number }>(OPEN_SQL, [queueId, annotatorId]),
  ]);
  const mine = steps.rows.map((row) => ({
    itemId: row.item_id,
    submitted: row.submitted_at !== null,
    claimedAt: row.claimed_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
  }));
  const done = mine.filter((step) => step.submitted).length;
  const openCount = open.rows[0].open;
  return { steps: mine, open: openCount, total: mine.length + openCount, done, finished: openCount === 0 && done === mine.length };
}

/** This item's place among the annotator's: 1-based position, and the items before and after it in their history. */
export function stepOf(place: QueuePlace, itemId: number) {
  const index = place.steps.findIndex((step) => step.itemId === itemId);
  return {
    position: index + 1,
    previous: index > 0 ? place.steps[index - 1].itemId : null,
    next: index >= 0 && index < place.steps.length - 1 ? place.steps[index + 1].itemId : null,
  };
}

/** The annotator's latest submit in the queue: what "Undo" takes back. */
export function lastSubmitted(place: QueuePlace): QueueStep | null {
  return place.steps.filter((step) => step.submittedAt).sort((a, b) => (a.submittedAt! < b.submittedAt! ? 1 : -1))[0] ?? null;
}
