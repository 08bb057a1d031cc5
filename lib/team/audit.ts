import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The team audit log (table team_audit): queue changes, assignments and
 * adjudications. Writers insert their row in the same transaction (or SQL
 * statement) as the change; this module reads them for /audit.
 */
export type TeamAuditAction =
  "queue_create" | "queue_update" | "annotator_add" | "annotator_remove" | "item_claim" | "adjudicate" | "adjudication_clear";

export const TEAM_AUDIT_NAMES: Record<TeamAuditAction, string> = {
  queue_create: "created the queue",
  queue_update: "changed the queue",
  annotator_add: "assigned an annotator",
  annotator_remove: "removed an annotator",
  item_claim: "took an item",
  adjudicate: "adjudicated",
  adjudication_clear: "cleared an adjudication",
};

export interface TeamAuditEntry {
  id: number;
  action: TeamAuditAction;
  actorName: string;
  queueId: number | null;
  transcriptId: number | null;
  subjectName: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

export const TEAM_AUDIT_PAGE_SIZE = 50;

export async function listTeamAudit(
  filter: { transcriptId?: number; actorId?: string; queueId?: number },
  page: number,
): Promise<{ entries: TeamAuditEntry[]; total: number }> {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.transcriptId !== undefined) conditions.push(Prisma.sql`e.transcript_id = ${filter.transcriptId}`);
  if (filter.actorId !== undefined) conditions.push(Prisma.sql`(e.actor_id = ${filter.actorId} OR e.subject_user_id = ${filter.actorId})`);
  if (filter.queueId !== undefined) conditions.push(Prisma.sql`e.queue_id = ${filter.queueId}`);
  const where = Prisma.join(conditions, " AND ");
  const [rows, [{ total }]] = await Promise.all([
    db().$queryRaw<
      {
        id: number;
        action: TeamAuditAction;
        actor_name: string;
        queue_id: number | null;
        transcript_id: number | null;
        subject_name: string | null;
        details: Record<string, unknown>;
        created_at: Date;
      }[]
    >`
      SELECT e.id, e.action::text AS action, a.name AS actor_name, e.queue_id, e.transcript_id, s.name AS subject_name, e.details, e.created_at
      FROM team_audit e JOIN users a ON a.id = e.actor_id LEFT JOIN users s ON s.id = e.subject_user_id
      WHERE ${where} ORDER BY e.created_at DESC, e.id DESC
      LIMIT ${TEAM_AUDIT_PAGE_SIZE} OFFSET ${(page - 1) * TEAM_AUDIT_PAGE_SIZE}`,
    db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM team_audit e WHERE ${where}`,
  ]);
  return {
    total,
    entries: rows.map((row) => ({
      id: row.id,
      action: row.action,
      actorName: row.actor_name,
      queueId: row.queue_id,
      transcriptId: row.transcript_id,
      subjectName: row.subject_name,
      details: row.details,
      createdAt: row.created_at.toISOString(),
    })),
  };
}
