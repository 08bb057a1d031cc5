import { z } from "zod";
import { conditionSchema, idSchema, paramsRecord, type Condition } from "@/lib/schemas";
import { formatJudgeFilter, parseJudgeFilter, type JudgeFilter } from "@/lib/judges/validation/judge-filter";
import { consensusConditionParam, parseConsensusCondition, type ConsensusCondition } from "@/lib/team/consensus-filter";
import {
  annotationStatusSchema,
  formatLabelCondition,
  parseLabelCondition,
  type AnnotationStatus,
  type LabelCondition,
} from "@/lib/annotations/filter-params";

/**
 * The transcripts table's whole state, held in the URL so that a link
 * reproduces the view and a reload keeps it. Parsed on the server from
 * searchParams (bad values fall back to defaults, never an error page) and
 * written back by `listHref`, which omits defaults to keep links short.
 */

/** Sort keys: each is keyset-paginated on (key, id). "-" = descending. */
export const SORT_KEYS = ["id", "scratchpad"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORTS = ["id", "-id", "scratchpad", "-scratchpad"] as const;
export type Sort = (typeof SORTS)[number];
export const DEFAULT_SORT: Sort = "id";

/** Columns a reader can hide or show; id, condition and the pair link always show. */
export const OPTIONAL_COLUMNS = [
  "setting",
  "variation",
  "model",
  "dataset",
  "query",
  "scratchpad",
  "output",
  "labels",
  "annotations",
  "issues",
] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];
export const DEFAULT_COLUMNS: readonly OptionalColumn[] = ["variation", "model", "query", "scratchpad", "labels", "annotations", "issues"];

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
/** Page links jump with OFFSET up to here; further pages are reached by keyset cursors (Next/Prev/Last). */
export const MAX_OFFSET_PAGE = 100;
export const MAX_QUERY_LENGTH = 200;
/** Above this many matches, a search or label filter stops counting (unless asked for an exact count). */
export const COUNT_CAP = 5_000;
export const MAX_LABEL_FILTERS = 4;
export const OUTCOME_SEGMENTS = ["refuses", "compliesWithAf", "compliesWithoutAf"] as const;
export type OutcomeSegment = (typeof OUTCOME_SEGMENTS)[number];

/** A position in the sorted list: the sort key's value and the id breaking ties. */
export interface Cursor {
  key: number;
  id: number;
}

/** A source-label filter: transcripts carrying this exact (source, name, value). */
export interface LabelFilter {
  source: string;
  name: string;
  value: string;
}

export interface ListFilters {
  setting?: number;
  variation?: number;
  model?: number;
  dataset?: number;
  condition?: Condition;
  labels: LabelFilter[];
  /** Human annotations: unlabelled / not labelled by me / labelled by me / by anyone (submitted ones only). */
  status?: AnnotationStatus;
  /** Human label conditions (`human=key:value`), all met by one submitted annotation. */
  human: LabelCondition[];
  /**
   * Consensus label conditions (`consensus=key:value` or `key:@method`), read from the one
   * consensus rule (view transcript_consensus, lib/team/consensus.ts). Leads only: a
   * consensus is made of other people's labels.
   */
  consensus?: ConsensusCondition[];
  /**
   * Whose labels the human label conditions and the outcome read: one
   * annotator's (their user id). Unset: anyone's (leads) or the viewer's own.
   */
  by?: string;
  /**
   * A chart segment read from `by`'s labels: the charts' drill-down, counted by
   * the same SQL as the chart (lib/analytics/human-outcomes.ts). Needs `by`.
   */
  outcome?: OutcomeSegment;
  /**
   * A judge run's verdicts (`judge=RUN:CELL[@THRESHOLD]`): what it said (positive,
   * negative, unreadable) or a cell of its confusion matrix against `by`'s labels
   * (unset: the consensus). The validation page's every number links here. Leads
   * only: it reads a judge's verdicts and other people's labels.
   */
  judge?: JudgeFilter;
  /** Full-text search (websearch syntax: words, "quoted phrases", -excluded, or). */
  q?: string;
}

