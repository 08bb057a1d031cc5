"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  changeQueueAnnotators,
  changeQueueSettings,
  createLabellingQueue,
  decide,
  queueFilterMatches,
  undoLastSubmit,
} from "@/lib/access/team";
import { idSchema } from "@/lib/schemas";
import { action } from "@/lib/server/action";
import { adjudicateSchema, createQueueSchema, queueAnnotatorsSchema, queueFilterSchema, queueSettingsSchema } from "./queues/schemas";

/** Server actions of team labelling: leads only (but the annotator's undo); each change is audited in its own transaction. */

export const createQueueAction = action({ role: "lead", input: createQueueSchema }, async (input) => {
  const queue = await createLabellingQueue(input);
  revalidatePath("/queues");
  return { data: queue, message: `Queue created with ${queue.items} items.` };
});

export const updateQueueSettingsAction = action({ role: "lead", input: queueSettingsSchema }, async (input) => {
  await changeQueueSettings(input);
  revalidatePath(`/queues/${input.queueId}`);
  return { data: null, message: "Saved." };
});

export const setQueueAnnotatorsAction = action({ role: "lead", input: queueAnnotatorsSchema }, async (input) => {
  await changeQueueAnnotators(input);
  revalidatePath(`/queues/${input.queueId}`);
  return { data: null, message: "Annotators saved." };
});

export const adjudicateAction = action({ role: "lead", input: adjudicateSchema }, async (input) => {
  await decide(input);
  revalidatePath(`/adjudication/${input.transcriptId}`);
  return { data: null, message: input.value ? "Decided." : "Decision cleared." };
});

/** An annotator takes back their latest submit in a queue (audited as "back to draft"); the item opens again. */
export const undoSubmitAction = action({ input: z.object({ queueId: idSchema }) }, async (input) => {
  const { itemId } = await undoLastSubmit(input.queueId);
  revalidatePath(`/queues/${input.queueId}`);
  return { data: { itemId }, message: "Submit undone: the item is a draft again." };
});

/** The new-queue form's match count for the filter being typed (leads; reads nothing but counts). */
export const countQueueFilterAction = action({ role: "lead", input: queueFilterSchema }, async (input) => {
  const matches = await queueFilterMatches(input.filter);
  return { data: matches, message: `${matches.transcripts} transcripts match.` };
});
