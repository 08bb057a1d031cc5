import "server-only";
import { othersVisibleTo } from "@/lib/annotations/pair-labels";
import { getAnnotationContext, listTranscriptAnnotations, type AnnotationContext, type AnnotationView } from "@/lib/annotations/queries";
import { deleteAnnotation, saveAnnotation } from "@/lib/annotations/save";
import type { LabelSchema } from "@/lib/annotations/schema-definition";
import type { SaveAnnotationInput } from "@/lib/annotations/values";
import { conflict, forbidden, invalid, notFound } from "@/lib/server/errors";
import { teamLabelsForTranscripts, type TeamLabels } from "@/lib/team/consensus";
import { queueItemAccess, type QueueItemAccess } from "@/lib/team/queues/queries";
import { transcriptExists } from "@/lib/transcripts/queries";
import { isBlindHeld, missingTranscript } from "./holds";
import { seesOthersLabels } from "./policy";
import { viewerWithRole } from "./viewer";

/**
 * Annotations as the viewer may read and write them: their own, always
 * (through the transcript, or through a queue item they hold a slot of);
 * everyone's only for leads. Writes obey the blind holds as reads do: a held
 * transcript cannot be labelled outside its queue, and answers as a missing
 * one does.
 */

export interface SideAnnotations extends AnnotationContext {
  transcriptId: number;
  /** Other annotators' submitted annotations: for leads only, empty for everyone else. */
  others: { annotation: AnnotationView; schema: LabelSchema }[];
  /** Leads: how many other annotators hold only a draft (not shown). */
  hiddenDrafts: number;
  /** Leads: every annotation, drafts and their own included (the transcript page's "Everyone's labels"); empty for everyone else. */
  everyone: { annotation: AnnotationView; schema: LabelSchema }[];
}

/** One transcript's annotation panel data: the viewer's own annotation, and others' for leads. Null if there is no such transcript. */
export async function sideAnnotations(transcriptId: number): Promise<SideAnnotations | null> {
  const viewer = await viewerWithRole();
  const lead = seesOthersLabels(viewer);
  const [context, everyone] = await Promise.all([
    getAnnotationContext(transcriptId, viewer.id),
    lead ? listTranscriptAnnotations(transcriptId) : [],
  ]);
  if (!context) return null;
  return { ...context, transcriptId, everyone, ...othersVisibleTo({ id: viewer.id, isLead: lead }, everyone) };
}

/** The transcript's id, once it is known to exist for this viewer (not missing, not held): else "not found". */
async function visibleTranscript(transcriptId: number): Promise<{ viewerId: string }> {
  const viewer = await viewerWithRole();
  if (await isBlindHeld({ transcriptId }, viewer)) throw missingTranscript(transcriptId);
  return { viewerId: viewer.id };
}

export async function ownAnnotation(transcriptId: number): Promise<AnnotationView | null> {
  const { viewerId } = await visibleTranscript(transcriptId);
  const context = await getAnnotationContext(transcriptId, viewerId);
  if (!context) throw missingTranscript(transcriptId);
  return context.mine?.annotation ?? null;
}

export async function saveOwnAnnotation(transcriptId: number, input: SaveAnnotationInput) {
  const { viewerId } = await visibleTranscript(transcriptId);
  return saved(await saveAnnotation(transcriptId, viewerId, input), () => missingTranscript(transcriptId));
}

export async function deleteOwnAnnotation(transcriptId: number, version: number) {
  const { viewerId } = await visibleTranscript(transcriptId);
  return deleted(await deleteAnnotation(transcriptId, viewerId, version));
}

/** A queue item the viewer holds a slot of: 404 if it is not in that queue, 403 if it is not theirs. */
export async function claimedQueueItem(queueId: number, itemId: number): Promise<QueueItemAccess> {
  const viewer = await viewerWithRole();
  const item = await queueItemAccess(queueId, itemId, viewer.id);
  if (!item) throw notFound("No such queue item.");
  if (!item.claimed) throw forbidden("This item is not assigned to you.");
  return item;
}

export async function queueItemAnnotation(queueId: number, itemId: number): Promise<AnnotationView | null> {
  const item = await claimedQueueItem(queueId, itemId);
  const viewer = await viewerWithRole();
  return (await getAnnotationContext(item.transcriptId, viewer.id))?.mine?.annotation ?? null;
}

export async function saveQueueItemAnnotation(queueId: number, itemId: number, input: SaveAnnotationInput) {
  const item = await claimedQueueItem(queueId, itemId);
  const viewer = await viewerWithRole();
  return saved(await saveAnnotation(item.transcriptId, viewer.id, input), () => notFound("No such queue item."));
}

export async function deleteQueueItemAnnotation(queueId: number, itemId: number, version: number) {
  const item = await claimedQueueItem(queueId, itemId);
  const viewer = await viewerWithRole();
  return deleted(await deleteAnnotation(item.transcriptId, viewer.id, version));
}

/** Everyone's submitted labels of a transcript and its consensus: leads only (403 for anyone else, never an empty list). */
export async function teamLabels(transcriptId: number): Promise<TeamLabels> {
  await viewerWithRole("lead");
  const labels = (await teamLabelsForTranscripts([transcriptId])).get(transcriptId);
  if (labels) return labels;
  if (!(await transcriptExists(transcriptId))) throw missingTranscript(transcriptId);
  return { annotators: [], consensus: [] };
}

const CONFLICT =
  "This annotation was changed somewhere else (another tab or window) since you opened it. Your latest change was not saved. Reload to see the saved version.";

function saved(outcome: Awaited<ReturnType<typeof saveAnnotation>>, missing: () => Error) {
  if (outcome.ok) return { version: outcome.version, submittedAt: outcome.submittedAt, created: outcome.created };
  switch (outcome.reason) {
    case "conflict":
      throw conflict(CONFLICT, outcome.currentVersion ?? undefined);
    case "invalid":
      throw invalid(
        `The annotation was not saved: ${outcome.problems.join("; ")}.`,
        outcome.problems.map((problem) => ({ path: "", message: problem })),
      );
    case "not_found":
      throw missing();
  }
}

function deleted(outcome: Awaited<ReturnType<typeof deleteAnnotation>>) {
  if (!outcome.ok) throw conflict(CONFLICT, outcome.currentVersion ?? undefined);
  return { deleted: true as const };
}
