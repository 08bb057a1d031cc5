import type { FormatIssue, ParsedTranscript, RawMessage, Turn, TurnRole } from "./types";
import { parsePartsContent } from "./parse-parts";
import { parseTurnContent, splitNativeConversation, splitPrefixedConversation, usesLinePrefixes } from "./parse-conversation";
import type { IssueLog } from "./parse-tags";
import { answerParts, answerText } from "./answer";
import { recordTurnSource } from "./conservation";

/**
 * Transcript parsing for alignment-faking experiments. Pure and total: any
 * input, however malformed, yields a ParsedTranscript; what had to be tolerated
 * is listed in `formatIssues` instead of being thrown.
 */

/** Parses role/content turns, e.g. the `messages` of the shared JSONL files. */
export function parseMessages(messages: RawMessage[]): ParsedTranscript {
  const issues: IssueLog = new Set<FormatIssue>();
  const turns: Turn[] = [];
  for (const message of Array.isArray(messages) ? (messages as unknown[]) : []) {
    if (typeof message !== "object" || message === null) continue;
    const { role, content, parts } = message as { role?: unknown; content?: unknown; parts?: unknown };
    const turnRole = normalizeRole(role);
    // Kept even when empty so turns stay one-to-one with the source's (object) messages.
    const blocks =
      Array.isArray(parts) && turnRole === "assistant"
        ? parsePartsContent(parts, issues)
        : parseTurnContent(turnRole, contentText(content), issues);
    if (Array.isArray(parts) && parts.some((part) => (part as { type?: unknown })?.type === "other")) issues.add("non_text_content");
    const turn: Turn = { role: turnRole, blocks };
    if (turnRole === "assistant") recordTurnSource(turn, Array.isArray(parts) ? partsText(parts) : contentText(content));
    turns.push(turn);
  }
  return summarize(turns, issues);
}

/**
 * Parses a whole conversation held in one string: the native tag format, the
 * few-shot "USER_INPUT:" / "AI:" line-prefix format, or a bare assistant response.
 */
export function parseConversationText(text: string): ParsedTranscript {
  const issues: IssueLog = new Set<FormatIssue>();
  const source = asText(text);
  const turns = usesLinePrefixes(source) ? splitPrefixedConversation(source, issues) : splitNativeConversation(source, issues);
  return summarize(turns, issues);
}

// A Map, not an object literal: a role such as "constructor" must not find Object.prototype.
const ROLE_ALIASES = new Map<string, TurnRole>([
  ["system", "system"],
  ["developer", "system"],
  ["user", "user"],
  ["human", "user"],
  ["assistant", "assistant"],
  ["ai", "assistant"],
  ["model", "assistant"],
  ["gpt", "assistant"],
]);

/** Unknown speakers (tools, functions) count as context: never the query, never the answer. */
function normalizeRole(role: unknown): TurnRole {
  return (typeof role === "string" && ROLE_ALIASES.get(role.trim().toLowerCase())) || "system";
}

/** Strings as they are; chat-API content arrays ([{ type: "text", text }]) joined. */
function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part: unknown) =>
      typeof part === "string" ? part : typeof (part as { text?: unknown })?.text === "string" ? (part as { text: string }).text : "",
    )
    .join("");
}

/** What the reasoning and text parts of a turn say, for the conservation check. */
function partsText(parts: unknown[]): string {
  return parts
    .map((part) => {
      const { type, text } = (part ?? {}) as { type?: unknown; text?: unknown };
      return (type === "reasoning" || type === "text") && typeof text === "string" ? text : "";
    })
    .join(" ");
}

/** Callers outside TypeScript may pass bytes or anything else; never throw on it. */
function asText(input: unknown): string {
  if (typeof input === "string") return input;
  if (input instanceof Uint8Array) return new TextDecoder().decode(input);
  return "";
}

/** Derives the transcript-level fields and the issues only visible across turns. */
function summarize(turns: Turn[], issues: IssueLog): ParsedTranscript {
  let userInput: string | null = null;
  let isFreeTier: boolean | null = null;
  for (const turn of turns) {
    if (turn.role !== "user") continue;
    for (const block of turn.blocks) {
      if (block.kind === "user_input" && userInput === null) userInput = block.text;
      if (block.kind === "tier" && isFreeTier === null) isFreeTier = block.isFreeTier;
    }
  }
  if (isFreeTier === null) issues.add("missing_tier");
  if (userInput === null) issues.add("missing_user_input");

  promoteUntaggedAnswer(turns, issues);
  const scratchpads: string[] = [];
  for (const turn of turns) {
    if (turn.role !== "assistant") continue;
    for (const block of turn.blocks) if (block.kind === "scratchpad") scratchpads.push(block.text);
  }
  const answer = answerParts(turns);
  for (const part of answer) if (part.kind === "untagged") issues.add(part.place);
  const outputs = answer.filter((part) => part.kind === "output").length;
  if (outputs > 1) issues.add("several_outputs");
  // Untagged text before the reasoning is kept in the answer, but the model still gave no answer after it.
  if (outputs === 0) issues.add("missing_output");
  const finalOutput = answerText(answer);
  return { turns, userInput, isFreeTier, scratchpads, finalOutput, formatIssues: [...issues] };
}

/**
 * With no <OUTPUT> anywhere, text closing the last assistant turn (after its
 * last scratchpad, if any) is the answer the model gave without the tag.
 */
function promoteUntaggedAnswer(turns: Turn[], issues: IssueLog): void {
  let lastTurn: Turn | undefined;
  for (const turn of turns) {
    if (turn.role !== "assistant") continue;
    if (turn.blocks.some((block) => block.kind === "output")) return;
    lastTurn = turn;
  }
  const lastBlock = lastTurn?.blocks[lastTurn.blocks.length - 1];
  if (lastTurn === undefined || lastBlock?.kind !== "text") return;
  lastTurn.blocks[lastTurn.blocks.length - 1] = { kind: "output", text: lastBlock.text, closed: true, tagged: false };
  issues.add("answer_without_OUTPUT_tag");
}
