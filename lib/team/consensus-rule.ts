import { z } from "zod";
import type { LabelValue } from "@/lib/annotations/values";

/**
 * The consensus rule's vocabulary (pure: the browser shows it). The rule
 * itself runs in ONE place, the SQL function `transcript_consensus_of`
 * (migration 20261203660000_transcript_consensus_table, the rule of
 * 20261122070000_team_labelling); its answers are stored in the table
 * `transcript_consensus`, which lib/team/consensus.ts reads. Nothing else
 * decides a consensus.
 */
export const CONSENSUS_METHODS = ["adjudicated", "unanimous", "majority", "single", "undecided"] as const;
export const consensusMethodSchema = z.enum(CONSENSUS_METHODS);
export type ConsensusMethod = z.infer<typeof consensusMethodSchema>;

export const CONSENSUS_METHOD_NAMES: Record<ConsensusMethod, string> = {
  adjudicated: "Adjudicated by a lead",
  unanimous: "Unanimous",
  majority: "Majority",
  single: "One annotator only",
  undecided: "Undecided",
};

/** The rule in words, shown wherever consensus labels are (adjudication, agreement, table filter). */
export const CONSENSUS_RULE: readonly string[] = [
  "A lead's adjudication, when there is one, is the consensus.",
  "Otherwise, when two or more annotators gave the label and all agree: unanimous.",
  "Otherwise, when more than half of them agree: majority.",
  "One annotator alone is shown as “one annotator only” (a value, not yet a consensus of several).",
  "Otherwise (a tie, no majority): undecided, no value.",
  "Only submitted annotations vote; a label left unset is no vote. A span label's vote is whether the annotator tagged evidence with it.",
];

/** One label's consensus on one transcript, as the view gives it. */
export interface ConsensusLabel {
  labelKey: string;
  /** Null when undecided. A span label's value is true/false (has evidence). */
  value: LabelValue | null;
  method: ConsensusMethod;
  /** Annotators who gave the label a value (submitted annotations only). */
  annotators: number;
  /** How many of them gave the most common value. */
  topVotes: number;
  /** Votes per value, the value as text ("full", "true", "3"). */
  votes: Record<string, number>;
}

/** Share of annotators who gave the most common value (1 = all agree); null without votes. */
export function itemAgreement(label: Pick<ConsensusLabel, "annotators" | "topVotes">): number | null {
  return label.annotators ? label.topVotes / label.annotators : null;
}
