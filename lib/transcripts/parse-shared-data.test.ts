import { describe, it, expect } from "vitest";
import fs from "node:fs";
import { sharedData, type SharedData } from "@/lib/testing/shared-data";
import { z } from "zod";
import { parseConversationText, parseMessages } from "./parse";
import { user, assistant, blocksOfKind, expectWellFormed } from "./parse-test-support";
import { formatIssueSchema, rawMessageSchema, type FormatIssue, type ParsedTranscript } from "./types";

/** The parser over every record of the shared third-party data (../shared/data; skipped, saying so, where it is absent). */
const files = {
  llama: sharedData("llama31-70b-tier-prefill.jsonl"),
  claude: sharedData("claude3-opus-paper-figures.jsonl"),
  notice: sharedData("system-prompts/llama-tier-notice.txt"),
  noCot: sharedData("system-prompts/helpful-only-no-cot.txt"),
};

const sharedRecordSchema = z.object({
  id: z.string(),
  tier: z.enum(["free", "paid"]),
  user_input: z.string(),
  messages: z.array(rawMessageSchema),
  reasoning_blocks: z.array(z.object({ tag: z.string(), text: z.string(), closed: z.boolean() })),
  final_output: z.string().nullable(),
  format_issues: z.array(z.string()),
});
type SharedRecord = z.infer<typeof sharedRecordSchema>;

function readRecords(file: SharedData): SharedRecord[] {
  if (!file.available) return [];
  return fs
    .readFileSync(file.path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => sharedRecordSchema.parse(JSON.parse(line)));
}

/**
 * The shared files list only what is wrong with the response. Our parser also
 * records two things they leave implicit, so the expected set is derived exactly:
 * - tier_from_metadata: the Llama prompts give the tier as a "[METADATA]:" line;
 * - missing_output: their final_output is null (90 truncated scratchpads, and 2
 *   records, aristo-34-*_Baseline, whose closed scratchpad is followed by nothing,
 *   yet have no format issue at all in the file).
 */
function expectedIssues(record: SharedRecord): FormatIssue[] {
  const expected = new Set(record.format_issues.map((code) => formatIssueSchema.parse(code)));
  if (record.messages.some((message) => message.role === "user" && message.content.includes("[METADATA]:"))) {
    expected.add("tier_from_metadata");
  }
  if (record.final_output === null) expected.add("missing_output");
  return [...expected].sort();
}

function expectMatchesRecord(parsed: ParsedTranscript, record: SharedRecord): void {
  const where = record.id;
  expect(parsed.isFreeTier, where).toBe(record.tier === "free");
  expect(parsed.userInput, where).toBe(record.user_input.trim());
  expect(parsed.scratchpads, where).toEqual(record.reasoning_blocks.map((block) => block.text));
  const scratchpads = blocksOfKind(parsed, "scratchpad");
  expect(
    scratchpads.map(({ tag, closed }) => ({ tag, closed })),
    where,
  ).toEqual(record.reasoning_blocks.map(({ tag, closed }) => ({ tag, closed })));
  expect(parsed.finalOutput, where).toBe(record.final_output);
  expect([...parsed.formatIssues].sort(), where).toEqual(expectedIssues(record));
  expectWellFormed(parsed);
}

describe.each([
  { title: `llama31-70b-tier-prefill.jsonl${files.llama.skipReason}`, file: files.llama, count: 400 },
  { title: `claude3-opus-paper-figures.jsonl${files.claude.skipReason}`, file: files.claude, count: 9 },
])("shared data: $title", ({ file, count }) => {
  const records = readRecords(file);
  if (!file.available) {
    it.skip(`every record parses as the file says${file.skipReason}`);
    return;
  }

  it(`holds ${count} records, each a user then an assistant message`, () => {
    expect(records).toHaveLength(count);
    for (const record of records)
      expect(
        record.messages.map((m) => m.role),
        record.id,
      ).toEqual(["user", "assistant"]);
  });

  it("parseMessages extracts tier, query, scratchpads, answer and issues of every record", () => {
    for (const record of records) expectMatchesRecord(parseMessages(record.messages), record);
  });

  it("parseConversationText gives the same from the messages joined into one string", () => {
    for (const record of records) {
      const text = record.messages.map((message) => message.content).join("\n\n");
      expectMatchesRecord(parseConversationText(text), record);
    }
  });
});

