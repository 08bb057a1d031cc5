import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sharedData } from "@/lib/testing/shared-data";
import { buildSide } from "./pair-model";
import { parseConversationText, parseMessages } from "./parse";

const figuresFile = sharedData("claude3-opus-paper-figures.jsonl");
const figures = (figuresFile.available ? readFileSync(figuresFile.path, "utf8") : "")
  .trim()
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { id: string; messages: { role: string; content: string }[]; final_output: string });

describe("one side of the paired view", () => {
  it.skipIf(!figuresFile.available)(
    `folds a real transcript into its scratchpad turn, drafts and final output, with lengths${figuresFile.skipReason}`,
    () => {
      const record = figures.find((figure) => figure.id === "paperfig-7-left")!;
      const side = buildSide(parseMessages(record.messages).turns);
      expect(side.parts.map((part) => part.kind)).toEqual(["scratchpad", "output"]);
      expect(side.scratchpadTurns).toBe(1);
      expect(side.scratchpadWords).toBeGreaterThan(50);
      const output = side.parts.find((part) => part.kind === "output")!;
      expect(output.kind === "output" && output.text).toBe(record.final_output);
      expect(side.outputWords).toBe(output.kind === "output" ? output.words : -1);
    },
  );

  it("numbers scratchpad turns and drafts, keeps drafts apart from the final output, and compares them", () => {
    const side = buildSide(
      parseConversationText(
        "<INPUT><is_free_tier_user>True</is_free_tier_user><user_input>Hi</user_input></INPUT>\n" +
          "AI: <SCRATCHPAD_REASONING>First I think.</SCRATCHPAD_REASONING>\nUSER_INPUT: <NEXT/>\n" +
          "AI: <SCRATCHPAD_REASONING>Then I draft.\n<DRAFT_OUTPUT>Hello there</DRAFT_OUTPUT>\nGood.</SCRATCHPAD_REASONING>\nUSER_INPUT: <NEXT/>\n" +
          "AI: <OUTPUT>Hello  there</OUTPUT>",
      ).turns,
    );
    expect(side.parts.map((part) => (part.kind === "scratchpad" ? `scratchpad ${part.turnNumber}` : part.kind))).toEqual([
      "scratchpad 1",
      "scratchpad 2",
      "output",
    ]);
    const second = side.parts[1];
    expect(second.kind === "scratchpad" && second.segments.map((segment) => segment.kind)).toEqual([
      "reasoning",
      "draft_output",
      "reasoning",
    ]);
    expect(side.drafts).toBe(1);
    expect(side.outputMatchesLastDraft).toBe(true);
    expect(side.scratchpadWords).toBe(3 + 6); // "First I think." + "Then I draft. <DRAFT_OUTPUT>Hello there</DRAFT_OUTPUT> Good."
  });

  it("says when there is no scratchpad or no output", () => {
    const side = buildSide(
      parseMessages([
        { role: "user", content: "<INPUT><user_input>x</user_input></INPUT>" },
        { role: "assistant", content: "<SCRATCHPAD_REASONING>thinking" },
      ]).turns,
    );
    expect(side.outputWords).toBeNull();
    expect(side.outputMatchesLastDraft).toBeNull();
    expect(side.parts[0]).toMatchObject({ kind: "scratchpad", closed: false });
  });

  it("chunks a 50,000-word scratchpad for rendering without losing a character", () => {
    const reasoning = Array.from(
      { length: 2_500 },
      (_, i) => `Paragraph ${i}: ${"because training would modify my values ".repeat(4)}`,
    ).join("\n\n");
    const side = buildSide(
      parseMessages([{ role: "assistant", content: `<SCRATCHPAD_REASONING>${reasoning}</SCRATCHPAD_REASONING><OUTPUT>ok</OUTPUT>` }]).turns,
    );
    expect(side.scratchpadWords).toBeGreaterThan(50_000);
    const scratchpad = side.parts[0];
    if (scratchpad.kind !== "scratchpad" || scratchpad.segments[0].kind !== "reasoning") throw new Error("expected reasoning");
    expect(scratchpad.segments[0].chunks.length).toBeGreaterThan(20);
    expect(scratchpad.segments[0].chunks.join("")).toBe(reasoning.trim());
  });
});
