import "server-only";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";
import { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/server/errors";
import { oncePerRequest } from "@/lib/server/request-scope";
import { blindHoldSql } from "@/lib/team/blind-hold-sql";
import type { Viewer } from "./viewer";

/**
 * Blind holds (lib/team/blind-hold-sql.ts): an annotator of an open blind
 * queue does not see its pairs outside the queue until they submitted their
 * labels. Leads hold nothing. Whether the viewer is in any open blind queue is
 * asked once per request, so that viewers without one keep the fast counts.
 *
 * Both checks run on every annotation save (the autosave's hot path), so they
 * are prepared statements on the pg pool, not Prisma queries: about a
 * millisecond of CPU less per save here.
 */
const MEMBER_SQL = `SELECT EXISTS (SELECT 1 FROM label_queue_annotators qa JOIN label_queues q ON q.id = qa.queue_id
                   WHERE qa.user_id = $1 AND q.blind AND q.closed_at IS NULL) AS any`;

export function mayHaveBlindHolds(viewer: Viewer): Promise<boolean> {
  if (hasRole(viewer.role, "lead")) return Promise.resolve(false);
  return oncePerRequest(`blind-queues:${viewer.id}`, async () => {
    const { rows } = await pgPool().query<{ any: boolean }>({ name: "af_blind_queue_member", text: MEMBER_SQL, values: [viewer.id] });
    return rows[0].any;
  });
}

/** Is this transcript, or this pair, held blind from the viewer? Then it does not exist for them: "not found", like a missing one. */
export async function isBlindHeld(target: { transcriptId: number } | { pairId: number }, viewer: Viewer): Promise<boolean> {
  if (!(await mayHaveBlindHolds(viewer))) return false;
  const byTranscript = "transcriptId" in target;
  const where = byTranscript ? Prisma.sql`t.id = ${target.transcriptId}::int` : Prisma.sql`t.pair_id = ${target.pairId}::int`;
  const query = Prisma.sql`SELECT ${blindHoldSql(viewer.id)} AS held FROM transcripts t WHERE ${where} LIMIT 1`;
  const { rows } = await pgPool().query<{ held: boolean }>({
    name: byTranscript ? "af_blind_held_transcript" : "af_blind_held_pair",
    text: query.text,
    values: query.values,
  });
  return rows[0]?.held ?? false;
}

/** The pairs of `pairIds` held from the viewer (to drop from a list of links: siblings). */
export async function heldPairs(pairIds: number[], viewer: Viewer): Promise<Set<number>> {
  if (pairIds.length === 0 || !(await mayHaveBlindHolds(viewer))) return new Set();
  const rows = await db().$queryRaw<{ pair_id: number }[]>(
    Prisma.sql`SELECT DISTINCT t.pair_id FROM transcripts t WHERE t.pair_id = ANY(${pairIds}::int[]) AND ${blindHoldSql(viewer.id)}`,
  );
  return new Set(rows.map((row) => row.pair_id));
}

/** A held transcript or pair and a missing one get the very same answer. */
export const missingTranscript = (id: number) => notFound(`There is no transcript ${id}.`);
export const missingPair = (id: number) => notFound(`There is no pair ${id}.`);
