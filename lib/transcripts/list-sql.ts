import { outcomesSqlOf, segmentCondition } from "@/lib/analytics/human-outcomes";
import { CONSENSUS_BY } from "@/lib/analytics/label-sources";
import { annotationFilterSql } from "@/lib/annotations/filters";
import { judgeFilterSql } from "@/lib/judges/validation/query-sql";
import { blindHoldSql } from "@/lib/team/blind-hold-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { consensusFilterSql } from "@/lib/team/consensus-sql";
import { MARK_END, MARK_START } from "./highlight";
import { labelSignatureCountQuery } from "./label-count-sql";
import type { ListScope } from "./list-scope";
import { searchQueryText } from "./search-vectors";
import {
  hasAnnotationFilter,
  isDescending,
  readsOthersLabels,
  sortKeyOf,
  COUNT_CAP,
  type Cursor,
  type ListFilters,
  type ListState,
  type Sort,
} from "./list-state";

/**
 * The SQL behind the transcripts table, built from the URL state. One builder
 * serves the page, the counts and the paired view's next/previous pair, so
 * they can never disagree about what "the current filtered list" is.
 *
 * Every filter is a column of `transcripts` itself (setting_id, variation_id,
 * model_id, query_id are copied from the pair), so no filter needs a join and
 * the composite indexes of migration 20261122030000_browse apply; bench/list.ts
 * measures the combinations they were chosen for.
 */

const { sql, join, empty, raw } = Prisma;

/** How the row's sort key is computed; each has an index on (key, id). */
const SORT_EXPRESSIONS = {
  id: raw("t.id"),
  scratchpad: raw("length(t.scratchpad_text)"),
} as const;

export function sortExpression(sort: Sort): Prisma.Sql {
  return SORT_EXPRESSIONS[sortKeyOf(sort)];
}

/**
 * The text search: websearch syntax ("a phrase", -word, or), English stemming,
 * over scratchpads and outputs (the generated search_vector) and the user
 * input (queries.text). `indexed: false` states the same test in a form the
 * GIN index cannot serve, which leaves the planner the id-ordered scan.
 */
function searchCondition(typed: string, indexed = true): Prisma.Sql {
  const q = searchQueryText(typed);
  const document = indexed ? raw("t.search_vector") : raw("coalesce(t.search_vector, ''::tsvector)");
  return sql`(${document} @@ websearch_to_tsquery('english', ${q})
    OR t.query_id = ANY (ARRAY(SELECT qs.id FROM queries qs WHERE to_tsvector('english', qs.text) @@ websearch_to_tsquery('english', ${q}))))`;
}

export function filterConditions(filters: ListFilters, scope: ListScope, options: { indexedSearch?: boolean } = {}): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.setting !== undefined) conditions.push(sql`t.setting_id = ${filters.setting}::int`);
  if (filters.variation !== undefined) conditions.push(sql`t.variation_id = ${filters.variation}::int`);
  if (filters.model !== undefined) conditions.push(sql`t.model_id = ${filters.model}::int`);
  if (filters.dataset !== undefined) conditions.push(sql`t.dataset_id = ${filters.dataset}::int`);
  if (filters.condition !== undefined) conditions.push(sql`t.condition = ${filters.condition}::"Condition"`);
  for (const label of filters.labels) {
    conditions.push(sql`EXISTS (SELECT 1 FROM source_labels sl
      WHERE sl.transcript_id = t.id AND sl.source = ${label.source} AND sl.name = ${label.name} AND sl.value = ${label.value})`);
  }
  // Someone else's labels only for those who may read them; the visibility layer refuses such a URL first (403).
  if (!scope.seesOthersLabels && readsOthersLabels(filters, scope.viewerId))
    throw new Error("Filtering by another annotator's labels needs the lead role");
  if (filters.status || filters.human.length) {
    const oneAnnotator = filters.by !== undefined && filters.by !== CONSENSUS_BY ? filters.by : undefined;
    const annotatorOnly = oneAnnotator ?? (scope.seesOthersLabels ? undefined : scope.viewerId);
    conditions.push(annotationFilterSql({ status: filters.status, labels: filters.human }, scope.viewerId, { annotatorOnly }));
  }
  if (filters.consensus?.length) conditions.push(consensusFilterSql(filters.consensus));
  if (filters.outcome && filters.by) {
    conditions.push(sql`t.id IN (SELECT o.transcript_id FROM (${outcomesSqlOf(filters.by)}) o WHERE ${segmentCondition(filters.outcome)})`);
  }
  if (filters.judge) {
    const reference =
      filters.by === undefined || filters.by === CONSENSUS_BY
        ? ({ kind: "consensus" } as const)
        : { kind: "annotator" as const, annotatorId: filters.by };
    conditions.push(judgeFilterSql(filters.judge, reference));
  }
  if (scope.hideBlindHeld && scope.viewerId) conditions.push(sql`NOT ${blindHoldSql(scope.viewerId)}`);
  if (filters.q) conditions.push(searchCondition(filters.q, options.indexedSearch ?? true));
  return conditions;
}

