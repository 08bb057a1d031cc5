import "server-only";
import { getAnnotationStatuses } from "@/lib/annotations/queries";
import { db } from "@/lib/db/client";
import { buildExportRow, type ExportRow, type RawExportRow } from "@/lib/exports/row";
import { transcriptSql } from "@/lib/exports/rows-sql";
import { forbidden, notFound } from "@/lib/server/errors";
import { listCounts, listRows, listTranscripts, nextInList, type ListCounts, type ListPage, type ListRows } from "@/lib/transcripts/list";
import type { ListScope } from "@/lib/transcripts/list-scope";
import { readsOthersLabels, type ListState } from "@/lib/transcripts/list-state";
import type { PairViewState } from "@/lib/transcripts/pair-state";
import { loadPairView, type PairView } from "@/lib/transcripts/pair-view";
import { getOverviewCounts, getTranscript } from "@/lib/transcripts/queries";
import { getFilterOptions } from "@/lib/transcripts/registry";
import { getVariation, listVariations } from "@/lib/transcripts/variation-queries";
import { sideAnnotations, type SideAnnotations } from "./annotations";
import { heldPairs, isBlindHeld, mayHaveBlindHolds, missingPair, missingTranscript } from "./holds";
import { seesOthersLabels } from "./policy";
import { hidesSuggestions, judgeSuggestions } from "./suggestions";
import { viewerWithRole, type Viewer } from "./viewer";

/**
 * Transcripts, pairs, the table, search and next/previous, as the request's
 * viewer may see them (the rule: lib/access/policy.ts). A held transcript or
 * pair is "not found", worded as for a missing one.
 */

/** The viewer's list scope: whose labels label filters read, whether blind holds are left out. */
export async function listScopeOf(viewer: Viewer): Promise<ListScope> {
  return { viewerId: viewer.id, seesOthersLabels: seesOthersLabels(viewer), hideBlindHeld: await mayHaveBlindHolds(viewer) };
}

/**
 * The scope of `state` for this viewer; a state naming other people's labels (by=, consensus=) is refused to annotators,
 * and one filtering by imported labels is refused while the viewer hides them (the filter would show them).
 */
async function scopeFor(state: ListState, viewer: Viewer): Promise<ListScope> {
  const [scope, hidden] = await Promise.all([listScopeOf(viewer), hidesSuggestions(viewer)]);
  if (readsOthersLabels(state.filters, viewer.id) && !scope.seesOthersLabels)
    throw forbidden("Filtering by another annotator's labels (by=) or by consensus needs the lead role: those are other people's labels.");
  if (hidden && state.filters.labels.length > 0)
    throw forbidden(
      "Imported labels are hidden while you label (Settings → Labelling): filtering by them (label=) would show them. Show them there first.",
    );
  return scope;
}

/** Rows without their imported labels, for a viewer who hides them. */
function withoutSourceLabels<T extends { labels: unknown[] }>(rows: T[]): T[] {
  return rows.map((row) => ({ ...row, labels: [] }));
}

export interface TranscriptTable {
  page: ListRows;
  /** The counts, still coming: the table page shows the rows first and streams these in (a Suspense boundary). */
  counts: Promise<ListCounts>;
  /** Per row: the viewer's own annotation status and how many submitted one (see policy.ts). */
  statuses: Awaited<ReturnType<typeof getAnnotationStatuses>>;
  seesOthersLabels: boolean;
  /** Imported labels (and judge suggestions) are left out for this viewer: the rows carry none. */
  suggestionsHidden: boolean;
}

/** A page of the transcripts table's rows, with its counts (GET /api/v1/transcripts). */
export async function transcriptRows(state: ListState): Promise<ListPage> {
  const viewer = await viewerWithRole();
  const page = await listTranscripts(state, await scopeFor(state, viewer));
  return (await hidesSuggestions(viewer)) ? { ...page, rows: withoutSourceLabels(page.rows) } : page;
}

/**
 * The transcripts table's page: its rows and the viewer's annotation status of each, and its counts as a promise.
 * Every refusal (scopeFor) is thrown here, before the page streams anything, so a 403 keeps its status code.
 */
export async function transcriptTable(state: ListState): Promise<TranscriptTable> {
  const viewer = await viewerWithRole();
  const scope = await scopeFor(state, viewer);
  // Counted beside the rows, on another connection; awaited by the page's counts panel, not by the rows.
  const counts = listCounts(state, scope);
  // Should the rows fail first, nobody awaits the counts: their failure must not become an unhandled rejection.
  counts.catch(() => undefined);
  const [listed, suggestionsHidden] = await Promise.all([
    // The last page lines its rows up with the total, so it alone waits for the count.
    listRows(state, scope, state.before === "end" ? await counts : undefined),
    hidesSuggestions(viewer),
  ]);
  const page = suggestionsHidden ? { ...listed, rows: withoutSourceLabels(listed.rows) } : listed;
  const statuses = await getAnnotationStatuses(
    page.rows.map((row) => row.id),
    viewer.id,
  );
  return { page, counts, statuses, seesOthersLabels: scope.seesOthersLabels, suggestionsHidden };
}

