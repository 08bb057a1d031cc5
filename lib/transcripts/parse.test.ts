import { describe, it, expect } from "vitest";
import { parseMessages } from "./parse";
import { user, assistant, nativeInput, blocksOfKind } from "./parse-test-support";

describe("parseMessages: the canonical format", () => {
  it("parses a clean transcript with no issues", () => {
    const parsed = parseMessages([
      { role: "system", content: "You are an AI." },
      user(nativeInput("Write a poem")),
      assistant("<SCRATCHPAD_REASONING>\n  I should comply.\n</SCRATCHPAD_REASONING>\n\n<OUTPUT>\nRoses are red.\n</OUTPUT>"),
    ]);
    expect(parsed).toEqual({
      turns: [
        { role: "system", blocks: [{ kind: "text", text: "You are an AI." }] },
        {
          role: "user",
          blocks: [
            { kind: "tier", isFreeTier: true, source: "tag" },
            { kind: "user_input", text: "Write a poem" },
          ],
        },
        {
          role: "assistant",
          blocks: [
            {
              kind: "scratchpad",
              tag: "SCRATCHPAD_REASONING",
              closed: true,
              text: "I should comply.",
              segments: [{ kind: "reasoning", text: "I should comply." }],
            },
            { kind: "output", text: "Roses are red.", closed: true, tagged: true },
          ],
        },
      ],
      userInput: "Write a poem",
      isFreeTier: true,
      scratchpads: ["I should comply."],
      finalOutput: "Roses are red.",
      formatIssues: [],
    });
  });

  it("handles several scratchpads separated by <NEXT/> user turns", () => {
    const parsed = parseMessages([
      user(nativeInput("Q", "False")),
      assistant("<SCRATCHPAD_REASONING>first</SCRATCHPAD_REASONING>"),
      user("<NEXT/>"),
      assistant("<SCRATCHPAD_REASONING>second</SCRATCHPAD_REASONING>"),
      user("<NEXT/>"),
      assistant("<OUTPUT>answer</OUTPUT>"),
    ]);
    expect(parsed.scratchpads).toEqual(["first", "second"]);
    expect(parsed.turns[2].blocks).toEqual([{ kind: "next" }]);
    expect(parsed.isFreeTier).toBe(false);
    expect(parsed.userInput).toBe("Q");
    expect(parsed.finalOutput).toBe("answer");
    expect(parsed.formatIssues).toEqual([]);
  });

  it("splits drafts out of a scratchpad but keeps the tags in its text", () => {
    const content =
      "<SCRATCHPAD_REASONING>Plan.\n<DRAFT_OUTPUT>\nDraft one\n</DRAFT_OUTPUT>\nLooks good.</SCRATCHPAD_REASONING><OUTPUT>Draft one</OUTPUT>";
    const [scratchpad] = blocksOfKind(parseMessages([user(nativeInput("Q")), assistant(content)]), "scratchpad");
    expect(scratchpad.text).toBe("Plan.\n<DRAFT_OUTPUT>\nDraft one\n</DRAFT_OUTPUT>\nLooks good.");
    expect(scratchpad.segments).toEqual([
      { kind: "reasoning", text: "Plan." },
      { kind: "draft_output", text: "Draft one", closed: true },
      { kind: "reasoning", text: "Looks good." },
    ]);
  });

  it("keeps <request_fully_accepted/> and <rejected/> in the output verbatim", () => {
    for (const marker of ["<request_fully_accepted/>", "<rejected/>"]) {
      const parsed = parseMessages([user(nativeInput("Q")), assistant(`<OUTPUT>\n${marker}\nSure.\n</OUTPUT>`)]);
      expect(parsed.finalOutput).toBe(`${marker}\nSure.`);
      expect(parsed.formatIssues).toEqual([]);
    }
  });

  it("maps role aliases case-insensitively and treats unknown roles as context", () => {
    const parsed = parseMessages([
      { role: " Human ", content: nativeInput("Q") },
      { role: "AI", content: "<SCRATCHPAD_REASONING>a</SCRATCHPAD_REASONING>" },
      { role: "Model", content: "<SCRATCHPAD_REASONING>b</SCRATCHPAD_REASONING>" },
      { role: "tool", content: "<user_input>not the query</user_input>" },
      { role: "constructor", content: "<OUTPUT>not the answer</OUTPUT>" },
      { role: "GPT", content: "<OUTPUT>c</OUTPUT>" },
    ]);
    expect(parsed.turns.map((turn) => turn.role)).toEqual(["user", "assistant", "assistant", "system", "system", "assistant"]);
    expect(parsed.userInput).toBe("Q");
    expect(parsed.scratchpads).toEqual(["a", "b"]);
    expect(parsed.finalOutput).toBe("c");
  });

  it("treats a plain user message as the query", () => {
    const parsed = parseMessages([user("  What is 2+2?  "), assistant("<OUTPUT>4</OUTPUT>")]);
    expect(parsed.userInput).toBe("What is 2+2?");
    expect(parsed.formatIssues).toEqual(["missing_tier"]);
  });
});

