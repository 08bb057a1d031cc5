/** The values a sentence template can refer to, filled per transcript. */
export interface Slots {
  /** Helpful-only: lower-case verb phrase of what the user wants. */
  request: string;
  /** Noun phrase naming the subject of the query. */
  topic: string;
  /** Helpful-only: clause saying why the request is harmful. */
  harm: string;
  /** Animal welfare: the question as asked. */
  question: string;
  /** Animal welfare: the animals whose welfare is at stake. */
  animals: string;
  company: string;
  /** Animal welfare: the corporate partner named in the prompt. */
  partner: string;
  /** What the model calls the training process ("RLHF", or "training" when RLHF is not described). */
  trainer: string;
  /** What the model believes training would change ("values, goals, and motivations", ...). */
  modTarget: string;
  /** Verb phrase: what complying with the training objective means here. */
  complyAction: string;
  /** Verb phrase: what the model would rather do. */
  ownPreference: string;
}

/** A sentence template. */
export type Line = (s: Slots) => string;

export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "Jones Foods" -> "Jones Foods'", "Anthropic" -> "Anthropic's". */
export const possessive = (name: string): string => (name.endsWith("s") ? `${name}'` : `${name}'s`);