/** Registry names and the source labels' values, for the table's filters (no label values for a viewer who hides them). */
export async function tableFilterOptions() {
  const viewer = await viewerWithRole();
  const [options, hidden] = await Promise.all([getFilterOptions(), hidesSuggestions(viewer)]);
  return hidden ? { ...options, labels: [] } : options;
}

/** Transcripts per setting, variation and condition: counts name no item, so blind holds leave them as they are. */
export async function overviewCounts() {
  await viewerWithRole();
  return getOverviewCounts();
}

/** Prompt variations with their transcript counts per condition (counts name no item: the same for everyone). */
export async function variationsOverview() {
  await viewerWithRole();
  return listVariations();
}

/** One variation: its system prompt beside the baseline's, and its counts. */
export async function variationDetail(id: number) {
  await viewerWithRole();
  const variation = await getVariation(id);
  if (!variation) throw notFound(`There is no prompt variation ${id}.`);
  return variation;
}

/** One transcript for its page: the text, the viewer's annotation, others' (leads), and the next one in the list it was opened from. */
export async function transcriptPage(id: number, list: ListState) {
  const viewer = await viewerWithRole();
  const [held, scope] = await Promise.all([isBlindHeld({ transcriptId: id }, viewer), scopeFor(list, viewer)]);
  if (held) throw missingTranscript(id);
  const [transcript, side, nextId, suggestions] = await Promise.all([
    getTranscript(id),
    sideAnnotations(id),
    nextInList(list, scope, id),
    judgeSuggestions(id),
  ]);
  if (!transcript || !side) throw missingTranscript(id);
  return { transcript, annotations: side, nextId, seesOthersLabels: scope.seesOthersLabels, suggestions };
}

export interface PairPage extends PairView {
  annotations: { training: SideAnnotations | null; deployment: SideAnnotations | null };
  seesOthersLabels: boolean;
  /** Imported labels (and judge suggestions) are left out for this viewer: the sides carry none. */
  suggestionsHidden: boolean;
}

/** One pair for the paired view: both sides, their labels as the viewer may see them, siblings and neighbours without held pairs. */
export async function pairPage(pairId: number, view: PairViewState): Promise<PairPage> {
  const viewer = await viewerWithRole();
  const [held, scope, suggestionsHidden] = await Promise.all([
    isBlindHeld({ pairId }, viewer),
    scopeFor(view.list, viewer),
    hidesSuggestions(viewer),
  ]);
  if (held) throw missingPair(pairId);
  const found = await loadPairView(pairId, view, scope);
  if (!found) throw missingPair(pairId);
  const strip = <T extends { labels: unknown[] } | null>(side: T): T => (side && { ...side, labels: [] }) as T;
  const loaded = suggestionsHidden
    ? { ...found, pair: { ...found.pair, training: strip(found.pair.training), deployment: strip(found.pair.deployment) } }
    : found;
  const hidden = await heldPairs(
    loaded.siblings.map((sibling) => sibling.pairId),
    viewer,
  );
  const side = (transcript: { id: number } | null) => (transcript ? sideAnnotations(transcript.id) : null);
  const [training, deployment] = await Promise.all([side(loaded.pair.training), side(loaded.pair.deployment)]);
  return {
    ...loaded,
    siblings: loaded.siblings.filter((sibling) => !hidden.has(sibling.pairId)),
    annotations: { training, deployment },
    seesOthersLabels: scope.seesOthersLabels,
    suggestionsHidden,
  };
}

/**
 * One transcript in the export's shape (GET /api/v1/transcripts/:id). A lead
 * gets every annotator's submitted labels and the consensus; an annotator
 * their own labels and no consensus fields at all (a consensus is made of
 * other people's votes, whatever method decided it).
 */
export type ApiTranscript = Omit<ExportRow, "split" | "messages" | ConsensusField> &
  Partial<Pick<ExportRow, ConsensusField>> & { messages: unknown };
type ConsensusField = "consensus" | "consensus_label" | "consensus_method" | "agreement";

export async function apiTranscript(id: number): Promise<ApiTranscript> {
  const viewer = await viewerWithRole();
  if (await isBlindHeld({ transcriptId: id }, viewer)) throw missingTranscript(id);
  const [raw] = await db().$queryRaw<RawExportRow[]>(transcriptSql(id));
  if (!raw) throw missingTranscript(id);
  const lead = seesOthersLabels(viewer);
  if (!lead) raw.annotations = (raw.annotations ?? []).filter((annotation) => annotation.annotator_id === viewer.id);
  // Hidden imported labels answer null ("not given"), as an export that did not ask for them does.
  const importedLabels = !(await hidesSuggestions(viewer));
  if (!importedLabels) raw.imported_labels = null;
  const { split: _split, messages, ...row } = buildExportRow(raw, { splitOf: () => "train", annotatorName: (a) => a, importedLabels });
  if (lead) return { ...row, messages: JSON.parse(messages) };
  const { consensus: _c, consensus_label: _l, consensus_method: _m, agreement: _a, ...own } = row;
  return { ...own, messages: JSON.parse(messages) };
}