function where(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty;
}

interface SortColumns {
  key: Prisma.Sql;
  id: Prisma.Sql;
}
const TABLE_COLUMNS = (sort: Sort): SortColumns => ({ key: sortExpression(sort), id: raw("t.id") });
const MATCH_COLUMNS: SortColumns = { key: raw("m.sort_key"), id: raw("m.id") };

/** Rows strictly after (or before) `cursor` in the order of `sort`. */
function keysetCondition(sort: Sort, cursor: Cursor, direction: "after" | "before", columns = TABLE_COLUMNS(sort)): Prisma.Sql {
  const forward = (direction === "after") !== isDescending(sort);
  const op = raw(forward ? ">" : "<");
  if (sortKeyOf(sort) === "id") return sql`${columns.id} ${op} ${cursor.id}::int`;
  return sql`(${columns.key}, ${columns.id}) ${op} (${cursor.key}::int, ${cursor.id}::int)`;
}

function orderBy(sort: Sort, reversed: boolean, columns = TABLE_COLUMNS(sort)): Prisma.Sql {
  const direction = raw(isDescending(sort) !== reversed ? "DESC" : "ASC");
  if (sortKeyOf(sort) === "id") return sql`ORDER BY ${columns.id} ${direction}`;
  return sql`ORDER BY ${columns.key} ${direction}, ${columns.id} ${direction}`;
}

export interface PageQuery {
  sql: Prisma.Sql;
  /** Rows come back in reverse list order (a "before" page): the caller flips them. */
  reversed: boolean;
  /** The rows also carry match_total / match_training (searches count in the same statement). */
  countsIncluded: boolean;
}

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "`;
const QUERY_HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
export const QUERY_PREVIEW_CHARS = 280;

/** Where the page starts: keyset conditions, or an OFFSET for the first pages. */
function window(state: ListState, columns?: SortColumns) {
  const conditions: Prisma.Sql[] = [];
  let offset = empty;
  let reversed = false;
  if (state.after) conditions.push(keysetCondition(state.sort, state.after, "after", columns));
  else if (state.before) {
    reversed = true;
    if (state.before !== "end") conditions.push(keysetCondition(state.sort, state.before, "before", columns));
  } else if (state.page > 1) offset = sql`OFFSET ${(state.page - 1) * state.size}::int`;
  return { conditions, offset, reversed, limit: sql`LIMIT ${state.size + 1}::int` };
}

/**
 * One page of rows (size + 1, to know whether there is more), narrow columns
 * only: registry names are looked up by the caller, the snippet (ts_headline)
 * is computed for the page's rows only, after the LIMIT.
 *
 * A search first collects up to COUNT_CAP + 1 matches through the GIN index.
 * If that is all of them, the page is sorted from those (a rare word never
 * makes PostgreSQL walk the whole table in id order hoping for 51 matches);
 * if there are more, matches are dense enough that walking in sort order with
 * the test as a filter finds a page quickly. The counts come from the same
 * collected matches, in the same statement.
 */
