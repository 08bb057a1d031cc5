import "server-only";
import { listImports } from "@/lib/imports/web/queries";
import { listDisagreements } from "@/lib/team/adjudication";
import { myQueueProgress, type MyQueueProgress } from "@/lib/team/queues/my-progress";
import { listQueues } from "@/lib/team/queues/queries";
import { recentOwnLabels } from "@/lib/team/recent-labels";
import { viewerWithRole } from "./viewer";

/**
 * The landing page, as the viewer may see it. An annotator: their queues
 * (their own progress only), where to start, their own recent labels (not
 * the held ones) and which of their queues needs labels most; nothing made of
 * anyone else's labels. A lead: every open queue's progress, disagreements
 * waiting for a decision, newest imports.
 */
export async function annotatorHome() {
  const viewer = await viewerWithRole();
  const [queues, recent] = await Promise.all([myQueueProgress(viewer.id), recentOwnLabels(viewer.id)]);
  const unfinished = queues.filter((queue) => !queue.finished);
  const inProgress = (queue: MyQueueProgress) => queue.done < queue.taken;
  // Resume what is in progress first; else the queue with the most items still open to this annotator.
  const byNeed = [...unfinished].sort((a, b) => b.open - a.open || a.id - b.id);
  const start = unfinished.find(inProgress) ?? byNeed[0] ?? null;
  const neediest = byNeed.find((queue) => queue.open > 0);
  return {
    name: viewer.name,
    queues,
    start: start && { queueId: start.id, queueName: start.name, resume: inProgress(start) },
    neediest: neediest && { queueId: neediest.id, name: neediest.name, open: neediest.open },
    recent,
  };
}

export async function leadHome() {
  await viewerWithRole("lead");
  const [queues, disagreements, imports] = await Promise.all([listQueues(), listDisagreements(), listImports(5)]);
  const waiting = disagreements.filter((item) => item.adjudicated < item.labelKeys.length);
  return {
    queues: queues.filter((queue) => !queue.closed),
    disagreementsWaiting: waiting.length,
    nextDisagreement: waiting[0]?.transcriptId ?? null,
    imports: imports.map((run) => ({
      id: run.id,
      fileName: run.fileName,
      status: run.status,
      imported: run.imported,
      startedAt: run.startedAt.toISOString(),
      dataset: run.datasetName,
    })),
  };
}
