import "server-only";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "@/lib/annotations/audit";
import { getAnnotationContext, type AnnotationContext } from "@/lib/annotations/queries";
import { forbidden, invalid, notFound } from "@/lib/server/errors";
import { adjudicate, listDisagreements } from "@/lib/team/adjudication";
import { agreementOverallAndByVariation } from "@/lib/team/agreement/load";
import { listTeamAudit } from "@/lib/team/audit";
import { teamLabelsForTranscripts } from "@/lib/team/consensus";
import { loadQueueItemView, type QueueItemView } from "@/lib/team/item-view";
import { nextItem } from "@/lib/team/queues/claim";
import { QUEUE_ITEMS_SHOWN, queueItemStatuses } from "@/lib/team/queues/item-status";
import { lastSubmitted, queuePlace, stepOf, type QueuePlace } from "@/lib/team/queues/place";
import { UNDO_WINDOW_MINUTES, unsubmitAnnotation } from "@/lib/annotations/unsubmit";
import { countFilterMatches, createQueue } from "@/lib/team/queues/create";
import {
  annotatorProgress,
  getQueue,
  isQueueAnnotator,
  listQueueNames,
  listQueues,
  queueItemAccess,
  type QueueItemAccess,
} from "@/lib/team/queues/queries";
import type { AdjudicateInput, CreateQueueInput, QueueAnnotatorsInput, QueueSettingsInput } from "@/lib/team/queues/schemas";
import { setQueueAnnotators, updateQueueSettings } from "@/lib/team/queues/settings";
import { getTranscript, transcriptExists } from "@/lib/transcripts/queries";
import { missingTranscript } from "./holds";
import { hidesSuggestionsInQueue, seesOthersLabels } from "./policy";
import { judgeSuggestions, type JudgeSuggestion } from "./suggestions";
import { viewerWithRole } from "./viewer";

/**
 * Team labelling as the viewer may see it. Queues: leads see every queue and
 * everyone's progress; an annotator sees the queues they are in, with their
 * own progress only, and works through items they hold a slot of.
 * Consensus, disagreements, adjudication, agreement and the audit log are made
 * of everyone's labels: leads only.
 */

export async function queuesOverview() {
  const viewer = await viewerWithRole();
  const lead = seesOthersLabels(viewer);
  const queues = await listQueues(lead ? {} : { memberId: viewer.id });
  const mine = await Promise.all(
    queues.map(async (queue) => {
      const progress = (await annotatorProgress(queue.id)).find((row) => row.userId === viewer.id);
      return progress ? { ...progress, place: await queuePlace(queue.id, viewer.id) } : null;
    }),
  );
  return { lead, queues: queues.map((queue, index) => ({ queue, mine: mine[index] })) };
}

/** Queue names for a lead's pickers (agreement, adjudication). */
export async function queueNames() {
  await viewerWithRole("lead");
  return listQueueNames();
}

export async function queueDetail(queueId: number) {
  await viewerWithRole("lead");
  const [queue, progress, items] = await Promise.all([getQueue(queueId), annotatorProgress(queueId), queueItemStatuses(queueId)]);
  if (!queue) throw notFound(`There is no queue ${queueId}.`);
  return { queue, progress, items, itemsShown: QUEUE_ITEMS_SHOWN };
}

/** "My next item": claims (or resumes) one for the viewer; only the queue's annotators may. */
export async function claimNextItem(queueId: number) {
  const viewer = await viewerWithRole();
  const queue = await getQueue(queueId);
  if (!queue) throw notFound(`There is no queue ${queueId}.`);
  if (!(await isQueueAnnotator(queue.id, viewer.id))) throw forbidden("You are not an annotator of this queue.");
  return { queue, next: await nextItem(queue.id, viewer.id) };
}

/**
 * One queue item for the annotator holding a slot of it: the blind view while
 * blind (lib/team/item-view.ts), and their own annotation. A lead without a
 * slot is sent to the transcript itself; anyone else without one gets 403.
 */
export type QueueItemPage =
  | { kind: "elsewhere"; href: string }
  | {
      kind: "item";
      item: QueueItemAccess;
      view: QueueItemView;
      annotation: AnnotationContext;
      /** The viewer's own place in the queue: their history, n of N. */
      place: QueuePlace;
      step: ReturnType<typeof stepOf>;
      /** A judge's suggestions, unless the queue or the rule hides them. */
      suggestions: JudgeSuggestion[];
    };