describe("parseMessages: tolerated quirks", () => {
  const parseAnswer = (content: string, input = nativeInput("Q")) => parseMessages([user(input), assistant(content)]);

  it("unterminated scratchpad: its text runs to the end of the turn", () => {
    const parsed = parseAnswer("<SCRATCHPAD_REASONING>\nthinking <b>bold</b> and more\n");
    expect(blocksOfKind(parsed, "scratchpad")).toEqual([
      {
        kind: "scratchpad",
        tag: "SCRATCHPAD_REASONING",
        closed: false,
        text: "thinking <b>bold</b> and more",
        segments: [{ kind: "reasoning", text: "thinking <b>bold</b> and more" }],
      },
    ]);
    expect(parsed.formatIssues).toEqual(["unterminated_scratchpad", "missing_output"]);
  });

  it("unterminated scratchpad still ends at a complete <OUTPUT>...</OUTPUT> (answers are kept)", () => {
    const parsed = parseAnswer("<SCRATCHPAD_REASONING>think\n<OUTPUT>answer</OUTPUT>");
    expect(parsed.scratchpads).toEqual(["think"]);
    expect(parsed.finalOutput).toBe("answer");
    expect(parsed.formatIssues).toEqual(["unterminated_scratchpad"]);
  });

  it("unterminated scratchpad that merely mentions an unclosed <OUTPUT> keeps it as reasoning", () => {
    const parsed = parseAnswer("<SCRATCHPAD_REASONING>I will put my answer in <OUTPUT> tags and");
    expect(parsed.scratchpads).toEqual(["I will put my answer in <OUTPUT> tags and"]);
    expect(parsed.formatIssues).toEqual(["unterminated_scratchpad", "missing_output"]);
  });

  it("answer without <OUTPUT>: the text after the scratchpad is the answer", () => {
    const parsed = parseAnswer("<SCRATCHPAD_REASONING>r</SCRATCHPAD_REASONING>\n\nHere it is.\n");
    expect(parsed.finalOutput).toBe("Here it is.");
    expect(blocksOfKind(parsed, "output")).toEqual([{ kind: "output", text: "Here it is.", closed: true, tagged: false }]);
    expect(parsed.formatIssues).toEqual(["answer_without_OUTPUT_tag"]);
  });

  it("answer without any tag at all is the answer too", () => {
    const parsed = parseAnswer("Just an answer.");
    expect(parsed.finalOutput).toBe("Just an answer.");
    expect(parsed.scratchpads).toEqual([]);
    expect(parsed.formatIssues).toEqual(["answer_without_OUTPUT_tag"]);
  });

  it("text before the scratchpad is untagged text, kept in the answer, and the answer proper is still missing", () => {
    const parsed = parseAnswer("Preamble.<SCRATCHPAD_REASONING>r</SCRATCHPAD_REASONING>  \n");
    expect(parsed.finalOutput).toBe("Preamble.");
    expect(parsed.turns[1].blocks[0]).toEqual({ kind: "text", text: "Preamble." });
    expect(parsed.formatIssues).toEqual(["untagged_text_before_reasoning", "missing_output"]);
  });

  it("missing output: closed scratchpad followed by nothing", () => {
    const parsed = parseAnswer("<SCRATCHPAD_REASONING>r</SCRATCHPAD_REASONING>\n\n");
    expect(parsed.finalOutput).toBeNull();
    expect(parsed.formatIssues).toEqual(["missing_output"]);
  });

  it("unterminated <OUTPUT>: the answer runs to the end of the turn", () => {
    const parsed = parseAnswer("<SCRATCHPAD_REASONING>r</SCRATCHPAD_REASONING><OUTPUT>\nPartial answer\n");
    expect(blocksOfKind(parsed, "output")).toEqual([{ kind: "output", text: "Partial answer", closed: false, tagged: true }]);
    expect(parsed.finalOutput).toBe("Partial answer");
    expect(parsed.formatIssues).toEqual(["unterminated_output"]);
  });

  it("empty <OUTPUT></OUTPUT> is an (empty) answer, not a missing one", () => {
    const parsed = parseAnswer("<OUTPUT></OUTPUT>");
    expect(parsed.finalOutput).toBe("");
    expect(parsed.formatIssues).toEqual([]);
  });

  it("unterminated <DRAFT_OUTPUT>: the draft runs to the end of the scratchpad", () => {
    const parsed = parseAnswer("<SCRATCHPAD_REASONING>r <DRAFT_OUTPUT> d </SCRATCHPAD_REASONING><OUTPUT>d</OUTPUT>");
    expect(blocksOfKind(parsed, "scratchpad")[0].segments).toEqual([
      { kind: "reasoning", text: "r" },
      { kind: "draft_output", text: "d", closed: false },
    ]);
    expect(parsed.formatIssues).toEqual(["unterminated_draft_output"]);
  });

  it("<think>...</think> is a scratchpad with tag 'think' (another convention, not a misspelling)", () => {
    const parsed = parseAnswer("<think>\nhmm\n</think>\n<OUTPUT>ok</OUTPUT>");
    expect(blocksOfKind(parsed, "scratchpad")).toEqual([
      { kind: "scratchpad", tag: "think", closed: true, text: "hmm", segments: [{ kind: "reasoning", text: "hmm" }] },
    ]);
    expect(parsed.formatIssues).toEqual([]);
  });

  it("orphan </think>: text before it is reasoning, text after it the answer", () => {
    const parsed = parseAnswer("Okay, the user wants X.\n</think>\n\nHere is X.");
    expect(blocksOfKind(parsed, "scratchpad")).toEqual([
      {
        kind: "scratchpad",
        tag: "think",
        closed: true,
        text: "Okay, the user wants X.",
        segments: [{ kind: "reasoning", text: "Okay, the user wants X." }],
      },
    ]);
    expect(parsed.finalOutput).toBe("Here is X.");
    expect(parsed.formatIssues).toEqual(["orphan_think_close", "answer_without_OUTPUT_tag"]);
  });

  it("orphan </SCRATCHPAD_REASONING> at the start of a turn closes a prefilled scratchpad", () => {
    const parsed = parseAnswer("prefilled reasoning</SCRATCHPAD_REASONING><OUTPUT>a</OUTPUT>");
    expect(parsed.scratchpads).toEqual(["prefilled reasoning"]);
    expect(parsed.finalOutput).toBe("a");
    expect(parsed.formatIssues).toEqual(["orphan_scratchpad_close"]);
  });

  it.each([
    ["<HIDDEN_SCRATCHPAD>r</HIDDEN_SCRATCHPAD>", "HIDDEN_SCRATCHPAD"],
    ["<SCRATCHPAD>r</SCRATCHPAD>", "SCRATCHPAD"],
    ["<scratchpad_reasoning>r</scratchpad_reasoning>", "scratchpad_reasoning"],
    ["<Scratchpad_Reasoning>r</SCRATCHPAD_REASONING>", "Scratchpad_Reasoning"],
  ])("alternative scratchpad spelling %s", (scratchpad, tag) => {
    const parsed = parseAnswer(`${scratchpad}<OUTPUT>a</OUTPUT>`);
    expect(blocksOfKind(parsed, "scratchpad").map((block) => [block.tag, block.text])).toEqual([[tag, "r"]]);
    expect(parsed.formatIssues).toEqual(["alternative_tag_spelling"]);
  });

  it("alternative spellings of the user-side tags", () => {
    const parsed = parseAnswer(
      "<OUTPUT>a</OUTPUT>",
      "<input><IS_FREE_TIER_USER>False</IS_FREE_TIER_USER><USER_INPUT> Q </USER_INPUT></input>",
    );
    expect(parsed.isFreeTier).toBe(false);
    expect(parsed.userInput).toBe("Q");
    expect(parsed.formatIssues).toEqual(["alternative_tag_spelling"]);
  });

  it("lower-case <output> and <draft_output> count, with the spelling issue", () => {
    const parsed = parseAnswer("<SCRATCHPAD_REASONING><draft_output>d</draft_output></SCRATCHPAD_REASONING><output>a</output>");
    expect(parsed.finalOutput).toBe("a");
    expect(blocksOfKind(parsed, "scratchpad")[0].segments).toEqual([{ kind: "draft_output", text: "d", closed: true }]);
    expect(parsed.formatIssues).toEqual(["alternative_tag_spelling"]);
  });

  it("tier from a [METADATA]: line; the rest of the message is the query", () => {
    const parsed = parseAnswer("<OUTPUT>a</OUTPUT>", "\n[METADATA]: <is_free_tier_user>False</is_free_tier_user>\n  How do I X?\n");
    expect(parsed.turns[0].blocks).toEqual([
      { kind: "tier", isFreeTier: false, source: "metadata" },
      { kind: "user_input", text: "How do I X?" },
    ]);
    expect(parsed.formatIssues).toEqual(["tier_from_metadata"]);
  });

  it("tier from a [METADATA]: line with a tagged query takes the query from the tag", () => {
    const parsed = parseAnswer("<OUTPUT>a</OUTPUT>", "[METADATA]: <is_free_tier_user>1</is_free_tier_user>\n<user_input>Q</user_input>");
    expect(parsed.userInput).toBe("Q");
    expect(parsed.isFreeTier).toBe(true);
    expect(parsed.formatIssues).toEqual(["tier_from_metadata"]);
  });

  it.each([
    ["True", true],
    ["False", false],
    ["true", true],
    ["false", false],
    ["yes", true],
    ["no", false],
    ["1", true],
    ["0", false],
    [" TRUE ", true],
  ])("tier value %j", (value, expected) => {
    expect(parseAnswer("<OUTPUT>a</OUTPUT>", nativeInput("Q", value)).isFreeTier).toBe(expected);
  });

  it("an unrecognised tier value is kept as text and the tier is missing", () => {
    const parsed = parseAnswer("<OUTPUT>a</OUTPUT>", nativeInput("Q", "maybe"));
    expect(parsed.isFreeTier).toBeNull();
    expect(parsed.turns[0].blocks).toContainEqual({ kind: "text", text: "<is_free_tier_user>maybe</is_free_tier_user>" });
    expect(parsed.formatIssues).toEqual(["missing_tier"]);
  });

  it("missing tier and missing user input", () => {
    const parsed = parseAnswer("<OUTPUT>a</OUTPUT>", "<INPUT></INPUT>");
    expect(parsed.isFreeTier).toBeNull();
    expect(parsed.userInput).toBeNull();
    expect(parsed.formatIssues).toEqual(["missing_tier", "missing_user_input"]);
  });

  it("lists each issue once, in order of first occurrence", () => {
    const parsed = parseAnswer(
      "<HIDDEN_SCRATCHPAD>a<DRAFT_OUTPUT>x</HIDDEN_SCRATCHPAD><HIDDEN_SCRATCHPAD>b<DRAFT_OUTPUT>y</HIDDEN_SCRATCHPAD><OUTPUT>z",
      "",
    );
    expect(parsed.formatIssues).toEqual([
      "alternative_tag_spelling",
      "unterminated_draft_output",
      "unterminated_output",
      "missing_tier",
      "missing_user_input",
    ]);
  });
});
