import "server-only";
import { pgPool } from "@/lib/db/pg-pool";
import { postgresErrorCode } from "@/lib/annotations/save";

/**
 * "My next item": the annotator's unfinished claim in the queue if there is
 * one, else a new claim on an item they have not labelled, in an order
 * randomised per annotator (md5 of item and annotator: stable for them,
 * different for everyone else), so two annotators do not walk the queue in
 * step.
 *
 * Why two annotators never take the last slot of an item together: the
 * claim is ONE statement. It locks the chosen item row (FOR UPDATE SKIP
 * LOCKED: a row another claimer holds is skipped, not waited for), then
 * increments the item's `claims` counter only WHERE claims < annotators_per_item.
 * UPDATE re-checks that condition on the newest committed row version (READ
 * COMMITTED re-evaluation), so a claimer whose snapshot predates another's
 * committed claim still sees the new count and takes nothing. The counter
 * lives on the locked row for that reason: a count(*) of claim rows in a
 * subquery would be read from the old snapshot. lib/team/queues/claim.db.test.ts
 * races many claimers against real PostgreSQL.
 */
const RESUME_SQL = `
SELECT i.id FROM label_queue_claims c JOIN label_queue_items i ON i.id = c.item_id
WHERE i.queue_id = $1 AND c.annotator_id = $2
  AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = i.transcript_id AND a.annotator_id = $2 AND a.submitted_at IS NOT NULL)
ORDER BY c.claimed_at, i.id LIMIT 1`;

const CLAIM_SQL = `
WITH candidate AS (
  SELECT i.id FROM label_queue_items i JOIN label_queues q ON q.id = i.queue_id
  WHERE i.queue_id = $1 AND q.closed_at IS NULL AND i.claims < q.annotators_per_item
    AND NOT EXISTS (SELECT 1 FROM label_queue_claims c WHERE c.item_id = i.id AND c.annotator_id = $2)
    AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = i.transcript_id AND a.annotator_id = $2 AND a.submitted_at IS NOT NULL)
  ORDER BY md5(i.id::text || ':' || $2), i.id
  LIMIT 1
  FOR UPDATE OF i SKIP LOCKED
), taken AS (
  UPDATE label_queue_items i SET claims = i.claims + 1
  FROM candidate, label_queues q
  WHERE i.id = candidate.id AND q.id = i.queue_id AND i.claims < q.annotators_per_item
  RETURNING i.id, i.transcript_id
), claimed AS (
  INSERT INTO label_queue_claims (item_id, annotator_id) SELECT id, $2 FROM taken
), audit AS (
  INSERT INTO team_audit (actor_id, action, queue_id, transcript_id, subject_user_id, details)
  SELECT $2, 'item_claim', $1, transcript_id, $2, jsonb_build_object('itemId', id) FROM taken
)
SELECT id FROM taken`;

export type NextItem = { itemId: number; resumed: boolean } | null;

/** The item to work on next, or null when the queue has nothing left for this annotator. Membership is checked by the caller. */
export async function nextItem(queueId: number, annotatorId: string): Promise<NextItem> {
  const pool = pgPool();
  const resume = await pool.query<{ id: number }>(RESUME_SQL, [queueId, annotatorId]);
  if (resume.rows[0]) return { itemId: resume.rows[0].id, resumed: true };
  // SKIP LOCKED may pass over an item another claimer holds right now and find
  // nothing else; and the same annotator in two tabs can collide on the
  // (item, annotator) key. Both are worth a retry, not an error.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const claim = await pool.query<{ id: number }>(CLAIM_SQL, [queueId, annotatorId]);
      if (claim.rows[0]) return { itemId: claim.rows[0].id, resumed: false };
    } catch (error) {
      if (postgresErrorCode(error) !== "23505") throw error;
      const again = await pool.query<{ id: number }>(RESUME_SQL, [queueId, annotatorId]);
      if (again.rows[0]) return { itemId: again.rows[0].id, resumed: true };
    }
    if (!(await hasLockedCandidates(queueId, annotatorId))) return null;
    await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
  }
  return null;
}

/** Whether open slots remain for this annotator (some may have been skipped because they were locked). */
async function hasLockedCandidates(queueId: number, annotatorId: string): Promise<boolean> {
  const { rows } = await pgPool().query<{ open: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM label_queue_items i JOIN label_queues q ON q.id = i.queue_id
       WHERE i.queue_id = $1 AND q.closed_at IS NULL AND i.claims < q.annotators_per_item
         AND NOT EXISTS (SELECT 1 FROM label_queue_claims c WHERE c.item_id = i.id AND c.annotator_id = $2)
         AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = i.transcript_id AND a.annotator_id = $2 AND a.submitted_at IS NOT NULL)) AS open`,
    [queueId, annotatorId],
  );
  return rows[0].open;
}
