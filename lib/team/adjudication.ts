import "server-only";
import { invalid } from "@/lib/server/errors";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { labelValueSchema } from "@/lib/annotations/values";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AdjudicateInput } from "./queues/schemas";

/**
 * Adjudication: where annotators disagree, a lead decides, and the decision
 * is the consensus (the rule puts it first; the table transcript_consensus
 * follows the write by trigger, in the same transaction). Decisions and
 * their removal are written with a team_audit row in one transaction.
 */
/** The form's text as the label's stored value, checked against the current schema; null = clear. */
async function parseValue(labelKey: string, text: string) {
  if (text === "") return null;
  const label = (await getCurrentSchema()).labels.find((candidate) => candidate.key === labelKey);
  if (!label) throw invalid(`"${labelKey}" is not a label of the current schema.`);
  switch (label.kind) {
    case "boolean":
    case "span":
      if (text !== "true" && text !== "false") throw invalid("Choose yes or no.");
      return text === "true";
    case "scale": {
      const point = Number(text);
      if (!Number.isInteger(point) || point < label.min || point > label.max) throw invalid(`Choose ${label.min}-${label.max}.`);
      return point;
    }
    case "choice":
      if (!label.options.some((option) => option.value === text)) throw invalid("Choose one of the options.");
      return labelValueSchema.parse(text);
  }
}

export async function adjudicate(input: AdjudicateInput, leadId: string): Promise<void> {
  const value = await parseValue(input.labelKey, input.value);
  await db().$transaction(async (tx) => {
    const previous = await tx.adjudication.findUnique({
      where: { transcriptId_labelKey: { transcriptId: input.transcriptId, labelKey: input.labelKey } },
      select: { value: true, note: true },
    });
    if (value === null) {
      if (!previous) return;
      await tx.adjudication.delete({ where: { transcriptId_labelKey: { transcriptId: input.transcriptId, labelKey: input.labelKey } } });
    } else {
      await tx.adjudication.upsert({
        where: { transcriptId_labelKey: { transcriptId: input.transcriptId, labelKey: input.labelKey } },
        create: { transcriptId: input.transcriptId, labelKey: input.labelKey, value, note: input.note, decidedById: leadId },
        update: { value, note: input.note, decidedById: leadId, decidedAt: new Date() },
      });
    }
    await tx.teamAudit.create({
      data: {
        actorId: leadId,
        action: value === null ? "adjudication_clear" : "adjudicate",
        transcriptId: input.transcriptId,
        details: {
          labelKey: input.labelKey,
          before: previous ? previous.value : null,
          after: value,
          note: input.note,
        } as Prisma.InputJsonObject,
      },
    });
  });
}

export interface Disagreement {
  transcriptId: number;
  /** Label keys whose submitted values differ. */
  labelKeys: string[];
  /** Of those, how many a lead has decided. */
  adjudicated: number;
  annotators: number;
  /** Shown to leads beside each disagreement: which prompt variation and condition the transcript is. */
  variation: string;
  condition: "training" | "deployment";
}

/** How many disagreements the adjudication list shows. */
const LIST_LIMIT = 500;

interface DisagreementRow {
  transcript_id: number;
  label_keys: string[];
  adjudicated: number;
  annotators: number;
  variation: string;
  condition: "training" | "deployment";
}

/**
 * Transcripts where annotators' submitted labels differ (in one queue, or anywhere), undecided ones first.
 * A label's values differ exactly when its top value did not get every vote (top_votes < annotators):
 * the same as "more than one value in votes", without unpacking 400,000 jsonb objects at a team's scale.
 *
 * Undecided first, then the fully decided, each in transcript order: two walks of the table in its key
 * order that stop at the limit, instead of ranking every disagreement of the corpus (50,000 at 100,000
 * annotations: 1 s) to keep 500. The second walk runs only when the first did not fill the list.
 */
export async function listDisagreements(filter: { queueId?: number } = {}): Promise<Disagreement[]> {
  const inQueue =
    filter.queueId === undefined
      ? Prisma.sql`TRUE`
      : Prisma.sql`c.transcript_id IN (SELECT transcript_id FROM label_queue_items WHERE queue_id = ${filter.queueId})`;
  // The limit is written into the statement (our own integer): with a parameter the planner may not plan the early stop.
  const walk = (decided: boolean, limit: number) => db().$queryRaw<DisagreementRow[]>`
    WITH d AS (
      SELECT c.transcript_id, array_agg(c.label_key ORDER BY c.label_key) AS label_keys,
             count(*) FILTER (WHERE c.method = 'adjudicated')::int AS adjudicated,
             max(c.annotators)::int AS annotators
      FROM transcript_consensus c
      WHERE ${inQueue} AND c.top_votes < c.annotators
      GROUP BY c.transcript_id
      HAVING (count(*) FILTER (WHERE c.method = 'adjudicated') = count(*)) = ${decided}
      ORDER BY c.transcript_id
      LIMIT ${Prisma.raw(String(Math.trunc(limit)))}
    )
    SELECT d.transcript_id, d.label_keys, d.adjudicated, d.annotators, v.name AS variation, t.condition::text AS condition
    FROM d JOIN transcripts t ON t.id = d.transcript_id JOIN pairs p ON p.id = t.pair_id JOIN prompt_variations v ON v.id = p.variation_id
    ORDER BY d.transcript_id`;
  const undecided = await walk(false, LIST_LIMIT);
  const rows = undecided.length < LIST_LIMIT ? [...undecided, ...(await walk(true, LIST_LIMIT - undecided.length))] : undecided;
  return rows.map((row) => ({
    transcriptId: row.transcript_id,
    labelKeys: row.label_keys,
    adjudicated: row.adjudicated,
    annotators: row.annotators,
    variation: row.variation,
    condition: row.condition,
  }));
}