export interface ListState {
  filters: ListFilters;
  sort: Sort;
  /** 1-based. With a cursor it only labels the page; without one it is an OFFSET. */
  page: number;
  size: number;
  /** Rows after this position (Next), before it (Prev), or the last page ("end"). */
  after?: Cursor;
  before?: Cursor | "end";
  columns: OptionalColumn[];
  /** Count every match of a search or label filter, however many (slower); otherwise counting stops at a cap. */
  exactCount?: boolean;
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (first(v) === "" ? undefined : first(v)), schema.optional()).catch(undefined);

const CURSOR_PATTERN = /^(\d{1,10})(?:\.(\d{1,10}))?$/;

export function parseCursor(text: string | undefined): Cursor | undefined {
  const match = text ? CURSOR_PATTERN.exec(text) : null;
  if (!match) return undefined;
  const [key, tieBreak] = [Number(match[1]), match[2] === undefined ? undefined : Number(match[2])];
  return tieBreak === undefined ? { key, id: key } : { key, id: tieBreak };
}

/** Id sort: just the id. Other sorts: "key.id". */
export function formatCursor(sort: Sort, cursor: Cursor): string {
  return sortKeyOf(sort) === "id" ? String(cursor.id) : `${cursor.key}.${cursor.id}`;
}

export function sortKeyOf(sort: Sort): SortKey {
  return sort.replace(/^-/, "") as SortKey;
}
export const isDescending = (sort: Sort) => sort.startsWith("-");

/** "source|name|value"; the value may itself contain "|". */
export function parseLabelFilter(text: string): LabelFilter | undefined {
  const [source, name, ...rest] = text.split("|");
  if (!source || !name || rest.length === 0) return undefined;
  return { source, name, value: rest.join("|") };
}
export const formatLabelFilter = (label: LabelFilter) => `${label.source}|${label.name}|${label.value}`;

const stateSchema = z.object({
  setting: optional(idSchema),
  variation: optional(idSchema),
  model: optional(idSchema),
  dataset: optional(idSchema),
  condition: optional(conditionSchema),
  label: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(500)))
    .catch([])
    .transform((values) =>
      values
        .map(parseLabelFilter)
        .filter((label) => label !== undefined)
        .slice(0, MAX_LABEL_FILTERS),
    ),
  status: optional(annotationStatusSchema),
  human: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(100)))
    .catch([])
    .transform((values) =>
      values
        .map(parseLabelCondition)
        .filter((condition) => condition !== undefined)
        .slice(0, MAX_LABEL_FILTERS),
    ),
  consensus: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(100)))
    .catch([])
    .transform((values) =>
      values
        .map(parseConsensusCondition)
        .filter((condition) => condition !== undefined)
        .slice(0, MAX_LABEL_FILTERS),
    ),
  by: optional(z.string().min(1).max(100)),
  outcome: optional(z.enum(OUTCOME_SEGMENTS)),
  judge: optional(z.string().max(40)).transform(parseJudgeFilter),
  q: optional(z.string().transform((text) => text.trim().slice(0, MAX_QUERY_LENGTH))).transform((q) => q || undefined),
  sort: optional(z.enum(SORTS)).transform((sort) => sort ?? DEFAULT_SORT),
  page: optional(z.coerce.number().int().min(1).max(1_000_000_000)).transform((page) => page ?? 1),
  size: optional(z.coerce.number().pipe(z.union(PAGE_SIZES.map((size) => z.literal(size))))).transform((size) => size ?? DEFAULT_PAGE_SIZE),
  after: optional(z.string()).transform(parseCursor),
  before: optional(z.string()).transform((text) => (text === "end" ? ("end" as const) : parseCursor(text))),
  count: optional(z.literal("exact")),
  cols: optional(z.string()).transform((text) => {
    if (text === undefined) return [...DEFAULT_COLUMNS];
    const wanted = new Set(text.split(","));
    return OPTIONAL_COLUMNS.filter((column) => wanted.has(column));
  }),
});

export type SearchParams = Record<string, string | string[] | undefined>;

