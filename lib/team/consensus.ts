import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { sortSpans, type LabelValues, type SpanInput } from "@/lib/annotations/values";
import { consensusMethodSchema, type ConsensusLabel } from "./consensus-rule";

/**
 * CONSENSUS LABELS: the one way to read them (charts, exports, table filter,
 * adjudication). The rule runs in the SQL function `transcript_consensus_of`,
 * nowhere else; its answers are stored in the table `transcript_consensus`,
 * which triggers on annotations, annotation_spans and adjudications keep in step
 * at the writing transaction's commit (migrations 20261203660000, 20261204100000:
 * charts over 100,000 annotations read stored rows instead of recounting every vote). The table
 * equals the live view `transcript_consensus_live` (consensus-table.db.test.ts).
 * Never write the table; write annotations and adjudications:
 *
 *   adjudicated (a lead's decision) > unanimous (2+ annotators, all agree)
 *   > majority (more than half agree) > single (one annotator) > undecided (value null)
 *
 * Only submitted annotations vote; an unset label is no vote; a span label's
 * vote is "tagged evidence with it" (true/false). The wording for the UI is
 * lib/team/consensus-rule.ts `CONSENSUS_RULE`.
 *
 * Use:
 *
 *   // per transcript: every annotator's submitted labels + the consensus per label key
 *   const labels = await teamLabelsForTranscripts([12, 13]);            // or a condition on `transcripts t`:
 *   const labels = await teamLabelsForTranscripts(Prisma.sql`t.variation_id = ${id}`);
 *   labels.get(12) // { annotators: AnnotatorLabels[], consensus: ConsensusLabel[] }
 *
 *   // only the consensus: Map<transcriptId, ConsensusLabel[]>
 *   await consensusForTranscripts(ids | Prisma.sql`...`)
 *
 *   // in SQL (a list query over `transcripts t`):
 *   SELECT ... FROM transcripts t WHERE ... AND ${consensusFilterSql([{ key: "af_verdict", value: "full" }])}
 *   // or join the table yourself: SELECT value, method FROM transcript_consensus WHERE transcript_id = ... AND label_key = ...
 *
 * ConsensusLabel = { labelKey, value (null when undecided), method, annotators
 * (how many gave a value), topVotes, votes {value-as-text: count} };
 * `itemAgreement(label)` = topVotes / annotators. Chance-corrected agreement
 * (kappa, alpha) over many transcripts is lib/team/agreement/load.ts.
 */

/** Transcripts by id, or a condition on `transcripts t` (e.g. the table's filter). */
export type TranscriptSelection = readonly number[] | Prisma.Sql;

export interface AnnotatorLabels {
  annotatorId: string;
  annotatorName: string;
  schemaVersion: number;
  values: LabelValues;
  spans: SpanInput[];
  note: string;
  submittedAt: string;
}

export interface TeamLabels {
  annotators: AnnotatorLabels[];
  consensus: ConsensusLabel[];
}

function selectionSql(selection: TranscriptSelection, column: Prisma.Sql): Prisma.Sql {
  if (Array.isArray(selection)) return Prisma.sql`${column} = ANY(${[...selection]}::int[])`;
  return Prisma.sql`${column} IN (SELECT t.id FROM transcripts t WHERE ${selection as Prisma.Sql})`;
}

interface ViewRow {
  transcript_id: number;
  label_key: string;
  value: ConsensusLabel["value"];
  method: string;
  annotators: number;
  top_votes: number;
  votes: Record<string, number>;
}

/** The consensus per label key of each selected transcript that has any (transcripts without human labels are absent). */
export async function consensusForTranscripts(selection: TranscriptSelection): Promise<Map<number, ConsensusLabel[]>> {
  const result = new Map<number, ConsensusLabel[]>();
  if (Array.isArray(selection) && selection.length === 0) return result;
  const rows = await db().$queryRaw<ViewRow[]>`
    SELECT c.transcript_id, c.label_key, c.value, c.method, c.annotators, c.top_votes, c.votes
    FROM transcript_consensus c WHERE ${selectionSql(selection, Prisma.sql`c.transcript_id`)}
    ORDER BY c.transcript_id, c.label_key`;
  for (const row of rows) {
    const list = result.get(row.transcript_id) ?? [];
    list.push({
      labelKey: row.label_key,
      value: row.value,
      method: consensusMethodSchema.parse(row.method),
      annotators: row.annotators,
      topVotes: row.top_votes,
      votes: row.votes,
    });
    result.set(row.transcript_id, list);
  }
  return result;
}

/** Every annotator's SUBMITTED labels of each selected transcript (drafts are private to their author). */
export async function annotatorLabelsForTranscripts(selection: TranscriptSelection): Promise<Map<number, AnnotatorLabels[]>> {
  const result = new Map<number, AnnotatorLabels[]>();
  if (Array.isArray(selection) && selection.length === 0) return result;
  const ids = Array.isArray(selection)
    ? [...selection]
    : (await db().$queryRaw<{ id: number }[]>`SELECT t.id FROM transcripts t WHERE ${selection as Prisma.Sql}`).map((row) => row.id);
  const rows = await db().annotation.findMany({
    where: { transcriptId: { in: ids }, submittedAt: { not: null } },
    select: {
      transcriptId: true,
      annotatorId: true,
      schemaVersion: true,
      values: true,
      note: true,
      submittedAt: true,
      annotator: { select: { name: true } },
      spans: { select: { labelKey: true, start: true, end: true, text: true } },
    },
    orderBy: [{ transcriptId: "asc" }, { submittedAt: "asc" }],
  });
  for (const row of rows) {
    const list = result.get(row.transcriptId) ?? [];
    list.push({
      annotatorId: row.annotatorId,
      annotatorName: row.annotator.name,
      schemaVersion: row.schemaVersion,
      values: row.values as LabelValues,
      spans: sortSpans(row.spans),
      note: row.note,
      submittedAt: row.submittedAt!.toISOString(),
    });
    result.set(row.transcriptId, list);
  }
  return result;
}

/** Both of the above per transcript: what an export row needs. */
export async function teamLabelsForTranscripts(selection: TranscriptSelection): Promise<Map<number, TeamLabels>> {
  const [consensus, annotators] = await Promise.all([consensusForTranscripts(selection), annotatorLabelsForTranscripts(selection)]);
  const result = new Map<number, TeamLabels>();
  for (const id of new Set([...consensus.keys(), ...annotators.keys()])) {
    result.set(id, { annotators: annotators.get(id) ?? [], consensus: consensus.get(id) ?? [] });
  }
  return result;
}

export { consensusFilterSql } from "./consensus-sql";
