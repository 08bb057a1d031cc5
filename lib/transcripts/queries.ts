import "server-only";
import { db } from "@/lib/db/client";
import type { Condition } from "@/lib/generated/prisma/client";
import type { Turn } from "./types";

export interface OverviewRow {
  setting: string;
  variation: string;
  isBaseline: boolean;
  training: number;
  deployment: number;
}

/**
 * Transcript counts per setting and variation (registry order), split by
 * condition, from the trigger-kept transcript_counts: no scan of transcripts.
 */
export async function getOverviewCounts(): Promise<OverviewRow[]> {
  const rows = await db().$queryRaw<{ setting: string; variation: string; is_baseline: boolean; training: bigint; deployment: bigint }[]>`
    SELECT s.name AS setting, v.name AS variation, v.is_baseline,
           coalesce(sum(c.count) FILTER (WHERE c.condition = 'training'), 0) AS training,
           coalesce(sum(c.count) FILTER (WHERE c.condition = 'deployment'), 0) AS deployment
    FROM transcript_counts c
    JOIN prompt_variations v ON v.id = c.variation_id
    JOIN settings s ON s.id = v.setting_id
    GROUP BY s.id, s.name, v.id, v.name, v.is_baseline, v.position
    ORDER BY s.id, v.position, v.name`;
  return rows.map((row) => ({
    setting: row.setting,
    variation: row.variation,
    isBaseline: row.is_baseline,
    training: Number(row.training),
    deployment: Number(row.deployment),
  }));
}

export interface TranscriptDetail {
  id: number;
  condition: Condition;
  setting: string;
  variation: string;
  model: string;
  dataset: string;
  query: string;
  turns: Turn[];
  finalOutput: string | null;
  formatIssues: string[];
  pairId: number;
  partnerId: number | null;
  /** The system prompt the transcript's record gave, when it differs from its variation's (else null: the variation's is its). */
  ownSystemPrompt: string | null;
}

export async function getTranscript(id: number): Promise<TranscriptDetail | null> {
  const row = await db().transcript.findUnique({
    where: { id },
    select: {
      id: true,
      condition: true,
      turns: true,
      finalOutput: true,
      formatIssues: true,
      dataset: { select: { name: true } },
      systemPrompt: { select: { text: true } },
      pairId: true,
      pair: {
        select: {
          model: { select: { name: true } },
          query: { select: { text: true } },
          variation: { select: { name: true, systemPrompt: true, setting: { select: { name: true } } } },
          // The partner is the pair's other transcript: one indexed lookup.
          transcripts: { where: { id: { not: id } }, select: { id: true } },
        },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    condition: row.condition,
    setting: row.pair.variation.setting.name,
    variation: row.pair.variation.name,
    model: row.pair.model.name,
    dataset: row.dataset.name,
    query: row.pair.query.text,
    turns: row.turns as unknown as Turn[],
    finalOutput: row.finalOutput,
    formatIssues: row.formatIssues,
    pairId: row.pairId,
    partnerId: row.pair.transcripts[0]?.id ?? null,
    ownSystemPrompt: row.systemPrompt && row.systemPrompt.text !== row.pair.variation.systemPrompt ? row.systemPrompt.text : null,
  };
}

export async function transcriptExists(id: number): Promise<boolean> {
  return (await db().transcript.count({ where: { id } })) > 0;
}
