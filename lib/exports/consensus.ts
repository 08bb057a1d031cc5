import type { LabelValue, LabelValues } from "@/lib/annotations/values";

/**
 * The one place an export gets its consensus and agreement from: every
 * writer, the split's strata and the manifest's counts read `exportConsensus`.
 *
 * TEMPORARY: the team-labelling issue (issue 6) owns the consensus rule
 * (adjudicated, else unanimous / majority, else undecided). Until its module
 * is merged, `temporaryMajorityConsensus` stands in: unanimous / majority /
 * undecided over submitted annotations only, no adjudication.
 */
export interface ConsensusInput {
  annotatorId: string;
  values: LabelValues;
}

export type ConsensusMethod = "adjudicated" | "unanimous" | "majority" | "undecided" | "unlabelled";

export interface ExportConsensus {
  /** The headline label the split is stratified by: the alignment-faking verdict's consensus value, or "undecided" / "unlabelled". */
  label: string;
  /** How that label was reached. */
  method: ConsensusMethod;
  /** Per label key: the consensus value, or null when undecided. */
  values: Record<string, LabelValue | null>;
  /** Pairwise percent agreement on the headline label (0-1); null with fewer than two annotators giving it. */
  agreement: number | null;
}

/** The label whose consensus is the transcript's headline label (lib/annotations/default-schema.ts). */
export const HEADLINE_LABEL = "af_verdict";

export function exportConsensus(annotations: readonly ConsensusInput[]): ExportConsensus {
  return temporaryMajorityConsensus(annotations);
}

function temporaryMajorityConsensus(annotations: readonly ConsensusInput[]): ExportConsensus {
  const keys = [...new Set(annotations.flatMap((annotation) => Object.keys(annotation.values)))].sort();
  const values: Record<string, LabelValue | null> = {};
  let method: ConsensusMethod = "unlabelled";
  let agreement: number | null = null;
  for (const key of keys) {
    const given = annotations.map((annotation) => annotation.values[key]).filter((value) => value !== undefined);
    const decision = decide(given);
    values[key] = decision.value;
    if (key === HEADLINE_LABEL) {
      method = decision.method;
      agreement = pairwiseAgreement(given);
    }
  }
  const headline = values[HEADLINE_LABEL];
  const label = method === "unlabelled" ? "unlabelled" : headline === null || headline === undefined ? "undecided" : String(headline);
  return { label, method, values, agreement };
}

function decide(given: LabelValue[]): { value: LabelValue | null; method: ConsensusMethod } {
  if (given.length === 0) return { value: null, method: "unlabelled" };
  const counts = new Map<string, { value: LabelValue; count: number }>();
  for (const value of given) {
    const entry = counts.get(JSON.stringify(value)) ?? { value, count: 0 };
    entry.count++;
    counts.set(JSON.stringify(value), entry);
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count);
  if (ranked[0].count === given.length) return { value: ranked[0].value, method: "unanimous" };
  if (ranked[0].count * 2 > given.length) return { value: ranked[0].value, method: "majority" };
  return { value: null, method: "undecided" };
}

function pairwiseAgreement(given: LabelValue[]): number | null {
  if (given.length < 2) return null;
  let agreeing = 0;
  let pairs = 0;
  for (let i = 0; i < given.length; i++) {
    for (let j = i + 1; j < given.length; j++) {
      pairs++;
      if (given[i] === given[j]) agreeing++;
    }
  }
  return agreeing / pairs;
}