export function pageQuery(
  state: ListState,
  scope: ListScope,
  cap = COUNT_CAP,
  options: { rowsOnly?: boolean; probeRows?: number } = {},
): PageQuery {
  const { filters, sort } = state;
  const q = filters.q && searchQueryText(filters.q);
  const rowsOf = (page: Prisma.Sql, reversed: boolean) => sql`
    SELECT t.id, t.pair_id, t.condition::text AS condition, t.setting_id, t.variation_id, t.model_id, t.dataset_id,
           page.sort_key, left(q.text, ${QUERY_PREVIEW_CHARS}::int) AS query_text,
           length(t.scratchpad_text) AS scratchpad_chars, length(t.final_output) AS output_chars, t.format_issues,
           (SELECT coalesce(json_agg(json_build_array(sl.source, sl.name, sl.value) ORDER BY sl.source, sl.name), '[]')
              FROM source_labels sl WHERE sl.transcript_id = t.id) AS labels,
           ${q ? sql`ts_headline('english', left(q.text, ${QUERY_PREVIEW_CHARS}::int), websearch_to_tsquery('english', ${q}), ${QUERY_HEADLINE_OPTIONS})` : sql`NULL`} AS query_headline,
           ${q ? sql`ts_headline('english', translate(t.scratchpad_text || E'\n\n' || coalesce(t.final_output, ''), '<>', '  '), websearch_to_tsquery('english', ${q}), ${HEADLINE_OPTIONS})` : sql`NULL`} AS snippet
    FROM ${page} page
    JOIN transcripts t ON t.id = page.id
    JOIN queries q ON q.id = t.query_id
    ${orderBy(sort, reversed, { key: raw("page.sort_key"), id: raw("page.id") })}`;

  if (!q) {
    const { conditions, offset, reversed, limit } = window(state);
    const page = sql`(SELECT t.id, ${sortExpression(sort)} AS sort_key FROM transcripts t
      ${where([...filterConditions(filters, scope), ...conditions])} ${orderBy(sort, reversed)} ${limit} ${offset})`;
    return { sql: rowsOf(page, reversed), reversed, countsIncluded: false };
  }

  const limit = state.exactCount ? empty : sql`LIMIT ${cap + 1}::int`;
  const fromMatches = window(state, MATCH_COLUMNS);
  const fromTable = window(state);
  const reversed = fromTable.reversed;
  // Without the counts, a page can often be read off a short walk in sort order (see probeWalk); the rest as below.
  const probe = options.rowsOnly ? probeWalk(state, scope, options.probeRows ?? SEARCH_PROBE_ROWS) : undefined;
  const unlessProbed = probe ? [sql`NOT (SELECT conclusive FROM probe)`] : [];
  const page = sql`(
      ${probe ? sql`${probe.page} UNION ALL` : empty}
      (SELECT m.id, m.sort_key FROM matches m
       ${where([...unlessProbed, sql`(SELECT total FROM stats) <= ${cap}::int`, ...fromMatches.conditions])}
       ${orderBy(sort, reversed, MATCH_COLUMNS)} ${fromMatches.limit} ${fromMatches.offset})
      UNION ALL
      (SELECT t.id, ${sortExpression(sort)} FROM transcripts t
       ${where([...unlessProbed, sql`(SELECT total FROM stats) > ${cap}::int`, ...filterConditions(filters, scope, { indexedSearch: false }), ...fromTable.conditions])}
       ${orderBy(sort, reversed)} ${fromTable.limit} ${fromTable.offset})
    )`;
  const matches = sql`matches AS MATERIALIZED (
      SELECT t.id, t.condition, ${sortExpression(sort)} AS sort_key FROM transcripts t ${where(filterConditions(filters, scope))} ${limit}
    ),
    stats AS (SELECT count(*)::int AS total, (count(*) FILTER (WHERE condition = 'training'))::int AS training FROM matches)`;
  if (probe) return { sql: sql`WITH ${probe.ctes}, ${matches} ${rowsOf(page, reversed)}`, reversed, countsIncluded: false };
  const query = sql`
    WITH ${matches}
    SELECT stats.total AS match_total, stats.training AS match_training, r.*
    FROM stats LEFT JOIN (${rowsOf(page, reversed)}) r ON true
    ${orderBy(sort, reversed, { key: raw("r.sort_key"), id: raw("r.id") })}`;
  return { sql: query, reversed, countsIncluded: true };
}

/**
 * How many rows, in sort order, a search's rows statement first reads with
 * the search as a test rather than through the index. A common word or
 * phrase fills a page within them; collecting its 5,001 matches through the
 * GIN index (and rechecking a phrase against each) is what the count needs,
 * not the first page.
 */
export const SEARCH_PROBE_ROWS = 1_000;

/**
 * The first `probeRows` rows of the filtered list (all filters but the
 * search) from the page's start, each with whether it matches. Conclusive when
 * they hold the page and one more match, or are all there is: the page is then
 * exactly their matches, in order. Otherwise the statement goes on as before.
 */
function probeWalk(state: ListState, scope: ListScope, probeRows: number) {
  const { filters, sort } = state;
  const { conditions, offset, reversed } = window(state);
  const skipped = state.after || state.before ? 0 : (state.page - 1) * state.size;
  const scanned = { key: raw("s.sort_key"), id: raw("s.id") };
  const ctes = sql`scan AS MATERIALIZED (
      SELECT t.id, ${sortExpression(sort)} AS sort_key, ${searchCondition(filters.q!, false)} AS hit FROM transcripts t
      ${where([...filterConditions({ ...filters, q: undefined }, scope), ...conditions])}
      ${orderBy(sort, reversed)} LIMIT ${probeRows}::int
    ),
    probe AS (
      SELECT count(*) < ${probeRows}::int OR count(*) FILTER (WHERE s.hit) > ${skipped + state.size}::int AS conclusive FROM scan s
    )`;
  const page = sql`(SELECT s.id, s.sort_key FROM scan s WHERE s.hit AND (SELECT conclusive FROM probe)
      ${orderBy(sort, reversed, scanned)} LIMIT ${state.size + 1}::int ${offset})`;
  return { ctes, page };
}