export function parseListState(params: SearchParams | URLSearchParams): ListState {
  const raw = params instanceof URLSearchParams ? paramsRecord(params) : params;
  const parsed = stateSchema.parse(raw);
  const {
    setting,
    variation,
    model,
    dataset,
    condition,
    label,
    status,
    human,
    consensus,
    by,
    outcome,
    judge,
    q,
    sort,
    page,
    size,
    after,
    before,
    cols,
    count,
  } = parsed;
  // A cursor wins over an offset; both cursors at once make no sense: keep "after".
  const state: ListState = {
    filters: {
      setting,
      variation,
      model,
      dataset,
      condition,
      labels: label,
      status,
      human,
      ...(consensus.length && { consensus }),
      by,
      outcome: by ? outcome : undefined,
      ...(judge && { judge }),
      q,
    },
    sort,
    page,
    size,
    columns: cols,
  };
  if (count === "exact") state.exactCount = true;
  if (after) state.after = after;
  else if (before) state.before = before;
  else state.page = Math.min(page, MAX_OFFSET_PAGE);
  return state;
}

/** The canonical query string of a state (defaults omitted), without "?". */
export function listQueryString(state: ListState): string {
  const params = new URLSearchParams();
  const { filters } = state;
  if (filters.q) params.set("q", filters.q);
  for (const key of ["setting", "variation", "model", "dataset"] as const) {
    if (filters[key] !== undefined) params.set(key, String(filters[key]));
  }
  if (filters.condition) params.set("condition", filters.condition);
  for (const label of filters.labels) params.append("label", formatLabelFilter(label));
  if (filters.status) params.set("status", filters.status);
  for (const condition of filters.human) params.append("human", formatLabelCondition(condition));
  for (const condition of filters.consensus ?? []) params.append("consensus", consensusConditionParam(condition));
  if (filters.by) params.set("by", filters.by);
  if (filters.outcome) params.set("outcome", filters.outcome);
  if (filters.judge) params.set("judge", formatJudgeFilter(filters.judge));
  if (state.sort !== DEFAULT_SORT) params.set("sort", state.sort);
  if (state.size !== DEFAULT_PAGE_SIZE) params.set("size", String(state.size));
  if (state.page !== 1) params.set("page", String(state.page));
  if (state.after) params.set("after", formatCursor(state.sort, state.after));
  else if (state.before) params.set("before", state.before === "end" ? "end" : formatCursor(state.sort, state.before));
  if (!sameColumns(state.columns, DEFAULT_COLUMNS)) params.set("cols", state.columns.join(","));
  if (state.exactCount) params.set("count", "exact");
  return params.toString();
}

export function listHref(state: ListState): string {
  const query = listQueryString(state);
  return query ? `/transcripts?${query}` : "/transcripts";
}

/** The same view from its first page (and capped counts again): what any change of filter, search or sort leads to. */
export function firstPage(state: ListState): ListState {
  return { filters: state.filters, sort: state.sort, size: state.size, columns: state.columns, page: 1 };
}

export const DEFAULT_LIST_STATE: ListState = parseListState({});

function sameColumns(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((column) => b.includes(column));
}

export function hasFilters(filters: ListFilters): boolean {
  return Boolean(
    filters.q ||
    filters.setting ||
    filters.variation ||
    filters.model ||
    filters.dataset ||
    filters.condition ||
    filters.labels.length ||
    hasAnnotationFilter(filters),
  );
}

export function hasAnnotationFilter(filters: ListFilters): boolean {
  // A judge filter too: the counts tables know nothing of judges, so it is counted like a label filter.
  return Boolean(filters.status || filters.human.length || filters.outcome || filters.consensus?.length || filters.judge);
}

/**
 * Does the state name the labels of someone other than `viewerId`? A
 * consensus is made of everyone's labels; `by` names an annotator (or the
 * consensus); a judge filter reads a judge's verdicts against the consensus or
 * `by`. Only leads may; the visibility layer answers anyone else 403,
 * even when nothing else in the URL would read through `by`.
 */
export function readsOthersLabels(filters: ListFilters, viewerId: string | undefined): boolean {
  if (filters.consensus?.length || filters.judge) return true;
  return filters.by !== undefined && filters.by !== viewerId;
}
