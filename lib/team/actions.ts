"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { UserFacingError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import { adjudicate, adjudicateSchema } from "./adjudication";
import { createQueue } from "./queues/create";
import { createQueueSchema, queueAnnotatorsSchema, queueSettingsSchema } from "./queues/schemas";

/** Server actions of team labelling: leads only; each change is audited in its own transaction. */

export const createQueueAction = authorizedAction("lead", createQueueSchema, async (input, user) => {
  const queue = await createQueue(input, user.id);
  revalidatePath("/queues");
  return { ok: true, data: queue, message: `Queue created with ${queue.items} items.` };
});

export const updateQueueSettingsAction = authorizedAction("lead", queueSettingsSchema, async (input, user) => {
  await db().$transaction(async (tx) => {
    const before = await tx.labelQueue.findUnique({
      where: { id: input.queueId },
      select: { blind: true, annotatorsPerItem: true, closedAt: true },
    });
    if (!before) throw new UserFacingError("No such queue.", 404);
    const maxClaims = await tx.labelQueueItem.aggregate({ where: { queueId: input.queueId }, _max: { claims: true } });
    if ((maxClaims._max.claims ?? 0) > input.annotatorsPerItem)
      throw new UserFacingError(`Some items already have ${maxClaims._max.claims} annotators; choose at least that many.`);
    const closedAt = input.closed ? (before.closedAt ?? new Date()) : null;
    await tx.labelQueue.update({
      where: { id: input.queueId },
      data: { blind: input.blind, annotatorsPerItem: input.annotatorsPerItem, closedAt },
    });
    await tx.teamAudit.create({
      data: {
        actorId: user.id,
        action: "queue_update",
        queueId: input.queueId,
        details: {
          before: { blind: before.blind, annotatorsPerItem: before.annotatorsPerItem, closed: before.closedAt !== null },
          after: { blind: input.blind, annotatorsPerItem: input.annotatorsPerItem, closed: input.closed },
        },
      },
    });
  });
  revalidatePath(`/queues/${input.queueId}`);
  return { ok: true, data: null, message: "Saved." };
});

export const setQueueAnnotatorsAction = authorizedAction("lead", queueAnnotatorsSchema, async (input, user) => {
  await db().$transaction(async (tx) => {
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
        ...added.map((userId) => ({ actorId: user.id, action: "annotator_add" as const, queueId: input.queueId, subjectUserId: userId })),
        ...removed.map((userId) => ({
          actorId: user.id,
          action: "annotator_remove" as const,
          queueId: input.queueId,
          subjectUserId: userId,
        })),
      ],
    });
  });
  revalidatePath(`/queues/${input.queueId}`);
  return { ok: true, data: null, message: "Annotators saved." };
});

export const adjudicateAction = authorizedAction("lead", adjudicateSchema, async (input, user) => {
  await adjudicate(input, user.id);
  revalidatePath(`/adjudication/${input.transcriptId}`);
  return { ok: true, data: null, message: input.value ? "Decided." : "Decision cleared." };
});
