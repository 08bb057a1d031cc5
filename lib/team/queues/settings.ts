import "server-only";
import { db } from "@/lib/db/client";
import { invalid, notFound } from "@/lib/server/errors";
import type { QueueAnnotatorsInput, QueueSettingsInput } from "./schemas";

/** A queue's settings and its annotators, changed by a lead; each change audited in its own transaction. */
export async function updateQueueSettings(input: QueueSettingsInput, leadId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const before = await tx.labelQueue.findUnique({
      where: { id: input.queueId },
      select: { blind: true, hideSuggestions: true, annotatorsPerItem: true, closedAt: true },
    });
    if (!before) throw notFound(`There is no queue ${input.queueId}.`);
    const maxClaims = await tx.labelQueueItem.aggregate({ where: { queueId: input.queueId }, _max: { claims: true } });
    if ((maxClaims._max.claims ?? 0) > input.annotatorsPerItem) {
      const message = `Some items already have ${maxClaims._max.claims} annotators; choose at least that many.`;
      throw invalid(message, [{ path: "annotatorsPerItem", message }]);
    }
    const closedAt = input.closed ? (before.closedAt ?? new Date()) : null;
    await tx.labelQueue.update({
      where: { id: input.queueId },
      data: { blind: input.blind, hideSuggestions: input.hideSuggestions, annotatorsPerItem: input.annotatorsPerItem, closedAt },
    });
    await tx.teamAudit.create({
      data: {
        actorId: leadId,
        action: "queue_update",
        queueId: input.queueId,
        details: {
          before: {
            blind: before.blind,
            hideSuggestions: before.hideSuggestions,
            annotatorsPerItem: before.annotatorsPerItem,
            closed: before.closedAt !== null,
          },
          after: {
            blind: input.blind,
            hideSuggestions: input.hideSuggestions,
            annotatorsPerItem: input.annotatorsPerItem,
            closed: input.closed,
          },
        },
      },
    });
  });
}

export async function setQueueAnnotators(input: QueueAnnotatorsInput, leadId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    if (!(await tx.labelQueue.count({ where: { id: input.queueId } }))) throw notFound(`There is no queue ${input.queueId}.`);
    const current = new Set(
      (await tx.labelQueueAnnotator.findMany({ where: { queueId: input.queueId }, select: { userId: true } })).map((row) => row.userId),
    );
    const wanted = new Set(input.annotatorIds);
    const added = [...wanted].filter((id) => !current.has(id));
    const removed = [...current].filter((id) => !wanted.has(id));
    if (added.length) await tx.labelQueueAnnotator.createMany({ data: added.map((userId) => ({ queueId: input.queueId, userId })) });
    if (removed.length) await tx.labelQueueAnnotator.deleteMany({ where: { queueId: input.queueId, userId: { in: removed } } });
    await tx.teamAudit.createMany({
      data: [
        ...added.map((userId) => ({ actorId: leadId, action: "annotator_add" as const, queueId: input.queueId, subjectUserId: userId })),
        ...removed.map((userId) => ({
          actorId: leadId,
          action: "annotator_remove" as const,
          queueId: input.queueId,
          subjectUserId: userId,
        })),
      ],
    });
  });
}
