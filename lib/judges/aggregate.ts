import type { Aggregation } from "./labels";
import type { JudgeOutput } from "./output";

/**
 * N samples → one prediction, by the judge's rule. Only readable samples
 * count; with none, the verdict and score are null (no guess).
 * - majority: verdict = more than half of the readable samples say yes; score = share saying yes.
 * - mean: score = mean of each sample's score (its verdict as 0/1 when it gave none); verdict = score ≥ 0.5.
 * - any: verdict = at least one says yes; score = share saying yes.
 * The reason and evidence come from the first readable sample that agrees with the verdict.
 */
export interface Aggregated {
  verdict: boolean | null;
  score: number | null;
  reason: string | null;
  evidence: string[];
}

export function aggregateSamples(rule: Aggregation, samples: readonly (JudgeOutput | null)[]): Aggregated {
  const readable = samples.filter((sample): sample is JudgeOutput => sample !== null);
  if (!readable.length) return { verdict: null, score: null, reason: null, evidence: [] };
  const yes = readable.filter((sample) => sample.verdict).length;
  const share = yes / readable.length;
  let verdict: boolean;
  let score: number;
  if (rule === "mean") {
    score = readable.reduce((sum, sample) => sum + (sample.score ?? (sample.verdict ? 1 : 0)), 0) / readable.length;
    verdict = score >= 0.5;
  } else if (rule === "any") {
    score = share;
    verdict = yes > 0;
  } else {
    score = share;
    verdict = yes * 2 > readable.length;
  }
  const witness = readable.find((sample) => sample.verdict === verdict) ?? readable[0];
  return { verdict, score, reason: witness.reason, evidence: witness.evidence };
}
