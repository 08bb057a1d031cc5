import "server-only";
import { db } from "@/lib/db/client";
import { readDb } from "@/lib/db/replica";
import { countQuery, neighbourQuery, pageQuery, sortKeyQuery, SEARCH_PROBE_ROWS } from "./list-sql";
import type { ListScope } from "./list-scope";
import { COUNT_CAP, formatCursor, type Cursor, type ListState } from "./list-state";
import type { Condition } from "@/lib/schemas";

/** One row of the transcripts table: ids and sizes only, no transcript text beyond the query preview and snippet. */
export interface ListRow {
  id: number;
  pairId: number;
  condition: Condition;
  settingId: number;
  variationId: number;
  modelId: number;
  datasetId: number;
  /** The user input, cut to a preview. */
  query: string;
  /** With a search: the query preview and a scratchpad/output snippet, matches between MARK_START/MARK_END. */
  queryHeadline: string | null;
  snippet: string | null;
  scratchpadChars: number;
  outputChars: number | null;
  formatIssues: string[];
  labels: { source: string; name: string; value: string }[];
  /** This row's position, for keyset links. */
  cursor: string;
}

export interface ListCounts {
  total: number;
  training: number;
  deployment: number;
  /** True when counting stopped at COUNT_CAP (searches, label filters): the numbers are lower bounds. */
  capped: boolean;
}

export interface ListPage {
  rows: ListRow[];
  counts: ListCounts;
  /** Is there a row before the first / after the last of this page? */
  hasPrevious: boolean;
  hasNext: boolean;
}

interface RawRow {
  id: number;
  pair_id: number;
  condition: Condition;
  setting_id: number;
  variation_id: number;
  model_id: number;
  dataset_id: number;
  sort_key: number;
  query_text: string;
  scratchpad_chars: number;
  output_chars: number | null;
  format_issues: string[];
  labels: [string, string, string][];
  query_headline: string | null;
  snippet: string | null;
  match_total?: number;
  match_training?: number;
}

/** The page of the table the URL asks for, and its counts (a search gets both from one statement). */
export async function listTranscripts(state: ListState, scope: ListScope, cap = COUNT_CAP): Promise<ListPage> {
  const page = pageQuery(state, scope, cap);
  let raw: RawRow[];
  let count: CountRow;
  if (page.countsIncluded) {
    raw = await db().$queryRaw<RawRow[]>(page.sql);
    count = { total: raw[0]?.match_total ?? 0, training: raw[0]?.match_training ?? 0, exact: Boolean(state.exactCount) };
    raw = raw.filter((row) => row.id !== null); // the counts row of an empty page
  } else {
    [raw, [count]] = await Promise.all([
      db().$queryRaw<RawRow[]>(page.sql),
      // The counts may lag a moment behind on a replica; the rows themselves come from the primary.
      readDb().$queryRaw<CountRow[]>(countQuery(state.filters, scope, state.exactCount, cap)),
    ]);
  }
  const counts = countsOf(count, cap);
  return { ...pageOf(raw, state, page.reversed, counts), counts };
}

/** A page's rows without its counts: what the table page shows first, while the counts stream in after. */
export type ListRows = Omit<ListPage, "counts">;

/**
 * The rows of the page alone (the table page sends them before the counts).
 * A search's rows statement first walks a few rows in order (probeWalk) and
 * collects its matches only when they do not hold the page; the counting is
 * listCounts'. The last page ("end") needs the total to line its rows up:
 * pass the counts then.
 */
export async function listRows(
  state: ListState,
  scope: ListScope,
  counts?: ListCounts,
  cap = COUNT_CAP,
  probeRows = SEARCH_PROBE_ROWS,
): Promise<ListRows> {
  const page = pageQuery(state, scope, cap, { rowsOnly: true, probeRows });
  const raw = (await db().$queryRaw<RawRow[]>(page.sql)).filter((row) => row.id !== null);
  return pageOf(raw, state, page.reversed, counts);
}

/** The page's counts alone, from the count statement (a search's too), which may run on a replica. */
export async function listCounts(state: ListState, scope: ListScope, cap = COUNT_CAP): Promise<ListCounts> {
  const [count] = await readDb().$queryRaw<CountRow[]>(countQuery(state.filters, scope, state.exactCount, cap));
  return countsOf(count, cap);
}

function pageOf(raw: RawRow[], state: ListState, reversed: boolean, counts: ListCounts | undefined): ListRows {
  // The last page ("end") holds what is left after the full pages, so that its row numbers line up.
  const keep = state.before === "end" && counts && !counts.capped ? counts.total % state.size || state.size : state.size;
  const more = raw.length > keep;
  const rows = raw.slice(0, keep).map((row) => toListRow(row, state));
  if (reversed) rows.reverse();
  const atStart = state.before === undefined && state.after === undefined && state.page === 1;
  return {
    rows,
    // Forward pages know "more after" from the extra row; a "before" page knows "more before" from it.
    hasPrevious: reversed ? more : !atStart,
    hasNext: reversed ? state.before !== "end" : more,
  };
}

/** Counts as the statements return them; `exact` false: counting stopped at the cap (plus one). */
interface CountRow {
  total: number;
  training: number;
  exact: boolean;
}

function countsOf(count: CountRow, cap: number): ListCounts {
  const total = Number(count.total);
  const training = Number(count.training);
  return { total, training, deployment: total - training, capped: !count.exact && total > cap };
}

function toListRow(row: RawRow, state: ListState): ListRow {
  const cursor: Cursor = { key: Number(row.sort_key), id: row.id };
  return {
    id: row.id,
    pairId: row.pair_id,
    condition: row.condition,
    settingId: row.setting_id,
    variationId: row.variation_id,
    modelId: row.model_id,
    datasetId: row.dataset_id,
    query: row.query_text,
    queryHeadline: row.query_headline,
    snippet: row.snippet,
    scratchpadChars: Number(row.scratchpad_chars),
    outputChars: row.output_chars === null ? null : Number(row.output_chars),
    formatIssues: row.format_issues,
    labels: row.labels.map(([source, name, value]) => ({ source, name, value })),
    cursor: formatCursor(state.sort, cursor),
  };
}

/** The transcript after `transcriptId` in the list of `state` (its filters and sort), or null at the end. */
export async function nextInList(state: ListState, scope: ListScope, transcriptId: number): Promise<number | null> {
  const [anchor] = await db().$queryRaw<{ key: number }[]>(sortKeyQuery(state.sort, transcriptId));
  if (!anchor) return null;
  const [next] = await db().$queryRaw<{ id: number }[]>(
    neighbourQuery(state, scope, { key: Number(anchor.key), id: transcriptId }, null, "after"),
  );
  return next?.id ?? null;
}
