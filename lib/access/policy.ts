import { hasRole } from "@/lib/auth/roles";
import type { Viewer } from "./viewer";

/**
 * Who may see what: the rule, in one place. The visibility layer (the other
 * modules of lib/access) applies it to every read of transcripts, pairs,
 * labels, annotations, consensus, adjudications, agreement, search results,
 * chart drill-downs, exports and API answers; pages, route handlers and
 * server actions reach that data only through it
 * (lib/access/enumeration.test.ts fails otherwise).
 *
 * Leads and admins see everything: every annotator's labels, notes and spans,
 * consensus, adjudications, agreement, charts, the audit log, exports.
 *
 * An annotator sees:
 * - their own annotations (drafts and submitted), and nobody else's labels,
 *   notes, spans or votes, and nothing computed from them: no consensus, no
 *   adjudication, no agreement, no chart of human labels, no audit snapshot.
 *   Filters on labels read their own labels; naming anyone else's (`by=`,
 *   `consensus=`) is refused (403), never silently ignored.
 * - transcripts and pairs, with the imported (source) labels that came with
 *   the data, except those held blind from them (below).
 * - how many people submitted an annotation of a transcript (the table's
 *   Annotations column), not who or what: it tells which items still need
 *   labels, which is what an annotator picks work by.
 *
 * Blind holds: an open blind queue's pairs do not exist for its annotators
 * outside the queue until they submitted their labels of them (lib/access/holds.ts):
 * not in the table, search, next/previous, sibling links, the transcript and
 * pair pages, the API, nor for writes. Held and missing are one answer: "not found".
 *
 * After a queue closes: its holds end (the queue's transcripts are ordinary
 * transcripts again, condition and all), and the rule above still holds:
 * other annotators' labels and the consensus stay with leads. A closed queue
 * is often followed by another over the same transcripts, and an annotator
 * who saw the team's verdict would no longer label independently.
 */
export function seesOthersLabels(viewer: Viewer): boolean {
  return hasRole(viewer.role, "lead");
}

/**
 * Suggestions: the imported (source) labels that came with the data and a
 * judge's verdicts, reasons and evidence. Seen while labelling they anchor an
 * annotator's judgement, so:
 * - a blind queue hides them from its annotators until they submit, always;
 * - any other queue hides them until submit when its lead left "hide
 *   suggestions" on (the default);
 * - outside queues each user's own toggle decides (Settings → Labelling),
 *   on by default for annotators and off for leads. It hides them everywhere
 *   the user reads transcripts: the table's column and its filters on source
 *   labels (refused, not ignored), the transcript and pair pages, the API.
 * lib/access/suggestions.ts applies this; pages only draw what it returns.
 */
export function hidesSuggestionsOutsideQueues(viewer: Viewer, preference: boolean | null): boolean {
  return preference ?? !hasRole(viewer.role, "lead");
}

/** Whether a queue item's suggestions are hidden from the annotator labelling it. */
export function hidesSuggestionsInQueue(item: { blind: boolean; hideSuggestions: boolean; submitted: boolean }): boolean {
  return !item.submitted && (item.blind || item.hideSuggestions);
}
