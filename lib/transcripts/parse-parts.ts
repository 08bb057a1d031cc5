import type { Block } from "./types";
import { reasoningFieldBlock } from "./parse-assistant";
import { parseTurnContent } from "./parse-conversation";
import type { IssueLog } from "./parse-tags";

/**
 * An assistant turn whose source kept reasoning, answer and tool calls apart
 * (RawMessage.parts): reasoning parts are scratchpads as they are, text parts
 * are parsed like any assistant text (an R1 answer may still hold `</think>`
 * or `<OUTPUT>`), tool calls are their own blocks. Order is the source's.
 */
export function parsePartsContent(parts: readonly unknown[], issues: IssueLog): Block[] {
  const blocks: Block[] = [];
  for (const part of parts) {
    if (typeof part !== "object" || part === null) continue;
    const { type, text, source, redacted, name, input } = part as Record<string, unknown>;
    if (type === "reasoning") {
      blocks.push(reasoningFieldBlock(typeof text === "string" ? text : "", typeof source === "string" ? source : "reasoning", issues));
      if (redacted === true) issues.add("redacted_reasoning");
    } else if (type === "text" && typeof text === "string") {
      blocks.push(...parseTurnContent("assistant", text, issues));
    } else if (type === "tool_call") {
      blocks.push({ kind: "tool_call", name: typeof name === "string" ? name : "", input: typeof input === "string" ? input : "" });
    }
  }
  return blocks;
}
