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
