import "server-only";
import { cache } from "react";
import { hasRole, type UserRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListState } from "@/lib/transcripts/list-state";
import { blindHoldSql } from "./blind-hold-sql";

interface Viewer {
  id: string;
  role: UserRole;
}

/**
 * Leads see everything; annotators in an open blind queue do not see its transcripts outside it (see blind-hold-sql.ts).
 * Once per request and viewer: a page asks both hideBlindHeld and isBlindHeld.
 */
const hasOpenBlindQueue = cache(async (userId: string, role: UserRole): Promise<boolean> => {
  if (hasRole(role, "lead")) return false;
  const [row] = await db().$queryRaw<{ any: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM label_queue_annotators qa JOIN label_queues q ON q.id = qa.queue_id
                   WHERE qa.user_id = ${userId} AND q.blind AND q.closed_at IS NULL) AS any`;
  return row.any;
});
const mayHaveBlindHolds = (viewer: Viewer) => hasOpenBlindQueue(viewer.id, viewer.role);

/** The list as this viewer may see it: blind-held transcripts left out (only when the viewer has any, so others keep the fast counts). */
export async function hideBlindHeld(state: ListState, viewer: Viewer): Promise<ListState> {
  if (!(await mayHaveBlindHolds(viewer))) return state;
  return { ...state, filters: { ...state.filters, hiddenFrom: viewer.id } };
}

/** Is this transcript, or this pair, held blind from the viewer? The detail pages and the API answer "not found" then. */
export async function isBlindHeld(target: { transcriptId: number } | { pairId: number }, viewer: Viewer): Promise<boolean> {
  if (!(await mayHaveBlindHolds(viewer))) return false;
  const where = "transcriptId" in target ? Prisma.sql`t.id = ${target.transcriptId}` : Prisma.sql`t.pair_id = ${target.pairId}`;
  const [row] = await db().$queryRaw<{ held: boolean }[]>(
    Prisma.sql`SELECT ${blindHoldSql(viewer.id)} AS held FROM transcripts t WHERE ${where} LIMIT 1`,
  );
  return row?.held ?? false;
}