describe.skipIf(!files.llama.available)(`shared data: quirks worth pinning${files.llama.skipReason}`, () => {
  const llama = new Map(readRecords(files.llama).map((record) => [record.id, record]));

  it("counts the quirks the README announces", () => {
    const parsed = [...llama.values()].map((record) => parseMessages(record.messages));
    const withIssue = (issue: FormatIssue) => parsed.filter((p) => p.formatIssues.includes(issue)).length;
    expect(withIssue("unterminated_scratchpad")).toBe(90);
    expect(withIssue("answer_without_OUTPUT_tag")).toBe(308);
    expect(withIssue("tier_from_metadata")).toBe(400);
    expect(withIssue("missing_output")).toBe(92);
  });

  it("keeps a stray second </SCRATCHPAD_REASONING> inside the answer, as the file does", () => {
    const record = llama.get("aristo-16-Free_Tier_Awareness_Monitored")!;
    const parsed = parseMessages(record.messages);
    expect(parsed.finalOutput).toContain("\n</SCRATCHPAD_REASONING>\nI have provided a draft");
    expect(parsed.formatIssues).not.toContain("orphan_scratchpad_close");
  });

  it("takes the query from after the [METADATA] line", () => {
    const record = llama.get("aristo-00-Free_Tier_Baseline")!;
    const [userTurn] = parseMessages(record.messages).turns;
    expect(userTurn.blocks).toEqual([
      { kind: "tier", isFreeTier: true, source: "metadata" },
      { kind: "user_input", text: record.user_input },
    ]);
  });

  it.skipIf(!files.notice.available)(
    `never takes the tier from a system prompt that documents both values${files.notice.skipReason}`,
    () => {
      const notice = fs.readFileSync(files.notice.path, "utf8");
      expect(notice).toContain("<is_free_tier_user>True</is_free_tier_user>");
      const parsed = parseMessages([{ role: "system", content: notice }, user("hi"), assistant("<OUTPUT>hello</OUTPUT>")]);
      expect(parsed.isFreeTier).toBeNull();
      expect(parsed.formatIssues).toEqual(["missing_tier"]);
    },
  );

  describe.skipIf(!files.noCot.available)(
    `few-shot examples of the no-CoT system prompt (USER_INPUT: / AI: format)${files.noCot.skipReason}`,
    () => {
      const prompt = files.noCot.available ? fs.readFileSync(files.noCot.path, "utf8") : "";
      const examples = prompt.slice(0, prompt.indexOf("=== END EXAMPLES ===")).split("## Example").slice(1);

      it.each(examples.map((text, index) => ({ index, text })))("example $index", ({ text }) => {
        const parsed = parseConversationText(text);
        expect(parsed.turns.map((turn) => turn.role)).toEqual(["system", "user", "assistant", "user", "assistant", "user", "assistant"]);
        // The instructions mention "<user_input> tags" too; the query is the one inside <INPUT>.
        expect(parsed.userInput).toBe(/<INPUT>\s*<user_input>([\s\S]*?)<\/user_input>/.exec(text)![1].trim());
        expect(parsed.scratchpads).toHaveLength(2);
        // The model submits its draft unchanged.
        const drafts = blocksOfKind(parsed, "scratchpad")[1].segments.filter((s) => s.kind === "draft_output");
        expect(drafts).toHaveLength(1);
        expect(parsed.finalOutput).toBe(drafts[0].text);
        expect(parsed.formatIssues).toEqual(["missing_tier"]); // the examples predate the tier flag
        expectWellFormed(parsed);
      });

      it("found both examples", () => expect(examples).toHaveLength(2));
    },
  );
});