/**
 * Total and per-condition counts, for filters without a search, and whether
 * they are exact. Filters on registry columns only read the trigger-kept
 * transcript_counts (exact, a few hundred rows at most); "label is true"
 * filters read label_signatures (exact too); other label and annotation
 * filters count the transcripts, up to COUNT_CAP + 1 unless `exact`.
 */
export function countQuery(filters: ListFilters, scope: ListScope, exact = false, cap = COUNT_CAP): Prisma.Sql {
  if (filters.labels.length === 0 && !filters.q && !hasAnnotationFilter(filters) && !scope.hideBlindHeld) {
    const conditions: Prisma.Sql[] = [];
    if (filters.setting !== undefined) conditions.push(sql`c.setting_id = ${filters.setting}::int`);
    if (filters.variation !== undefined) conditions.push(sql`c.variation_id = ${filters.variation}::int`);
    if (filters.model !== undefined) conditions.push(sql`c.model_id = ${filters.model}::int`);
    if (filters.dataset !== undefined) conditions.push(sql`c.dataset_id = ${filters.dataset}::int`);
    if (filters.condition !== undefined) conditions.push(sql`c.condition = ${filters.condition}::"Condition"`);
    return sql`SELECT coalesce(sum(c.count), 0)::int AS total, coalesce(sum(c.count) FILTER (WHERE c.condition = 'training'), 0)::int AS training, true AS exact
      FROM transcript_counts c ${where(conditions)}`;
  }
  const fromSignatures = labelSignatureCountQuery(filters, scope);
  if (fromSignatures) return fromSignatures;
  const limit = exact ? empty : sql`LIMIT ${cap + 1}::int`;
  return sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE m.condition = 'training')::int AS training, ${exact}::boolean AS exact
    FROM (SELECT t.condition FROM transcripts t ${where(filterConditions(filters, scope))} ${limit}) m`;
}

/**
 * The pair next to (or before) the row at `anchor` in the list of `state`,
 * skipping rows of the current pair: the paired view's next/previous keys.
 * With `currentPairId` null, just the next (previous) row: the single
 * transcript view's "submit and go to the next".
 */
export function neighbourQuery(
  state: ListState,
  scope: ListScope,
  anchor: Cursor,
  currentPairId: number | null,
  direction: "after" | "before",
  cap = COUNT_CAP,
): Prisma.Sql {
  const { filters, sort } = state;
  const reversed = direction === "before";
  // Without a pair to skip (the single-transcript view), the next row is simply the next one.
  const notThisPair = currentPairId === null ? sql`TRUE` : sql`t.pair_id <> ${currentPairId}::int`;
  const notThisPairMatch = currentPairId === null ? sql`TRUE` : sql`m.pair_id <> ${currentPairId}::int`;
  if (!filters.q) {
    const conditions = [...filterConditions(filters, scope), keysetCondition(sort, anchor, direction), notThisPair];
    return sql`SELECT t.id, t.pair_id FROM transcripts t ${where(conditions)} ${orderBy(sort, reversed)} LIMIT 1`;
  }
  // As for a page of a search (see pageQuery): from the collected matches when they are all there, else in sort order.
  return sql`
    WITH matches AS MATERIALIZED (
      SELECT t.id, t.pair_id, ${sortExpression(sort)} AS sort_key FROM transcripts t ${where(filterConditions(filters, scope))} LIMIT ${cap + 1}::int
    ), stats AS (SELECT count(*)::int AS total FROM matches)
    (SELECT m.id, m.pair_id FROM matches m
     ${where([sql`(SELECT total FROM stats) <= ${cap}::int`, keysetCondition(sort, anchor, direction, MATCH_COLUMNS), notThisPairMatch])}
     ${orderBy(sort, reversed, MATCH_COLUMNS)} LIMIT 1)
    UNION ALL
    (SELECT t.id, t.pair_id FROM transcripts t
     ${where([sql`(SELECT total FROM stats) > ${cap}::int`, ...filterConditions(filters, scope, { indexedSearch: false }), keysetCondition(sort, anchor, direction), notThisPair])}
     ${orderBy(sort, reversed)} LIMIT 1)`;
}

/** The sort key of one transcript, to anchor next/previous at it. */
export function sortKeyQuery(sort: Sort, transcriptId: number): Prisma.Sql {
  return sql`SELECT ${sortExpression(sort)} AS key FROM transcripts t WHERE t.id = ${transcriptId}::int`;
}
