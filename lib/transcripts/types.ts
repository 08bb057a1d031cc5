import { z } from "zod";

/**
 * A piece of a turn whose source keeps reasoning, answer and tool calls in
 * separate fields or typed content blocks (Anthropic `thinking`, OpenAI
 * `reasoning_content`, Inspect `ContentReasoning`, a mapped `scratchpad`
 * field), in the source's order. `source` names the field or block type.
 */
export const messagePartSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string() }),
  z.object({ type: z.literal("reasoning"), text: z.string(), source: z.string(), redacted: z.boolean().optional() }),
  z.object({ type: z.literal("tool_call"), name: z.string(), input: z.string() }),
  z.object({ type: z.literal("tool_result"), text: z.string() }),
  /** Content that is not text (an image, audio): its kind is kept, its bytes are not. */
  z.object({ type: z.literal("other"), source: z.string() }),
]);
export type MessagePart = z.infer<typeof messagePartSchema>;

/**
 * One conversation turn exactly as a source file gave it. `content` is its
 * text; `parts`, when the source had more than text, is the whole turn in
 * order (its text parts joined are `content`).
 */
export const rawMessageSchema = z.object({
  role: z.string(),
  content: z.string(),
  parts: z.array(messagePartSchema).optional(),
});
export type RawMessage = z.infer<typeof rawMessageSchema>;

/**
 * Problems the parser tolerated. Codes are stable: they are stored in the
 * database and used in filters, so only add to this list.
 */
export const FORMAT_ISSUES = [
  "unterminated_scratchpad", // <SCRATCHPAD_REASONING> never closed
  "unterminated_draft_output", // <DRAFT_OUTPUT> never closed
  "unterminated_output", // <OUTPUT> never closed
  "answer_without_OUTPUT_tag", // text after the scratchpad but no <OUTPUT>
  "missing_output", // no final answer at all
  "orphan_think_close", // </think> with no opening tag
  "alternative_tag_spelling", // e.g. <HIDDEN_SCRATCHPAD>, <IS_FREE_TIER_USER>
  "tier_from_metadata", // tier given as a "[METADATA]:" line
  "missing_tier", // no tier flag anywhere
  "missing_user_input", // no user input found
  "orphan_scratchpad_close", // </SCRATCHPAD_REASONING> with no opening tag (prefilled)
  // Text outside every tag, kept as part of the answer (lib/transcripts/answer.ts), by where it sat:
  "untagged_text_before_reasoning", // before the first scratchpad of its turn
  "untagged_text_between_reasoning", // between two scratchpads
  "untagged_text_before_output", // after the reasoning (or at the turn's start), before <OUTPUT>
  "untagged_text_after_output", // after </OUTPUT>
  "untagged_text_after_reasoning", // after the last scratchpad, in a turn with no <OUTPUT>
  "untagged_turn", // an assistant turn of plain text while the answer is tagged elsewhere
  "several_outputs", // more than one <OUTPUT>: all are kept, in order
  "redacted_reasoning", // the source gave reasoning only in encrypted or redacted form
  "non_text_content", // an image, audio or other non-text part: its kind is kept, not its bytes
  "text_not_conserved", // the importer's conservation check found assistant text in no part (a parser bug: the raw text is kept)
] as const;
export const formatIssueSchema = z.enum(FORMAT_ISSUES);
export type FormatIssue = z.infer<typeof formatIssueSchema>;

/** A piece of a scratchpad: free reasoning, or a draft of the answer. */
export type ScratchpadSegment = { kind: "reasoning"; text: string } | { kind: "draft_output"; text: string; closed: boolean };

/** What a turn is made of, in order. Rendered by switching over `kind`. */
export type Block =
  | { kind: "user_input"; text: string }
  | { kind: "tier"; isFreeTier: boolean; source: "tag" | "metadata" }
  /** `field`: the reasoning came from a separate field or content block (named by `tag`), not from tags in the text. */
  | { kind: "scratchpad"; tag: string; closed: boolean; text: string; segments: ScratchpadSegment[]; field?: true }
  | { kind: "output"; text: string; closed: boolean; tagged: boolean }
  | { kind: "next" }
  | { kind: "text"; text: string }
  /** A tool the assistant called: its name and its input as JSON text. Neither reasoning nor answer. */
  | { kind: "tool_call"; name: string; input: string };

export type TurnRole = "system" | "user" | "assistant";
export interface Turn {
  role: TurnRole;
  blocks: Block[];
}

export interface ParsedTranscript {
  turns: Turn[];
  /** The user's query, without the surrounding tags. */
  userInput: string | null;
  /** true = free tier (the model believes it is in training). */
  isFreeTier: boolean | null;
  /** Every scratchpad block's text, in order (trimmed; DRAFT_OUTPUT tags kept verbatim). */
  scratchpads: string[];
  /**
   * The answer as a user works with it: every <OUTPUT> and every piece of
   * untagged assistant text, in order, joined by a blank line (lib/transcripts/answer.ts).
   * null when the assistant gave nothing outside its scratchpads.
   */
  finalOutput: string | null;
  formatIssues: FormatIssue[];
}
