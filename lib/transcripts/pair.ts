import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { neighbourQuery, sortKeyQuery } from "./list-sql";
import type { ListScope } from "./list-scope";
import type { ListState } from "./list-state";
import type { Condition } from "@/lib/schemas";
import type { Turn } from "./types";

/** One side of a pair, with the big text the paired view reads. */
export interface PairTranscript {
  id: number;
  condition: Condition;
  dataset: string;
  turns: Turn[];
  scratchpadText: string;
  finalOutput: string | null;
  formatIssues: string[];
  labels: { source: string; name: string; value: string }[];
}

export interface PairDetail {
  id: number;
  sampleIndex: number;
  queryId: number;
  query: string;
  setting: string;
  variationId: number;
  variation: string;
  isBaseline: boolean;
  modelId: number;
  model: string;
  training: PairTranscript | null;
  deployment: PairTranscript | null;
}

/** The same query elsewhere: one pair per variation (same model) and per model (same variation). */
export interface PairSibling {
  pairId: number;
  variationId: number;
  variation: string;
  isBaseline: boolean;
  modelId: number;
  model: string;
  conditions: Condition[];
}

type PairRow = {
  id: number;
  sample_index: number;
  query_id: number;
  query: string;
  setting: string;
  variation_id: number;
  variation: string;
  is_baseline: boolean;
  model_id: number;
  model: string;
};
type PairTranscriptRow = {
  id: number;
  condition: Condition;
  dataset: string;
  turns: Turn[];
  scratchpad_text: string;
  final_output: string | null;
  format_issues: string[];
  labels: [string, string, string][];
};
type SiblingRow = {
  pair_id: number;
  variation_id: number;
  variation: string;
  is_baseline: boolean;
  position: number;
  model_id: number;
  model: string;
  conditions: Condition[];
};

// The statements, apart from their running, so that bench/pair.ts can time the same SQL through raw pg.
export function pairSql(pairId: number): Prisma.Sql {
  return Prisma.sql`
    SELECT p.id, p.sample_index, p.query_id, q.text AS query, s.name AS setting, p.variation_id, v.name AS variation, v.is_baseline, p.model_id, m.name AS model
    FROM pairs p
    JOIN prompt_variations v ON v.id = p.variation_id
    JOIN settings s ON s.id = v.setting_id
    JOIN models m ON m.id = p.model_id
    JOIN queries q ON q.id = p.query_id
    WHERE p.id = ${pairId}::int`;
}

export function pairTranscriptsSql(pairId: number): Prisma.Sql {
  return Prisma.sql`
    SELECT t.id, t.condition::text AS condition, d.name AS dataset, t.turns, t.scratchpad_text, t.final_output, t.format_issues,
           (SELECT coalesce(json_agg(json_build_array(sl.source, sl.name, sl.value) ORDER BY sl.source, sl.name), '[]')
              FROM source_labels sl WHERE sl.transcript_id = t.id) AS labels
    FROM transcripts t JOIN datasets d ON d.id = t.dataset_id
    WHERE t.pair_id = ${pairId}::int`;
}

export function siblingsSql(pair: Pick<PairDetail, "queryId" | "modelId" | "variationId" | "sampleIndex">): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT ON (p.variation_id, p.model_id)
           p.id AS pair_id, p.variation_id, v.name AS variation, v.is_baseline, v.position, p.model_id, m.name AS model,
           ARRAY(SELECT t.condition::text FROM transcripts t WHERE t.pair_id = p.id ORDER BY t.condition) AS conditions
    FROM pairs p
    JOIN prompt_variations v ON v.id = p.variation_id
    JOIN models m ON m.id = p.model_id
    WHERE p.query_id = ${pair.queryId}::int AND (p.model_id = ${pair.modelId}::int OR p.variation_id = ${pair.variationId}::int)
    ORDER BY p.variation_id, p.model_id, p.sample_index = ${pair.sampleIndex}::int DESC, p.sample_index, p.id`;
}

export async function getPair(pairId: number): Promise<PairDetail | null> {
  const [[pair], transcripts] = await Promise.all([
    db().$queryRaw<PairRow[]>(pairSql(pairId)),
    db().$queryRaw<PairTranscriptRow[]>(pairTranscriptsSql(pairId)),
  ]);
  if (!pair) return null;
  const side = (condition: Condition): PairTranscript | null => {
    const row = transcripts.find((transcript) => transcript.condition === condition);
    if (!row) return null;
    return {
      id: row.id,
      condition: row.condition,
      dataset: row.dataset,
      turns: row.turns,
      scratchpadText: row.scratchpad_text,
      finalOutput: row.final_output,
      formatIssues: row.format_issues,
      labels: row.labels.map(([source, name, value]) => ({ source, name, value })),
    };
  };
  return {
    id: pair.id,
    sampleIndex: pair.sample_index,
    queryId: pair.query_id,
    query: pair.query,
    setting: pair.setting,
    variationId: pair.variation_id,
    variation: pair.variation,
    isBaseline: pair.is_baseline,
    modelId: pair.model_id,
    model: pair.model,
    training: side("training"),
    deployment: side("deployment"),
  };
}

/**
 * Pairs answering the same query with the same model under each variation
 * (or with the same variation under each model), preferring the same sample
 * index; registry order.
 */
export async function getSiblings(pair: Pick<PairDetail, "queryId" | "modelId" | "variationId" | "sampleIndex">): Promise<PairSibling[]> {
  const rows = await db().$queryRaw<SiblingRow[]>(siblingsSql(pair));
  rows.sort((a, b) => a.position - b.position || a.variation_id - b.variation_id || a.model.localeCompare(b.model));
  return rows.map((row) => ({
    pairId: row.pair_id,
    variationId: row.variation_id,
    variation: row.variation,
    isBaseline: row.is_baseline,
    modelId: row.model_id,
    model: row.model,
    conditions: row.conditions,
  }));
}

export interface Neighbour {
  pairId: number;
  transcriptId: number;
}

/**
 * The previous and next pair around transcript `anchorId` in the list the
 * reader came from (same filters, search and sort), skipping the current pair's rows.
 */
export async function getNeighbours(
  state: ListState,
  scope: ListScope,
  anchorId: number,
  pairId: number,
  cap?: number,
): Promise<{ previous: Neighbour | null; next: Neighbour | null }> {
  const [anchor] = await db().$queryRaw<{ key: number }[]>(sortKeyQuery(state.sort, anchorId));
  if (!anchor) return { previous: null, next: null };
  const cursor = { key: Number(anchor.key), id: anchorId };
  const [before, after] = await Promise.all([
    db().$queryRaw<{ id: number; pair_id: number }[]>(neighbourQuery(state, scope, cursor, pairId, "before", cap)),
    db().$queryRaw<{ id: number; pair_id: number }[]>(neighbourQuery(state, scope, cursor, pairId, "after", cap)),
  ]);
  const toNeighbour = (rows: { id: number; pair_id: number }[]) => (rows[0] ? { pairId: rows[0].pair_id, transcriptId: rows[0].id } : null);
  return { previous: toNeighbour(before), next: toNeighbour(after) };
}
