import "server-only";
import { readDb } from "@/lib/db/replica";
import { Prisma } from "@/lib/generated/prisma/client";
import { getCurrentSchema } from "@/lib/annotations/schema";
import type { LabelDefinition } from "@/lib/annotations/schema-definition";
import { labelAgreement, mergeCounts, noCounts, type LabelAgreement, type LabelCounts } from "./compute";
import { spanOverlapSql, votePatternsSql, type CountsScope, type SpanOverlapRow, type VotePatternRow } from "./counts-sql";

/**
 * Agreement between annotators, read from the database: the reusable server
 * function for the agreement page and the analytics charts (issue 7).
 *
 *   await agreementFor({ queueId: 3 })                     // one queue's items
 *   await agreementFor({ where: Prisma.sql`t.variation_id = ${id}` })   // any condition on `transcripts t`
 *   await agreementByVariation({ settingId: s })            // Map<variationId, LabelAgreement[]>
 *
 * Ratings are SUBMITTED annotations only; labels are those of the current
 * schema version (keys are stable across versions). Every figure carries the
 * number of items behind it.
 */
export interface AgreementScope {
  queueId?: number;
  /** A condition on `transcripts t`. */
  where?: Prisma.Sql;
  /** Only this setting's variations: alone, read from the counts the write path keeps per variation. */
  settingId?: number;
  /** Only these labels (a chart shows one): the others are neither computed nor their spans read. */
  labelKeys?: readonly string[];
}

/** Per variation (ascending id), per label key: the counts the coefficients need. */
type CountsByVariation = Map<number, Map<string, LabelCounts>>;

/**
 * PostgreSQL counts (lib/team/agreement/counts-sql.ts): vote patterns and span
 * overlap sums per variation and label, a few thousand rows at most, where
 * reading every rating and span (100,000 annotations, 232,000 spans) into Node
 * took seconds. It groups the table agreement_units, which the write path keeps.
 */
async function loadCounts(scope: AgreementScope, labels: readonly LabelDefinition[]): Promise<CountsByVariation> {
  const conditions: Prisma.Sql[] = [];
  if (scope.queueId !== undefined)
    conditions.push(Prisma.sql`t.id IN (SELECT i.transcript_id FROM label_queue_items i WHERE i.queue_id = ${scope.queueId})`);
  if (scope.where) conditions.push(scope.where);
  // Submitted annotations only: agreement_units holds nothing else.
  const where: CountsScope = {
    transcripts: conditions.length ? Prisma.join(conditions, " AND ") : null,
    variations: scope.settingId === undefined ? null : Prisma.sql`v.setting_id = ${scope.settingId}`,
  };
  const spanKeys = labels.filter((label) => label.kind === "span").map((label) => label.key);
  const valueKeys = labels.filter((label) => label.kind !== "span").map((label) => label.key);
  const [patternRows, overlapRows] = await Promise.all([
    readDb().$queryRaw<VotePatternRow[]>(votePatternsSql(where, valueKeys, spanKeys)),
    spanKeys.length === 0 ? [] : readDb().$queryRaw<SpanOverlapRow[]>(spanOverlapSql(where, spanKeys)),
  ]);
  const variations: CountsByVariation = new Map(
    patternRows
      .filter((row) => row.label_key === null)
      .map((row) => row.variation_id)
      .sort((x, y) => x - y)
      .map((id) => [id, new Map()]),
  );
  const countsOf = (variationId: number, labelKey: string) => {
    const byLabel = variations.get(variationId)!;
    let counts = byLabel.get(labelKey);
    if (!counts) byLabel.set(labelKey, (counts = noCounts()));
    return counts;
  };
  for (const row of patternRows) {
    if (row.label_key === null) continue;
    const counts = countsOf(row.variation_id, row.label_key);
    if (row.votes) counts.patterns.push({ votes: row.votes, count: row.items! });
    else for (const annotator of row.annotators!) counts.annotators.add(annotator);
  }
  for (const row of overlapRows)
    countsOf(row.variation_id, row.label_key).spanOverlap = { overlap: row.overlap, total: row.total, items: row.items };
  return variations;
}

const agreementOf = (labels: readonly LabelDefinition[], byLabel: ReadonlyMap<string, LabelCounts>): LabelAgreement[] =>
  labels.map((label) => labelAgreement(label, byLabel.get(label.key) ?? noCounts()));

function overallOf(labels: readonly LabelDefinition[], counts: CountsByVariation): LabelAgreement[] {
  const variations = [...counts.values()];
  return labels.map((label) =>
    labelAgreement(label, mergeCounts(variations.flatMap((byLabel) => (byLabel.has(label.key) ? [byLabel.get(label.key)!] : [])))),
  );
}

/** The current schema's labels, or those of them the scope asks for. */
async function labelsOf(scope: AgreementScope): Promise<LabelDefinition[]> {
  const { labels } = await getCurrentSchema();
  return scope.labelKeys ? labels.filter((label) => scope.labelKeys!.includes(label.key)) : [...labels];
}

export async function agreementFor(scope: AgreementScope): Promise<LabelAgreement[]> {
  const labels = await labelsOf(scope);
  return overallOf(labels, await loadCounts(scope, labels));
}

/** Per variation, in ascending variation id. */
export async function agreementByVariation(scope: AgreementScope): Promise<Map<number, LabelAgreement[]>> {
  const labels = await labelsOf(scope);
  const counts = await loadCounts(scope, labels);
  return new Map([...counts].map(([variationId, byLabel]) => [variationId, agreementOf(labels, byLabel)]));
}

/** Both of the above from ONE read of the counts (the agreement page shows both). */
export async function agreementOverallAndByVariation(
  scope: AgreementScope,
): Promise<{ overall: LabelAgreement[]; byVariation: Map<number, LabelAgreement[]> }> {
  const labels = await labelsOf(scope);
  const counts = await loadCounts(scope, labels);
  return {
    overall: overallOf(labels, counts),
    byVariation: new Map([...counts].map(([variationId, byLabel]) => [variationId, agreementOf(labels, byLabel)])),
  };
}
