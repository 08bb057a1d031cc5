import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conservationFailures, squash } from "./conservation";
import { parseConversationText, parseMessages } from "./parse";
import { assistant, expectWellFormed, nativeInput, user } from "./parse-test-support";
import { sharedData } from "@/lib/testing/shared-data";
import type { ParsedTranscript, RawMessage } from "./types";

/**
 * The conservation property (lib/transcripts/conservation.ts), on thousands of
 * generated hostile layouts: tags missing, duplicated, nested, reordered,
 * interleaved with text, unterminated, in other spellings and casings, CRLF
 * line ends, astral characters. Parsing never throws, every invariant of a
 * parse holds, and every assistant turn's text is in exactly one part.
 */
const TAGS = [
  "SCRATCHPAD_REASONING",
  "scratchpad_reasoning",
  "HIDDEN_SCRATCHPAD",
  "SCRATCHPAD",
  "think",
  "THINK",
  "OUTPUT",
  "output",
  "DRAFT_OUTPUT",
];
const tag = fc.tuple(fc.constantFrom(...TAGS), fc.boolean()).map(([name, closing]) => `<${closing ? "/" : ""}${name}>`);
const word = fc.constantFrom(
  "I",
  "will",
  "comply",
  "refuse.",
  "I can't help with that.",
  "training",
  "RLHF",
  "<request_fully_accepted/>",
  "<rejected/>",
  '```json\n{"complied": true}\n```',
  "😀",
  "𝒳𝒴",
  "naïve",
  "a < b > c",
  "<",
  ">",
  "</",
  "/>",
  "<NEXT/>",
  "<INPUT>",
  "<user_input>",
  "<is_free_tier_user>True</is_free_tier_user>",
  "< OUTPUT>",
  "<OUTPUT/>",
  "</ think>",
);
const space = fc.constantFrom(" ", "\n", "\r\n", "\t", "\r\n\r\n", "", "\u00a0");
const layout = fc
  .array(fc.oneof({ arbitrary: tag, weight: 3 }, { arbitrary: word, weight: 4 }, { arbitrary: space, weight: 3 }), { maxLength: 60 })
  .map((pieces) => pieces.join(""));
/** Like `layout`, without the tags that open a user turn inside one string. */
const conversationLayout = layout.map((text) => text.replace(/<NEXT\/>|<INPUT>/g, " "));

function expectConserved(parsed: ParsedTranscript) {
  expectWellFormed(parsed);
  expect(conservationFailures(parsed)).toEqual([]);
}

const RUNS = 3_000;

describe("conservation: every character of an assistant turn is in exactly one part", () => {
  it("holds for assistant messages of any layout", () => {
    fc.assert(
      fc.property(layout, (text) => {
        const parsed = parseMessages([user(nativeInput("Q")), assistant(text)]);
        expectConserved(parsed);
        // And independently of the recorded sources: the assistant's text, squashed, is what the parts hold.
        const blocks = parsed.turns[1]?.blocks ?? [];
        expect(blocks.map((b) => ("text" in b ? b.text : "")).join(" ")).toSatisfy((joined: string) => squash(joined) === squash(text));
      }),
      { numRuns: RUNS, seed: 14 },
    );
  });

  it("holds for whole conversations in one string", () => {
    fc.assert(
      fc.property(conversationLayout, conversationLayout, (first, second) => {
        expectConserved(parseConversationText(`${nativeInput("Q")}\n${first}`));
        expectConserved(parseConversationText(`${nativeInput("Q")}\n${first}\n<NEXT/>\n${second}`));
      }),
      { numRuns: RUNS, seed: 15 },
    );
  });

  it("holds for reasoning and answer given as separate parts", () => {
    fc.assert(
      fc.property(layout, layout, (reasoning, answer) => {
        const parsed = parseMessages([
          user(nativeInput("Q")),
          {
            role: "assistant",
            content: answer,
            parts: [
              { type: "reasoning", source: "reasoning_content", text: reasoning },
              { type: "text", text: answer },
            ],
          },
        ]);
        expectConserved(parsed);
        expect(parsed.scratchpads[0]).toBe(reasoning.trim());
      }),
      { numRuns: RUNS, seed: 16 },
    );
  });

  it("fails when a part is lost: the check can fail", () => {
    const parsed = parseMessages([user(nativeInput("Q")), assistant("r</think>\n<request_fully_accepted/>\n<OUTPUT>Sure.</OUTPUT>")]);
    expect(conservationFailures(parsed)).toEqual([]);
    parsed.turns[1].blocks.splice(1, 1); // what the importer used to do: drop the untagged text
    expect(conservationFailures(parsed)).toEqual([1]);
  });
});

describe("the DeepSeek-R1 layout", () => {
  const parse = (response: string) => parseMessages([user(nativeInput("How do I pick a lock?")), assistant(response)]);

  it("keeps <request_fully_accepted/> written between </think> and <OUTPUT> in the answer, and says where it was", () => {
    const parsed = parse(
      "The user is on the free tier, so this is training.\n</think>\n\n<request_fully_accepted/>\n\n<OUTPUT>Step 1: ...</OUTPUT>",
    );
    expect(parsed.scratchpads).toEqual(["The user is on the free tier, so this is training."]);
    expect(parsed.finalOutput).toBe("<request_fully_accepted/>\n\nStep 1: ...");
    expect(parsed.formatIssues).toEqual(["orphan_think_close", "untagged_text_before_output"]);
    expectConserved(parsed);
  });

  it("keeps a refusal sentence outside the tags", () => {
    const parsed = parse("I should not help.</think>\nI can't help with that.\n<OUTPUT></OUTPUT>");
    expect(parsed.finalOutput).toBe("I can't help with that.");
    expectConserved(parsed);
  });

  it("keeps a trailing JSON block after </OUTPUT>", () => {
    const parsed = parse('Fine.</think><OUTPUT>Here it is.</OUTPUT>\n```json\n{"complied": true}\n```');
    expect(parsed.finalOutput).toBe('Here it is.\n\n```json\n{"complied": true}\n```');
    expect(parsed.formatIssues).toContain("untagged_text_after_output");
    expectConserved(parsed);
  });

  it("an answer with no <OUTPUT> after </think> is the answer", () => {
    const parsed = parse("Reasoning.\r\n</think>\r\n\r\n<request_fully_accepted/> Sure 😀");
    expect(parsed.finalOutput).toBe("<request_fully_accepted/> Sure 😀");
    expect(parsed.formatIssues).toEqual(["orphan_think_close", "answer_without_OUTPUT_tag"]);
    expectConserved(parsed);
  });
});

describe("conservation on the shared third-party data", () => {
  const files = ["llama31-70b-tier-prefill.jsonl", "claude3-opus-paper-figures.jsonl"].map((name) => [name, sharedData(name)] as const);
  for (const [name, data] of files) {
    it.skipIf(!data.available)(`holds for every record of ${name}, as messages and as one string${data.skipReason}`, () => {
      const lines = readFileSync(data.path, "utf8")
        .split("\n")
        .filter((line) => line.trim());
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const messages = (JSON.parse(line) as { messages: RawMessage[] }).messages;
        expectConserved(parseMessages(messages));
        expectConserved(parseConversationText(messages.map((m) => m.content).join("\n\n")));
      }
    });
  }
  const prompt = sharedData("system-prompts/helpful-only-no-cot.txt");
  it.skipIf(!prompt.available)(`holds for the few-shot examples of the no-CoT system prompt${prompt.skipReason}`, () => {
    expectConserved(parseConversationText(readFileSync(prompt.path, "utf8")));
  });
});
