/**
 * The transcripts table's `judge=` filter as text (no SQL here: the table's URL
 * state imports it, and pages with it; the SQL is query-sql.ts).
 */

/** Against whom a judge is measured: the consensus, or one annotator's submitted labels. */
export type ValidationReference = { kind: "consensus" } | { kind: "annotator"; annotatorId: string };

/** Which cell a transcript falls in, or what the judge said: the `judge=` filter of the transcripts table. */
/** `disagree` = fp ∪ fn (the verdict differs from the reference); `judged` = any readable verdict (for queues over the run). */
export const JUDGE_CELLS = ["tp", "fp", "fn", "tn", "disagree", "positive", "negative", "unreadable", "judged"] as const;
export type JudgeCell = (typeof JUDGE_CELLS)[number];

export interface JudgeFilter {
  runId: number;
  cell: JudgeCell;
  /** Verdict "score ≥ threshold" instead of the judge's own verdict. */
  threshold?: number;
}

const JUDGE_FILTER_PATTERN = /^(\d{1,9}):(tp|fp|fn|tn|disagree|positive|negative|unreadable|judged)(?:@(0(?:\.\d{1,6})?|1(?:\.0{1,6})?))?$/;

/** `12:fp` or `12:fp@0.35`; anything else is no filter. */
export function parseJudgeFilter(text: string | undefined): JudgeFilter | undefined {
  const match = text ? JUDGE_FILTER_PATTERN.exec(text) : null;
  if (!match) return undefined;
  return { runId: Number(match[1]), cell: match[2] as JudgeCell, ...(match[3] !== undefined && { threshold: Number(match[3]) }) };
}

export function formatJudgeFilter(filter: JudgeFilter): string {
  return `${filter.runId}:${filter.cell}${filter.threshold === undefined ? "" : `@${filter.threshold}`}`;
}
