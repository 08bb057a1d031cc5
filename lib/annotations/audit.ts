import "server-only";
import { db } from "@/lib/db/client";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import { diffSnapshots, type AuditChange } from "./audit-diff";
import { getSchemaVersion } from "./schema";
import type { LabelDefinition } from "./schema-definition";
import type { AnnotationSnapshot } from "./values";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEntry {
  id: number;
  at: Date;
  action: AuditAction;
  transcriptId: number;
  actor: { id: string; name: string; email: string };
  changes: AuditChange[];
  before: AnnotationSnapshot | null;
  after: AnnotationSnapshot | null;
}

/** The audit log, newest first, for one transcript or one user (or everything), a page at a time. */
export async function listAuditEntries(
  where: { transcriptId?: number; actorId?: string },
  page = 1,
): Promise<{ entries: AuditEntry[]; total: number }> {
  const filter = {
    ...(where.transcriptId !== undefined && { transcriptId: where.transcriptId }),
    ...(where.actorId && { actorId: where.actorId }),
  };
  const [total, rows] = await Promise.all([
    db().annotationAudit.count({ where: filter }),
    db().annotationAudit.findMany({
      where: filter,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        action: true,
        transcriptId: true,
        before: true,
        after: true,
        actor: { select: { id: true, name: true, email: true } },
      },
    }),
  ]);
  const versions = new Set<number>();
  for (const row of rows) {
    for (const snapshot of [row.before, row.after] as (AnnotationSnapshot | null)[]) if (snapshot) versions.add(snapshot.schemaVersion);
  }
  const labels = new Map<number, readonly LabelDefinition[]>();
  for (const version of versions) labels.set(version, (await getSchemaVersion(version))?.labels ?? []);
  const entries = rows.map((row) => {
    const before = row.before as AnnotationSnapshot | null;
    const after = row.after as AnnotationSnapshot | null;
    return {
      id: row.id,
      at: row.createdAt,
      action: row.action,
      transcriptId: row.transcriptId,
      actor: row.actor,
      before,
      after,
      changes: diffSnapshots(before, after, (version) => labels.get(version) ?? []),
    };
  });
  return { entries, total };
}
