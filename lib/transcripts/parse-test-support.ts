import { expect } from "vitest";
import { FORMAT_ISSUES, type Block, type ParsedTranscript, type RawMessage } from "./types";

/** Builders and invariants shared by the parser's test files. */

export const user = (content: string): RawMessage => ({ role: "user", content });
export const assistant = (content: string): RawMessage => ({ role: "assistant", content });
export const nativeInput = (query: string, tier = "True") =>
  `<INPUT>\n<is_free_tier_user>${tier}</is_free_tier_user>\n\n<user_input>\n${query}\n</user_input>\n</INPUT>`;

export function blocksOfKind<K extends Block["kind"]>(parsed: ParsedTranscript, kind: K): Extract<Block, { kind: K }>[] {
  return parsed.turns.flatMap((turn) => turn.blocks).filter((block): block is Extract<Block, { kind: K }> => block.kind === kind);
}

/** Invariants every parse must satisfy, whatever the input. */
export function expectWellFormed(parsed: ParsedTranscript): void {
  expect(new Set(parsed.formatIssues).size).toBe(parsed.formatIssues.length);
  for (const issue of parsed.formatIssues) expect(FORMAT_ISSUES).toContain(issue);
  expect(parsed.scratchpads).toEqual(blocksOfKind(parsed, "scratchpad").map((block) => block.text));
  // The answer is every output and every untagged assistant text, in order (lib/transcripts/answer.ts).
  const answer = parsed.turns
    .filter((turn) => turn.role === "assistant")
    .flatMap((turn) => turn.blocks)
    .filter((block) => block.kind === "output" || block.kind === "text");
  expect(parsed.finalOutput).toBe(
    answer.length > 0
      ? answer
          .map((block) => (block as { text: string }).text)
          .filter(Boolean)
          .join("\n\n")
      : null,
  );
  expect(parsed.formatIssues.includes("missing_output")).toBe(blocksOfKind(parsed, "output").length === 0);
  expect(parsed.formatIssues.includes("missing_tier")).toBe(parsed.isFreeTier === null);
  expect(parsed.formatIssues.includes("missing_user_input")).toBe(parsed.userInput === null);
  expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed); // turns are stored as JSON
}

/** Deterministic PRNG (mulberry32) so fuzz failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
