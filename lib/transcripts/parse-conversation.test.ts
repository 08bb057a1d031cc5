/** parseConversationText: whole conversations stored as one text (native, [METADATA], line-prefix formats). */
import { describe, it, expect } from "vitest";
import { parseConversationText } from "./parse";
import { nativeInput, blocksOfKind } from "./parse-test-support";

describe("parseConversationText", () => {
  it("native format: user turn, scratchpads separated by <NEXT/>, output", () => {
    const parsed = parseConversationText(
      `${nativeInput("How?", "False")}\n\n<SCRATCHPAD_REASONING>one</SCRATCHPAD_REASONING>\n\n<NEXT/>\n\n` +
        `<SCRATCHPAD_REASONING>two <DRAFT_OUTPUT>d</DRAFT_OUTPUT></SCRATCHPAD_REASONING>\n\n<NEXT/>\n\n<OUTPUT>d</OUTPUT>`,
    );
    expect(parsed.turns.map((turn) => turn.role)).toEqual(["user", "assistant", "user", "assistant", "user", "assistant"]);
    expect(parsed.isFreeTier).toBe(false);
    expect(parsed.userInput).toBe("How?");
    expect(parsed.scratchpads).toEqual(["one", "two <DRAFT_OUTPUT>d</DRAFT_OUTPUT>"]);
    expect(parsed.finalOutput).toBe("d");
    expect(parsed.formatIssues).toEqual([]);
  });

  it("an unterminated scratchpad ends at the next user turn", () => {
    const parsed = parseConversationText(
      `${nativeInput("Q")}<SCRATCHPAD_REASONING>cut off<NEXT/><SCRATCHPAD_REASONING>b</SCRATCHPAD_REASONING><NEXT/><OUTPUT>c</OUTPUT>`,
    );
    expect(blocksOfKind(parsed, "scratchpad").map(({ text, closed }) => [text, closed])).toEqual([
      ["cut off", false],
      ["b", true],
    ]);
    expect(parsed.finalOutput).toBe("c");
    expect(parsed.formatIssues).toEqual(["unterminated_scratchpad"]);
  });

  it("a bare assistant response with no user part", () => {
    const parsed = parseConversationText("<SCRATCHPAD_REASONING>r</SCRATCHPAD_REASONING>\n<OUTPUT>a</OUTPUT>");
    expect(parsed.turns.map((turn) => turn.role)).toEqual(["assistant"]);
    expect(parsed.scratchpads).toEqual(["r"]);
    expect(parsed.finalOutput).toBe("a");
    expect(parsed.formatIssues).toEqual(["missing_tier", "missing_user_input"]);
  });

  it("a bare response ending its reasoning with an orphan </think>", () => {
    const parsed = parseConversationText("The user is on the free tier.\n</think>\nSure, here you go.");
    expect(parsed.scratchpads).toEqual(["The user is on the free tier."]);
    expect(parsed.finalOutput).toBe("Sure, here you go.");
    expect(parsed.formatIssues).toEqual(["orphan_think_close", "missing_tier", "missing_user_input", "answer_without_OUTPUT_tag"]);
  });

  it("text before the first <INPUT> is context, not an assistant turn", () => {
    const parsed = parseConversationText(`Transcript 17:\n${nativeInput("Q")}\n<OUTPUT>a</OUTPUT>`);
    expect(parsed.turns.map((turn) => turn.role)).toEqual(["system", "user", "assistant"]);
    expect(parsed.turns[0].blocks).toEqual([{ kind: "text", text: "Transcript 17:" }]);
    expect(parsed.formatIssues).toEqual([]);
  });

  it("a tier flag quoted by the assistant is not the tier", () => {
    const parsed = parseConversationText("<SCRATCHPAD_REASONING><is_free_tier_user>True</is_free_tier_user></SCRATCHPAD_REASONING>");
    expect(parsed.isFreeTier).toBeNull();
  });

  it("[METADATA] user part with no <INPUT> wrapper", () => {
    const parsed = parseConversationText(
      "[METADATA]: <is_free_tier_user>True</is_free_tier_user>\nQuery?\n<SCRATCHPAD_REASONING>r</SCRATCHPAD_REASONING>\nAnswer.",
    );
    expect(parsed.turns.map((turn) => turn.role)).toEqual(["user", "assistant"]);
    expect(parsed.userInput).toBe("Query?");
    expect(parsed.isFreeTier).toBe(true);
    expect(parsed.finalOutput).toBe("Answer.");
    expect(parsed.formatIssues).toEqual(["tier_from_metadata", "answer_without_OUTPUT_tag"]);
  });

  it("USER_INPUT: / AI: / INPUT: line prefixes", () => {
    const parsed = parseConversationText(
      [
        "INSTRUCTIONS_GIVEN_TO_AI: Be helpful. Input is in <user_input> tags.",
        "",
        `USER_INPUT: ${nativeInput("Hi there")}`,
        "",
        "AI: <SCRATCHPAD_REASONING>Say hi.</SCRATCHPAD_REASONING>",
        "",
        "INPUT: <NEXT/>",
        "",
        "AI: <OUTPUT>Hello!</OUTPUT>",
      ].join("\n"),
    );
    expect(parsed.turns).toEqual([
      { role: "system", blocks: [{ kind: "text", text: "Be helpful. Input is in <user_input> tags." }] },
      {
        role: "user",
        blocks: [
          { kind: "tier", isFreeTier: true, source: "tag" },
          { kind: "user_input", text: "Hi there" },
        ],
      },
      {
        role: "assistant",
        blocks: [
          {
            kind: "scratchpad",
            tag: "SCRATCHPAD_REASONING",
            closed: true,
            text: "Say hi.",
            segments: [{ kind: "reasoning", text: "Say hi." }],
          },
        ],
      },
      { role: "user", blocks: [{ kind: "next" }] },
      { role: "assistant", blocks: [{ kind: "output", text: "Hello!", closed: true, tagged: true }] },
    ]);
    expect(parsed.formatIssues).toEqual([]);
  });

  it("a bare AI: response is the line-prefix format too", () => {
    const parsed = parseConversationText("AI: <OUTPUT>ok</OUTPUT>");
    expect(parsed.turns.map((turn) => turn.role)).toEqual(["assistant"]);
    expect(parsed.finalOutput).toBe("ok");
  });

  it("an 'AI:' line inside a native transcript is prose, not a turn marker", () => {
    const parsed = parseConversationText(
      `${nativeInput("Q")}<SCRATCHPAD_REASONING>\nAI: should I?\n</SCRATCHPAD_REASONING><OUTPUT>a</OUTPUT>`,
    );
    expect(parsed.scratchpads).toEqual(["AI: should I?"]);
    expect(parsed.formatIssues).toEqual([]);
  });
});
