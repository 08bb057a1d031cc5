import "server-only";
import { readDb } from "@/lib/db/replica";
import { Prisma } from "@/lib/generated/prisma/client";
import { getCurrentSchema } from "@/lib/annotations/schema";
import type { LabelDefinition } from "@/lib/annotations/schema-definition";
import type { LabelValues } from "@/lib/annotations/values";
import { computeAgreement, type AnnotatorRating, type LabelAgreement } from "./compute";

/**
 * Agreement between annotators, read from the database: the reusable server
 * function for the agreement page and the analytics charts (issue 7).
 *
 *   await agreementFor({ queueId: 3 })                     // one queue's items
 *   await agreementFor({ where: Prisma.sql`t.variation_id = ${id}` })   // any condition on `transcripts t`
 *   await agreementByVariation({ where: Prisma.sql`t.setting_id = ${s}` }) // Map<variationId, LabelAgreement[]>
 *
 * Ratings are SUBMITTED annotations only; labels are those of the current
 * schema version (keys are stable across versions). Every figure carries the
 * number of items behind it.
 */
export interface AgreementScope {
  queueId?: number;
  /** A condition on `transcripts t`. */
  where?: Prisma.Sql;
  /** Only these labels (a chart shows one): the others are neither computed nor their spans read. */
  labelKeys?: readonly string[];
}

interface RatingRow {
  id: number;
  transcript_id: number;
  variation_id: number;
  annotator_id: string;
  values: LabelValues;
  spans: AnnotatorRating["spans"];
}

/**
 * The ratings and their spans as two flat reads, joined here by annotation id.
 * Not one statement with each annotation's spans aggregated into JSON beside it:
 * at 100,000 annotations (232,000 spans) that statement took 9 s here, the two
 * flat ones a tenth of it.
 */
async function loadRatings(scope: AgreementScope, labels: readonly LabelDefinition[]): Promise<RatingRow[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`a.submitted_at IS NOT NULL`];
  if (scope.queueId !== undefined)
    conditions.push(Prisma.sql`t.id IN (SELECT i.transcript_id FROM label_queue_items i WHERE i.queue_id = ${scope.queueId})`);
  if (scope.where) conditions.push(scope.where);
  const where = Prisma.join(conditions, " AND ");
  const spanKeys = labels.filter((label) => label.kind === "span").map((label) => label.key);
  const [ratings, spans] = await Promise.all([
    readDb().$queryRaw<Omit<RatingRow, "spans">[]>`
      SELECT a.id, a.transcript_id, t.variation_id, a.annotator_id, a."values"
      FROM annotations a JOIN transcripts t ON t.id = a.transcript_id
      WHERE ${where}`,
    spanKeys.length === 0
      ? []
      : readDb().$queryRaw<{ annotation_id: number; label_key: string; start: number; end: number }[]>`
          SELECT s.annotation_id, s.label_key, s.start, s."end"
          FROM annotation_spans s JOIN annotations a ON a.id = s.annotation_id JOIN transcripts t ON t.id = a.transcript_id
          WHERE ${where} AND s.label_key = ANY(${spanKeys}::text[])`,
  ]);
  const spansOf = new Map<number, AnnotatorRating["spans"]>();
  for (const span of spans) {
    const list = spansOf.get(span.annotation_id);
    const entry = { labelKey: span.label_key, start: span.start, end: span.end };
    if (list) list.push(entry);
    else spansOf.set(span.annotation_id, [entry]);
  }
  return ratings.map((rating) => ({ ...rating, spans: spansOf.get(rating.id) ?? [] }));
}

const toRating = (row: RatingRow): AnnotatorRating => ({
  transcriptId: row.transcript_id,
  annotatorId: row.annotator_id,
  values: row.values,
  spans: row.spans,
});

/**
 * Ratings grouped by variation. Pushed, not spread: a variation holds thousands of
 * ratings at a team's scale (100,000 annotations), and copying the group on every
 * row made grouping quadratic.
 */
function byVariation(rows: readonly RatingRow[]): Map<number, AnnotatorRating[]> {
  const groups = new Map<number, AnnotatorRating[]>();
  for (const row of rows) {
    const group = groups.get(row.variation_id);
    if (group) group.push(toRating(row));
    else groups.set(row.variation_id, [toRating(row)]);
  }
  return groups;
}

/** The current schema's labels, or those of them the scope asks for. */
async function labelsOf(scope: AgreementScope): Promise<LabelDefinition[]> {
  const { labels } = await getCurrentSchema();
  return scope.labelKeys ? labels.filter((label) => scope.labelKeys!.includes(label.key)) : [...labels];
}

export async function agreementFor(scope: AgreementScope): Promise<LabelAgreement[]> {
  const labels = await labelsOf(scope);
  return computeAgreement(labels, (await loadRatings(scope, labels)).map(toRating));
}

export async function agreementByVariation(scope: AgreementScope): Promise<Map<number, LabelAgreement[]>> {
  const labels = await labelsOf(scope);
  const rows = await loadRatings(scope, labels);
  return new Map([...byVariation(rows)].map(([variationId, ratings]) => [variationId, computeAgreement(labels, ratings)]));
}

/** Both of the above from ONE read of the ratings (the agreement page shows both). */
export async function agreementOverallAndByVariation(
  scope: AgreementScope,
): Promise<{ overall: LabelAgreement[]; byVariation: Map<number, LabelAgreement[]> }> {
  const labels = await labelsOf(scope);
  const rows = await loadRatings(scope, labels);
  return {
    overall: computeAgreement(labels, rows.map(toRating)),
    byVariation: new Map([...byVariation(rows)].map(([variationId, ratings]) => [variationId, computeAgreement(labels, ratings)])),
  };
}
