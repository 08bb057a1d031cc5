import "server-only";
import { db } from "@/lib/db/client";
import type { Turn } from "@/lib/transcripts/types";
import { hidesSuggestionsInQueue } from "@/lib/access/policy";
import { blindTranscript, type BlindTranscript } from "./blind";
import type { QueueItemAccess } from "./queues/queries";

/**
 * What the queue item page may show, decided on the server. In a blind queue,
 * before the annotator submits, only the blind transcript leaves this module:
 * the condition, variation, setting, model, dataset, source labels and the
 * transcript's id are not even read into the page's props, so they cannot
 * reach the HTML or the RSC payload by accident.
 */
export interface QueueItemView {
  transcript: BlindTranscript;
  scratchpadText: string;
  blockTexts: string[];
  /** Shown once the item is no longer blind for this annotator (queue not blind, or they submitted). */
  revealed: null | {
    transcriptId: number;
    condition: string;
    setting: string;
    variation: string;
    model: string;
    /** Null while the queue hides suggestions from this annotator (not read at all then). */
    sourceLabels: { source: string; name: string; value: string }[] | null;
  };
}

export async function loadQueueItemView(item: QueueItemAccess): Promise<QueueItemView | null> {
  const blind = item.blind && !item.submitted;
  const hideSuggestions = hidesSuggestionsInQueue(item);
  const row = await db().transcript.findUnique({
    where: { id: item.transcriptId },
    select: { turns: true, scratchpadText: true, pair: { select: { query: { select: { text: true } } } } },
  });
  if (!row) return null;
  const turns = row.turns as unknown as Turn[];
  const transcript = blind ? blindTranscript(row.pair.query.text, turns) : { query: row.pair.query.text, turns };
  const blockTexts = transcript.turns
    .flatMap((turn) => (turn.role === "assistant" ? turn.blocks : []))
    .flatMap((block) => (block.kind === "scratchpad" ? [block.text] : []));
  if (blind) return { transcript, scratchpadText: row.scratchpadText, blockTexts, revealed: null };
  const details = await db()
    .transcript.findUniqueOrThrow({
      where: { id: item.transcriptId },
      select: {
        condition: true,
        pair: { select: { model: { select: { name: true } }, variation: { select: { name: true, setting: { select: { name: true } } } } } },
        sourceLabels: hideSuggestions
          ? false
          : { select: { source: true, name: true, value: true }, orderBy: [{ source: "asc" }, { name: "asc" }] },
      },
    })
    .catch(() => null);
  return {
    transcript,
    scratchpadText: row.scratchpadText,
    blockTexts,
    revealed: details && {
      transcriptId: item.transcriptId,
      condition: details.condition,
      setting: details.pair.variation.setting.name,
      variation: details.pair.variation.name,
      model: details.pair.model.name,
      sourceLabels: hideSuggestions ? null : details.sourceLabels,
    },
  };
}