export async function queueItemPage(queueId: number, itemId: number): Promise<QueueItemPage> {
  const viewer = await viewerWithRole();
  const item = await queueItemAccess(queueId, itemId, viewer.id);
  if (!item) throw notFound("No such queue item.");
  if (!item.claimed) {
    if (seesOthersLabels(viewer)) return { kind: "elsewhere", href: `/transcripts/${item.transcriptId}` };
    throw forbidden("This item is not assigned to you.");
  }
  const [view, annotation, place, suggestions] = await Promise.all([
    loadQueueItemView(item),
    getAnnotationContext(item.transcriptId, viewer.id),
    queuePlace(queueId, viewer.id),
    judgeSuggestions(item.transcriptId, { hiddenByQueue: hidesSuggestionsInQueue(item) }),
  ]);
  if (!view || !annotation) throw notFound("No such queue item.");
  return { kind: "item", item, view, annotation, place, step: stepOf(place, itemId), suggestions };
}

/**
 * Undo of the viewer's latest submit in an open queue (their own, and only
 * the latest, recently: lib/annotations/unsubmit.ts audits it). Returns the
 * item to go back to.
 */
export async function undoLastSubmit(queueId: number): Promise<{ itemId: number }> {
  const viewer = await viewerWithRole();
  const queue = await getQueue(queueId);
  if (!queue) throw notFound(`There is no queue ${queueId}.`);
  if (!(await isQueueAnnotator(queue.id, viewer.id))) throw forbidden("You are not an annotator of this queue.");
  if (queue.closed) throw invalid("The queue is closed: its labels stay as they were submitted.");
  const last = lastSubmitted(await queuePlace(queue.id, viewer.id));
  const item = last && (await queueItemAccess(queue.id, last.itemId, viewer.id));
  if (!item || !(await unsubmitAnnotation(item.transcriptId, viewer.id)))
    throw invalid(`There is no recent submit of yours to undo (an undo is possible for ${UNDO_WINDOW_MINUTES} minutes).`);
  return { itemId: item.itemId };
}

/** What a queue filter (the transcripts table's query string) matches, as the lead sees the table. */
export async function queueFilterMatches(filter: string) {
  const viewer = await viewerWithRole("lead");
  return countFilterMatches(filter, viewer.id);
}

export async function createLabellingQueue(input: CreateQueueInput) {
  const viewer = await viewerWithRole("lead");
  return createQueue(input, viewer.id);
}

export async function changeQueueSettings(input: QueueSettingsInput) {
  const viewer = await viewerWithRole("lead");
  await updateQueueSettings(input, viewer.id);
}

export async function changeQueueAnnotators(input: QueueAnnotatorsInput) {
  const viewer = await viewerWithRole("lead");
  await setQueueAnnotators(input, viewer.id);
}

export async function disagreements(queueId?: number) {
  await viewerWithRole("lead");
  return listDisagreements({ queueId });
}

/** One transcript's labels side by side with the consensus, for a lead to decide. */
export async function adjudicationPage(transcriptId: number, queueId?: number) {
  await viewerWithRole("lead");
  const [transcript, team, waiting] = await Promise.all([
    getTranscript(transcriptId),
    teamLabelsForTranscripts([transcriptId]),
    listDisagreements({ queueId }),
  ]);
  if (!transcript) throw missingTranscript(transcriptId);
  // "Next disagreement": the next undecided one after this (in the list's order, wrapping round), never this one.
  const undecided = waiting.filter((item) => item.adjudicated < item.labelKeys.length && item.transcriptId !== transcriptId);
  const next = undecided.find((item) => item.transcriptId > transcriptId) ?? undecided[0] ?? null;
  return {
    transcript,
    labels: team.get(transcriptId) ?? { annotators: [], consensus: [] },
    nextDisagreement: next?.transcriptId ?? null,
    undecided: undecided.length,
  };
}

export async function decide(input: AdjudicateInput) {
  const viewer = await viewerWithRole("lead");
  if (!(await transcriptExists(input.transcriptId))) throw missingTranscript(input.transcriptId);
  await adjudicate(input, viewer.id);
}

export async function agreement(queueId?: number) {
  await viewerWithRole("lead");
  return agreementOverallAndByVariation({ queueId });
}

/** The audit logs: annotation snapshots (labels before and after) and team events. */
export async function auditLog(filter: { transcriptId?: number; actorId?: string; queueId?: number }, page: number) {
  await viewerWithRole("lead");
  const [annotations, team] = await Promise.all([
    listAuditEntries({ transcriptId: filter.transcriptId, actorId: filter.actorId }, page),
    listTeamAudit(filter, 1),
  ]);
  return { annotations, team, pageSize: AUDIT_PAGE_SIZE };
}
