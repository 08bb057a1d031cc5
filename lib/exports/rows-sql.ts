import { Prisma } from "@/lib/generated/prisma/client";
import { filterConditions } from "@/lib/transcripts/list-sql";
import type { ListScope } from "@/lib/transcripts/list-scope";
import type { ListFilters } from "@/lib/transcripts/list-state";

/**
 * The two statements of an export, over the same filter as the transcripts
 * table (`filterConditions` of lib/transcripts/list-sql.ts), both in id order.
 * They run as cursors inside one REPEATABLE READ transaction, so the plan
 * (pass 1) and the rows written (pass 2) see the same snapshot.
 *
 * Only submitted annotations are exported: a draft is not a label yet.
 */
const { sql, join, empty } = Prisma;

function where(filters: ListFilters, scope: ListScope): Prisma.Sql {
  const conditions = filterConditions(filters, scope);
  return conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty;
}

/**
 * Pass 1: what the split needs, per transcript: its query, and its consensus
 * per label key from the team issue's view transcript_consensus (the one
 * rule). The view is aggregated once and hash-joined (no ORDER BY: pass 1
 * only counts per query), never evaluated per row: as a correlated subquery
 * it re-reads every annotation for each transcript. Transcripts nobody
 * labelled come with `consensus` null.
 */
export function planSql(filters: ListFilters, scope: ListScope): Prisma.Sql {
  return sql`SELECT t.id, t.query_id, c.consensus
    FROM transcripts t
    LEFT JOIN (SELECT transcript_id, ${CONSENSUS_CELLS} AS consensus FROM transcript_consensus GROUP BY transcript_id) c ON c.transcript_id = t.id
    ${where(filters, scope)}`;
}

/** A transcript's consensus rows as {label_key: [value, method, annotators, top_votes, votes]} (consensus.ts ConsensusCell). */
const CONSENSUS_CELLS = sql`json_object_agg(label_key, json_build_array(value, method, annotators, top_votes, votes))`;

/** The annotators with a submitted annotation in the export (to number them when anonymising). */
export function annotatorsSql(filters: ListFilters, scope: ListScope): Prisma.Sql {
  const conditions = [sql`a.submitted_at IS NOT NULL`, ...filterConditions(filters, scope)];
  return sql`SELECT DISTINCT a.annotator_id FROM annotations a JOIN transcripts t ON t.id = a.transcript_id
    WHERE ${join(conditions, " AND ")} ORDER BY a.annotator_id`;
}

/**
 * Pass 2: the exported columns. raw_messages comes as text: it is written
 * into JSONL as it is (stored verbatim as json), never parsed and re-serialised.
 */
export function rowsSql(filters: ListFilters, scope: ListScope, importedLabels: boolean): Prisma.Sql {
  return sql`${rowSelect(importedLabels, false)} ${where(filters, scope)} ORDER BY t.id`;
}

/** One transcript with the export's columns (the API's transcript document). */
export function transcriptSql(id: number): Prisma.Sql {
  return sql`${rowSelect(true, true)} WHERE t.id = ${id}::int`;
}

/** Pass 2 leaves the consensus out (pass 1 read it for every transcript at once); one transcript reads its own. */
function rowSelect(importedLabels: boolean, consensus: boolean): Prisma.Sql {
  return sql`SELECT t.id, t.pair_id, t.query_id, p.sample_index, t.condition::text AS condition,
      d.name AS dataset, s.slug AS setting, v.slug AS variation, m.name AS model, q.text AS query,
      t.scratchpad_text, t.final_output, t.raw_messages::text AS messages,
      ${
        importedLabels
          ? sql`(SELECT json_agg(json_build_array(sl.source, sl.name, sl.value) ORDER BY sl.source, sl.name)
         FROM source_labels sl WHERE sl.transcript_id = t.id)`
          : sql`NULL::json`
      } AS imported_labels,
      (SELECT json_agg(json_build_object(
                'annotator_id', a.annotator_id, 'schema_version', a.schema_version, 'values', a.values, 'note', a.note,
                'submitted_at', a.submitted_at,
                'spans', (SELECT coalesce(json_agg(json_build_array(sp.label_key, sp.field, sp.start, sp."end", sp.text)
                                 ORDER BY sp.start, sp."end", sp.label_key), '[]')
                          FROM annotation_spans sp WHERE sp.annotation_id = a.id))
              ORDER BY a.annotator_id)
         FROM annotations a WHERE a.transcript_id = t.id AND a.submitted_at IS NOT NULL) AS annotations,
      ${consensus ? sql`(SELECT ${CONSENSUS_CELLS} FROM transcript_consensus c WHERE c.transcript_id = t.id)` : sql`NULL::json`} AS consensus
    FROM transcripts t
    JOIN pairs p ON p.id = t.pair_id
    JOIN datasets d ON d.id = t.dataset_id
    JOIN settings s ON s.id = t.setting_id
    JOIN prompt_variations v ON v.id = t.variation_id
    JOIN models m ON m.id = t.model_id
    JOIN queries q ON q.id = t.query_id`;
}
