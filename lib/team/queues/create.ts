import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { invalid } from "@/lib/server/errors";
import { filterConditions } from "@/lib/transcripts/list-sql";
import { leadScope } from "@/lib/transcripts/list-scope";
import { parseListState } from "@/lib/transcripts/list-state";
import { sampleOrder } from "./sample-order";
import type { CreateQueueInput } from "./schemas";

/**
 * Makes a queue from a filter of the transcripts table (its URL query
 * string, read by the table's own parser and SQL builder, so "the filter"
 * means exactly what the table shows): `size` transcripts (random, first by
 * id, nearest a judge's threshold, or stratified: sample-order.ts), or `size`
 * pairs with both their sides. Queue, annotators, items and
 * the audit rows are written in one transaction.
 */
export async function createQueue(input: CreateQueueInput, leadId: string): Promise<{ id: number; items: number }> {
  // The lead's view of the table: "mine" means the lead, and label filters may read everyone's labels.
  const state = parseListState(new URLSearchParams(input.filter));
  const conditions = filterConditions(state.filters, leadScope(leadId));
  const where = conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
  if (input.pairs && (input.sample === "uncertain" || input.sample === "stratified"))
    throw invalid("“Most uncertain first” and “stratified” pick transcripts, not pairs: untick “Count pairs”.");
  const order = input.sample === "random" ? Prisma.sql`random()` : Prisma.sql`1`;
  const sample = sampleOrder(input.sample, state.filters);
  const picked = input.pairs
    ? Prisma.sql`SELECT t2.id FROM transcripts t2 WHERE t2.pair_id IN (
        SELECT p.pair_id FROM (SELECT DISTINCT t.pair_id FROM transcripts t WHERE ${where}) p ORDER BY ${order}, p.pair_id LIMIT ${input.size})`
    : Prisma.sql`SELECT t.id FROM transcripts t ${sample.join} WHERE ${where} ORDER BY ${sample.order} LIMIT ${input.size}`;

  const annotators = await db().user.findMany({ where: { id: { in: input.annotatorIds }, banned: { not: true } }, select: { id: true } });
  if (annotators.length !== new Set(input.annotatorIds).size)
    throw invalid("One of the chosen annotators does not exist or is deactivated.");

  return db().$transaction(async (tx) => {
    const queue = await tx.labelQueue.create({
      data: {
        name: input.name,
        description: input.description,
        blind: input.blind,
        hideSuggestions: input.hideSuggestions,
        annotatorsPerItem: input.annotatorsPerItem,
        createdById: leadId,
        filter: { query: input.filter, size: input.size, sample: input.sample, pairs: input.pairs },
      },
      select: { id: true },
    });
    const items =
      await tx.$executeRaw`INSERT INTO label_queue_items (queue_id, transcript_id) SELECT ${queue.id}, id FROM (${picked}) AS picked ORDER BY id`;
    if (items === 0) throw invalid("No transcript matches this filter.");
    await tx.labelQueueAnnotator.createMany({ data: input.annotatorIds.map((userId) => ({ queueId: queue.id, userId })) });
    await tx.teamAudit.createMany({
      data: [
        {
          actorId: leadId,
          action: "queue_create",
          queueId: queue.id,
          details: {
            name: input.name,
            items,
            annotatorsPerItem: input.annotatorsPerItem,
            blind: input.blind,
            hideSuggestions: input.hideSuggestions,
            filter: input.filter,
            sample: input.sample,
            pairs: input.pairs,
          },
        },
        ...input.annotatorIds.map((userId) => ({
          actorId: leadId,
          action: "annotator_add" as const,
          queueId: queue.id,
          subjectUserId: userId,
        })),
      ],
    });
    return { id: queue.id, items };
  });
}

/**
 * How many transcripts (and pairs) a queue filter matches, read by the same
 * parser and SQL as createQueue, so the count is what a queue made from it
 * could hold. For the new-queue form: a number instead of only a query string.
 */
export async function countFilterMatches(filter: string, leadId: string): Promise<{ transcripts: number; pairs: number }> {
  const state = parseListState(new URLSearchParams(filter));
  const conditions = filterConditions(state.filters, leadScope(leadId));
  const where = conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
  const [row] = await db().$queryRaw<{ transcripts: number; pairs: number }[]>`
    SELECT count(*)::int AS transcripts, count(DISTINCT t.pair_id)::int AS pairs FROM transcripts t WHERE ${where}`;
  return row;
}
