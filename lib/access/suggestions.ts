import "server-only";
import { db } from "@/lib/db/client";
import { oncePerRequest } from "@/lib/server/request-scope";
import { hidesSuggestionsOutsideQueues } from "./policy";
import { viewerWithRole, type Viewer } from "./viewer";

/**
 * Whether the viewer's reads of transcripts outside queues leave out imported
 * labels and judge suggestions (the rule: policy.ts). Read once per request.
 */
export async function hidesSuggestions(viewer: Viewer): Promise<boolean> {
  return oncePerRequest(`hides-suggestions:${viewer.id}`, async () => {
    const row = await db().labellingPreference.findUnique({ where: { userId: viewer.id }, select: { hideSuggestions: true } });
    return hidesSuggestionsOutsideQueues(viewer, row?.hideSuggestions ?? null);
  });
}

/** The settings page's view of the toggle: what applies now, and whether it is the role's default. */
export async function labellingPreference(): Promise<{ hideSuggestions: boolean; isDefault: boolean; roleDefault: boolean }> {
  const viewer = await viewerWithRole();
  const row = await db().labellingPreference.findUnique({ where: { userId: viewer.id }, select: { hideSuggestions: true } });
  const preference = row?.hideSuggestions ?? null;
  return {
    hideSuggestions: hidesSuggestionsOutsideQueues(viewer, preference),
    isDefault: preference === null,
    roleDefault: hidesSuggestionsOutsideQueues(viewer, null),
  };
}

/** Sets the viewer's own toggle (null: back to the role's default). */
export async function setLabellingPreference(hideSuggestions: boolean | null): Promise<void> {
  const viewer = await viewerWithRole();
  await db().labellingPreference.upsert({
    where: { userId: viewer.id },
    create: { userId: viewer.id, hideSuggestions },
    update: { hideSuggestions, updatedAt: new Date() },
  });
}

/** A judge's answer on one transcript, offered to the annotator as a suggestion (never as their label). */
export interface JudgeSuggestion {
  runId: number;
  judgeName: string;
  labelKey: string;
  verdict: boolean | null;
  score: number | null;
  reason: string | null;
  /** Quoted evidence; `start`/`end` are UTF-16 offsets into the scratchpad when the quote matched it. */
  evidence: { quote: string; start: number | null; end: number | null; matched: boolean }[];
}

/**
 * The newest finished run of each judge over this transcript, for the annotation panel; nothing at all when the
 * viewer hides suggestions here (outside queues: their toggle; in a queue item: pass `hiddenByQueue`).
 */
export async function judgeSuggestions(transcriptId: number, options: { hiddenByQueue?: boolean } = {}): Promise<JudgeSuggestion[]> {
  const viewer = await viewerWithRole();
  const hidden = options.hiddenByQueue ?? (await hidesSuggestions(viewer));
  if (hidden) return [];
  const rows = await db().$queryRaw<
    {
      run_id: number;
      judge_name: string;
      label_key: string;
      verdict: boolean | null;
      score: number | null;
      reason: string | null;
      evidence: JudgeSuggestion["evidence"];
    }[]
  >`
    SELECT DISTINCT ON (j.id) r.id AS run_id, j.name AS judge_name, j.label_key, p.verdict, p.score, p.reason, p.evidence
    FROM judge_predictions p JOIN judge_runs r ON r.id = p.run_id JOIN judges j ON j.id = r.judge_id
    WHERE p.transcript_id = ${transcriptId}::int AND r.status = 'succeeded'
    ORDER BY j.id, r.finished_at DESC NULLS LAST, r.id DESC`;
  return rows.map((row) => ({
    runId: row.run_id,
    judgeName: row.judge_name,
    labelKey: row.label_key,
    verdict: row.verdict,
    score: row.score,
    reason: row.reason,
    evidence: Array.isArray(row.evidence) ? row.evidence : [],
  }));
}
