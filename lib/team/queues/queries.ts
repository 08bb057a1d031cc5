import "server-only";
import { db } from "@/lib/db/client";

/**
 * Reading queues: lists and progress for leads, membership and item access
 * for annotators. "Done" for an annotator means a submitted annotation of the
 * item's transcript (drafts are work in progress).
 */
export interface QueueSummary {
  id: number;
  name: string;
  description: string;
  blind: boolean;
  /** Hides imported labels and judge suggestions until submit (a blind queue always does). */
  hideSuggestions: boolean;
  annotatorsPerItem: number;
  closed: boolean;
  createdAt: string;
  createdBy: string;
  items: number;
  /** Slots the queue needs filled: items x annotators per item. */
  slots: number;
  claimed: number;
  submitted: number;
  /** Items with as many submitted annotations as the queue asks for. */
  complete: number;
}

export async function listQueues(filter: { memberId?: string; queueId?: number } = {}): Promise<QueueSummary[]> {
  const rows = await db().$queryRaw<
    {
      id: number;
      name: string;
      description: string;
      blind: boolean;
      hide_suggestions: boolean;
      annotators_per_item: number;
      closed_at: Date | null;
      created_at: Date;
      created_by: string;
      items: number;
      claimed: number;
      submitted: number;
      complete: number;
    }[]
  >`
    -- Progress in one pass over the chosen queues' items (hash joins of items, claims and submitted
    -- annotations), grouped per item and then per queue. It was four correlated counts per queue, which
    -- probed the claims and annotations indexes once per item and count (3-7 s at 100,000 items).
    WITH chosen AS (
      SELECT q.id, q.annotators_per_item FROM label_queues q
      WHERE (${filter.queueId ?? null}::int IS NULL OR q.id = ${filter.queueId ?? null}::int)
        AND (${filter.memberId ?? null}::text IS NULL OR EXISTS (SELECT 1 FROM label_queue_annotators m WHERE m.queue_id = q.id AND m.user_id = ${filter.memberId ?? null}::text))
    ), per_item AS (
      SELECT i.queue_id, count(c.item_id) AS claimed, count(a.id) AS submitted
      FROM chosen q JOIN label_queue_items i ON i.queue_id = q.id
      LEFT JOIN label_queue_claims c ON c.item_id = i.id
      LEFT JOIN annotations a ON a.transcript_id = i.transcript_id AND a.annotator_id = c.annotator_id AND a.submitted_at IS NOT NULL
      GROUP BY i.queue_id, i.id
    ), progress AS (
      SELECT p.queue_id, count(*)::int AS items, sum(p.claimed)::int AS claimed, sum(p.submitted)::int AS submitted,
             (count(*) FILTER (WHERE p.submitted >= q.annotators_per_item))::int AS complete
      FROM per_item p JOIN chosen q ON q.id = p.queue_id
      GROUP BY p.queue_id
    )
    SELECT q.id, q.name, q.description, q.blind, q.hide_suggestions, q.annotators_per_item, q.closed_at, q.created_at, u.name AS created_by,
           coalesce(p.items, 0) AS items, coalesce(p.claimed, 0) AS claimed, coalesce(p.submitted, 0) AS submitted, coalesce(p.complete, 0) AS complete
    FROM chosen ch JOIN label_queues q ON q.id = ch.id JOIN users u ON u.id = q.created_by_id
    LEFT JOIN progress p ON p.queue_id = q.id
    ORDER BY q.created_at DESC, q.id DESC`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    blind: row.blind,
    hideSuggestions: row.hide_suggestions,
    annotatorsPerItem: row.annotators_per_item,
    closed: row.closed_at !== null,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    items: row.items,
    slots: row.items * row.annotators_per_item,
    claimed: row.claimed,
    submitted: row.submitted,
    complete: row.complete,
  }));
}

/**
 * Id and name of every queue, newest first (listQueues' order), for the lead's
 * pickers: listQueues' progress is a pass over every queue's items, claims and
 * annotations (0.8-4 s at 100,000 items), which the /agreement page waited for
 * before sending anything.
 */
export async function listQueueNames(): Promise<{ id: number; name: string }[]> {
  return db().$queryRaw<{ id: number; name: string }[]>`SELECT q.id, q.name FROM label_queues q ORDER BY q.created_at DESC, q.id DESC`;
}

export async function getQueue(queueId: number): Promise<QueueSummary | null> {
  return (await listQueues({ queueId }))[0] ?? null;
}

export interface AnnotatorProgress {
  userId: string;
  name: string;
  email: string;
  claimed: number;
  submitted: number;
}

/** Per annotator of the queue: items taken and submitted. */
export async function annotatorProgress(queueId: number): Promise<AnnotatorProgress[]> {
  return (
    await db().$queryRaw<{ user_id: string; name: string; email: string; claimed: number; submitted: number }[]>`
      SELECT m.user_id, u.name, u.email,
             count(c.item_id)::int AS claimed,
             count(a.id)::int AS submitted
      FROM label_queue_annotators m JOIN users u ON u.id = m.user_id
      LEFT JOIN label_queue_claims c ON c.annotator_id = m.user_id AND c.item_id IN (SELECT id FROM label_queue_items WHERE queue_id = m.queue_id)
      LEFT JOIN label_queue_items i ON i.id = c.item_id
      LEFT JOIN annotations a ON a.transcript_id = i.transcript_id AND a.annotator_id = m.user_id AND a.submitted_at IS NOT NULL
      WHERE m.queue_id = ${queueId}
      GROUP BY m.user_id, u.name, u.email ORDER BY u.name`
  ).map((row) => ({ userId: row.user_id, name: row.name, email: row.email, claimed: row.claimed, submitted: row.submitted }));
}

export async function isQueueAnnotator(queueId: number, userId: string): Promise<boolean> {
  return (await db().labelQueueAnnotator.count({ where: { queueId, userId } })) > 0;
}

export interface QueueItemAccess {
  itemId: number;
  queueId: number;
  transcriptId: number;
  blind: boolean;
  /** The queue hides imported labels and judge suggestions until submit (lib/access/policy.ts). */
  hideSuggestions: boolean;
  queueName: string;
  /** The user holds a slot of this item. */
  claimed: boolean;
  /** The user submitted an annotation of its transcript. */
  submitted: boolean;
}

/** What the user may do with one queue item; null if the item is not in that queue. */
export async function queueItemAccess(queueId: number, itemId: number, userId: string): Promise<QueueItemAccess | null> {
  const item = await db().labelQueueItem.findFirst({
    where: { id: itemId, queueId },
    select: {
      id: true,
      queueId: true,
      transcriptId: true,
      queue: { select: { blind: true, hideSuggestions: true, name: true } },
      claimsTaken: { where: { annotatorId: userId }, select: { annotatorId: true } },
    },
  });
  if (!item) return null;
  const annotation = await db().annotation.findUnique({
    where: { transcriptId_annotatorId: { transcriptId: item.transcriptId, annotatorId: userId } },
    select: { submittedAt: true },
  });
  return {
    itemId: item.id,
    queueId: item.queueId,
    transcriptId: item.transcriptId,
    blind: item.queue.blind,
    hideSuggestions: item.queue.hideSuggestions,
    queueName: item.queue.name,
    claimed: item.claimsTaken.length > 0,
    submitted: Boolean(annotation?.submittedAt),
  };
}
