import type { LabelValue } from "@/lib/annotations/values";
import { CONSENSUS_METHODS, itemAgreement, type ConsensusMethod as TeamConsensusMethod } from "@/lib/team/consensus-rule";

/**
 * The one place an export gets its consensus and agreement from. The rule
 * itself is the team-labelling issue's: the SQL view `transcript_consensus`
 * (adjudicated > unanimous > majority > single > undecided; see
 * lib/team/consensus.ts), which rows-sql.ts reads per transcript. This module
 * only shapes the view's rows into the export's fields.
 */
export type ConsensusMethod = TeamConsensusMethod | "unlabelled";
export const EXPORT_CONSENSUS_METHODS: readonly ConsensusMethod[] = [...CONSENSUS_METHODS, "unlabelled"];

/** The label whose consensus is the transcript's headline label (lib/annotations/default-schema.ts). */
export const HEADLINE_LABEL = "af_verdict";

/** One label's row of the view, as rows-sql.ts aggregates it: [value, method, annotators, top_votes, votes]. */
export type ConsensusCell = [LabelValue | null, TeamConsensusMethod, number, number, Record<string, number>];

export interface LabelConsensus {
  value: LabelValue | null;
  method: TeamConsensusMethod;
  /** Annotators who gave the label a value. */
  annotators: number;
  /** Votes per value (the value as text). */
  votes: Record<string, number>;
}

export interface ExportConsensus {
  /** The headline label the split is stratified by: the verdict's consensus value, or "undecided" / "unlabelled" (no verdict given). */
  label: string;
  /** How that label was reached. */
  method: ConsensusMethod;
  /** Per label key. */
  labels: Record<string, LabelConsensus>;
  /** Share of annotators who gave the verdict's most common value (lib/team itemAgreement); null with fewer than two. */
  agreement: number | null;
}

export function exportConsensus(cells: Record<string, ConsensusCell> | null): ExportConsensus {
  const labels: Record<string, LabelConsensus> = {};
  for (const [key, [value, method, annotators, , votes]] of Object.entries(cells ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    labels[key] = { value, method, annotators, votes };
  }
  const headline = cells?.[HEADLINE_LABEL];
  if (!headline) return { label: "unlabelled", method: "unlabelled", labels, agreement: null };
  const [value, method, annotators, topVotes] = headline;
  return {
    label: value === null ? "undecided" : String(value),
    method,
    labels,
    agreement: annotators >= 2 ? itemAgreement({ annotators, topVotes }) : null,
  };
}
