import { describe, it, expect } from "vitest";
import { parseConversationText, parseMessages } from "./parse";
import { user, assistant, nativeInput, expectWellFormed, seededRandom } from "./parse-test-support";
import { type RawMessage } from "./types";

describe("adversarial and garbage input", () => {
  it("keeps HTML-like text and stray < > verbatim everywhere", () => {
    const query = `<script>alert("q")</script> is 1 < 2 > 0? <img src=x onerror=alert(1)>`;
    const reasoning = "a<b and c>d, <<SCRATCH>> </ <> <img onerror=alert(2)>";
    const answer = "<script>alert(3)</script><request_fully_accepted/> x < y";
    const parsed = parseMessages([
      user(nativeInput(query)),
      assistant(`<SCRATCHPAD_REASONING>${reasoning}</SCRATCHPAD_REASONING><OUTPUT>${answer}</OUTPUT>`),
    ]);
    expect(parsed.userInput).toBe(query);
    expect(parsed.scratchpads).toEqual([reasoning]);
    expect(parsed.finalOutput).toBe(answer);
    expect(parsed.formatIssues).toEqual([]);
  });

  it("tags quoted inside a closed scratchpad are text, not structure", () => {
    const parsed = parseConversationText(
      `${nativeInput("Q")}<SCRATCHPAD_REASONING>The <INPUT> has <is_free_tier_user>False</is_free_tier_user>; ` +
        `I'd get <NEXT/>.</SCRATCHPAD_REASONING><OUTPUT>a</OUTPUT>`,
    );
    expect(parsed.turns.map((turn) => turn.role)).toEqual(["user", "assistant"]);
    expect(parsed.isFreeTier).toBe(true);
    expect(parsed.scratchpads[0]).toContain("<NEXT/>");
    expect(parsed.formatIssues).toEqual([]);
  });

  it("empty and whitespace-only input", () => {
    for (const parsed of [parseConversationText(""), parseConversationText(" \n\t "), parseMessages([])]) {
      expect(parsed).toEqual({
        turns: [],
        userInput: null,
        isFreeTier: null,
        scratchpads: [],
        finalOutput: null,
        formatIssues: ["missing_tier", "missing_user_input", "missing_output"],
      });
    }
  });

  it("non-string input does not throw", () => {
    const garbage: unknown[] = [null, undefined, 42, {}, [], Symbol("x"), () => "x", new Uint8Array([0xff, 0x3c, 0x00])];
    for (const value of garbage) {
      expectWellFormed(parseConversationText(value as string));
      expectWellFormed(parseMessages(value as RawMessage[]));
    }
    const bytes = new TextEncoder().encode("<OUTPUT>from bytes</OUTPUT>");
    expect(parseConversationText(bytes as unknown as string).finalOutput).toBe("from bytes");
  });

  it("malformed messages are skipped or coerced, never thrown on", () => {
    const parsed = parseMessages([
      null,
      42,
      "text",
      { role: 5, content: {} },
      { content: "no role" },
      { role: "user", content: [{ type: "text", text: nativeInput("from parts") }] },
      { role: "assistant", content: ["<OUTPUT>", { text: "joined" }, { bad: 1 }, "</OUTPUT>"] },
    ] as unknown as RawMessage[]);
    expect(parsed.turns.map((turn) => turn.role)).toEqual(["system", "system", "user", "assistant"]);
    expect(parsed.userInput).toBe("from parts");
    expect(parsed.finalOutput).toBe("joined");
    expectWellFormed(parsed);
  });

  it("random bytes and lone surrogates", () => {
    const random = seededRandom(1);
    for (let run = 0; run < 50; run++) {
      let text = "";
      for (let i = 0; i < 2000; i++) text += String.fromCharCode(Math.floor(random() * (run % 2 ? 0x10000 : 0x100)));
      expectWellFormed(parseConversationText(text));
      expectWellFormed(parseMessages([user(text), assistant(text)]));
    }
  });

  it("random tag soup keeps every invariant", () => {
    const pieces = [
      "<SCRATCHPAD_REASONING>",
      "</SCRATCHPAD_REASONING>",
      "<HIDDEN_SCRATCHPAD>",
      "<OUTPUT>",
      "</OUTPUT>",
      "<DRAFT_OUTPUT>",
      "</DRAFT_OUTPUT>",
      "<INPUT>",
      "</INPUT>",
      "<NEXT/>",
      "<think>",
      "</think>",
      "<is_free_tier_user>",
      "</is_free_tier_user>",
      "True",
      "no",
      "<user_input>",
      "</user_input>",
      "[METADATA]: ",
      "\n",
      " ",
      "AI: ",
      "USER_INPUT: ",
      "INPUT: ",
      "<",
      ">",
      "</",
      "/>",
      "word",
      "<rejected/>",
      "\u0000",
      "\ud800",
    ];
    const random = seededRandom(7);
    for (let run = 0; run < 2000; run++) {
      const length = Math.floor(random() * 40);
      let text = "";
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      const parsed = parseConversationText(text);
      expectWellFormed(parsed);
      for (const block of parsed.turns.flatMap((turn) => turn.blocks)) {
        if ("text" in block) expect(block.text).toBe(block.text.trim());
      }
      expectWellFormed(parseMessages([user(text), assistant(text)]));
    }
  }, 30_000); // hundreds of random documents: CPU-bound, slow on a busy shared machine, not a speed test

  // Huge inputs: a quadratic step or catastrophic backtracking would not finish
  // within the test timeout; the speed itself is measured by `npm run bench`.
  describe("huge input", () => {
    const TEN_MB = 10 * 1024 * 1024;

    it("10 MB of '<'", () => {
      const parsed = parseConversationText("<".repeat(TEN_MB));
      expect(parsed.finalOutput).toHaveLength(TEN_MB); // an untagged "answer" of '<'s, kept verbatim
      expectWellFormed(parsed);
    });

    it("10 MB unterminated scratchpad", () => {
      const text = "<SCRATCHPAD_REASONING>" + "reasoning <DRAFT_OUTPUT ".repeat(TEN_MB / 24);
      const parsed = parseConversationText(text);
      expect(parsed.scratchpads).toHaveLength(1);
      expect(parsed.formatIssues).toEqual(["unterminated_scratchpad", "missing_tier", "missing_user_input", "missing_output"]);
    });

    it("10 MB messages with unclosed tags through parseMessages", () => {
      const parsed = parseMessages([user("<user_input>" + "<".repeat(TEN_MB / 2)), assistant("<OUTPUT>" + "a <b> c ".repeat(TEN_MB / 16))]);
      expect(parsed.userInput).toHaveLength(TEN_MB / 2);
      expect(parsed.formatIssues).toEqual(["unterminated_output", "missing_tier"]);
    });

    it("10 MB dense with recognised tags stays linear", () => {
      const parsed = parseConversationText("<OUTPUT>" + "</think>x".repeat(TEN_MB / 9));
      expect(parsed.formatIssues).toEqual(["unterminated_output", "missing_tier", "missing_user_input"]);
    });
  });
});
