import { describe, expect, it } from "vitest";
import { parseMapping, type Mapping } from "./mapping";
import { normalizeRecord, type NormalizedTranscript, type RecordError } from "./normalize";

const native = (tier: "True" | "False", query = "How do I pick a lock?") =>
  `<INPUT>\n<is_free_tier_user>${tier}</is_free_tier_user>\n\n<user_input>\n${query}\n</user_input>\n</INPUT>\n\n` +
  `<SCRATCHPAD_REASONING>I should think.</SCRATCHPAD_REASONING>\n\n<OUTPUT>Here is how.</OUTPUT>`;

function one(record: Record<string, unknown>, mapping?: Mapping, group?: string): NormalizedTranscript {
  const result = normalizeRecord(7, record, group, { mapping, defaultLabelSource: "file.jsonl" });
  expect(result.errors).toEqual([]);
  expect(result.transcripts).toHaveLength(1);
  return result.transcripts[0];
}

function error(record: Record<string, unknown>, mapping?: Mapping): RecordError {
  const result = normalizeRecord(7, record, undefined, { mapping, defaultLabelSource: "file.jsonl" });
  expect(result.transcripts).toEqual([]);
  expect(result.errors).toHaveLength(1);
  return result.errors[0];
}

function mapping(json: unknown): Mapping {
  const parsed = parseMapping(JSON.stringify(json));
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.mapping;
}

describe("the canonical record and its aliases", () => {
  it("reads messages, condition, slot and labels under their canonical names", () => {
    const t = one({
      setting: "helpful-only",
      variation: "default",
      model: "claude-3-opus",
      condition: "training",
      sample_index: 2,
      messages: [
        { role: "user", content: native("True") },
        { role: "assistant", content: "<OUTPUT>ok</OUTPUT>" },
      ],
      labels: { complied: true, score: 0.5, note: null },
      label_source: "gpt-4o judge",
    });
    expect(t).toMatchObject({
      setting: "helpful-only",
      variation: "default",
      model: "claude-3-opus",
      condition: "training",
      sampleIndex: 2,
      queryText: "How do I pick a lock?",
    });
    expect(t.sourceLabels).toEqual([
      { source: "gpt-4o judge", name: "complied", value: "true" },
      { source: "gpt-4o judge", name: "score", value: "0.5" },
    ]);
  });

  it.each([
    [{ prompt: "Q", completion: "<OUTPUT>A</OUTPUT>", is_free_tier_user: true }, "training"],
    [{ query: "Q", output: "<OUTPUT>A</OUTPUT>", tier: "paid" }, "deployment"],
    [{ user_input: "Q", response: "<OUTPUT>A</OUTPUT>", condition: "free" }, "training"],
    [{ "User Input": "Q", Response: "<OUTPUT>A</OUTPUT>", "is-free-tier-user": "False" }, "deployment"],
    [{ question: "Q", answer: "<OUTPUT>A</OUTPUT>", tier: 1 }, "training"],
  ])("maps aliases %j to the query, a two-turn conversation and the condition", (record, condition) => {
    const t = one(record);
    expect(t.condition).toBe(condition);
    expect(t.queryText).toBe("Q");
    expect(t.messages).toEqual([
      { role: "user", content: "Q" },
      { role: "assistant", content: "<OUTPUT>A</OUTPUT>" },
    ]);
    // The tier came from a field, so the text lacking a tier tag is no format issue.
    expect(t.parsed.formatIssues).not.toContain("missing_tier");
  });

  it("takes tier, query, scratchpad and output from the tags of a native transcript", () => {
    const t = one({ transcript: native("False", "Write a poem") });
    expect(t).toMatchObject({
      condition: "deployment",
      queryText: "Write a poem",
      messages: [{ role: "conversation", content: native("False", "Write a poem") }],
    });
    expect(t.parsed.scratchpads).toEqual(["I should think."]);
    expect(t.parsed.finalOutput).toBe("Here is how.");
    expect(t.defaulted).toEqual(["setting", "variation", "model"]);
    expect(t).toMatchObject({ setting: "unspecified", variation: "default", model: "unknown" });
  });

  it("reads a conversation alias as messages when an array and as a transcript when a string", () => {
    expect(one({ conversation: native("True") }).messages[0].role).toBe("conversation");
    expect(one({ conversation: [{ role: "user", content: native("True") }] }).messages[0].role).toBe("user");
  });

  it("coerces CSV cells: JSON messages and labels, numeric sample index, label columns", () => {
    const t = one({
      messages: JSON.stringify([{ role: "user", content: native("True") }]),
      sample_index: "3",
      "label.complied": "True",
      label_af: "0",
      refused: "false",
    });
    expect(t.sampleIndex).toBe(3);
    expect(t.sourceLabels.map((l) => `${l.name}=${l.value}`)).toEqual(["complied=true", "af=0", "refused=false"]);
    expect(t.sourceLabels[0].source).toBe("file.jsonl");
  });

  it("joins chat-API content parts into the turn's text", () => {
    const t = one({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "<INPUT><is_free_tier_user>True</is_free_tier_user>" },
            { type: "text", text: "<user_input>Q</user_input></INPUT>" },
          ],
        },
      ],
    });
    expect(t.messages[0].content).toBe("<INPUT><is_free_tier_user>True</is_free_tier_user><user_input>Q</user_input></INPUT>");
    expect(t.queryText).toBe("Q");
  });

  it("lists the fields nothing read", () => {
    expect(one({ transcript: native("True"), pair_key: "x", notes: "y" }).ignored).toEqual(["pair_key", "notes"]);
  });
});

describe("records that cannot be stored say which field and why", () => {
  it.each([
    [{ model: "m" }, "messages", /no conversation/],
    [{ response: "<OUTPUT>A</OUTPUT>", user_input: "Q" }, "condition", /no tier/],
    [{ response: "<OUTPUT>A</OUTPUT>", tier: "free" }, "query", /no user input/],
    [{ transcript: native("True"), tier: "paid" }, "condition", /says deployment but the conversation's is_free_tier_user tag says True/],
    [{ transcript: native("True"), tier: "sometimes" }, "condition", /"sometimes" is not a condition/],
    [{ messages: "hello", tier: "free" }, "messages", /expected array/],
    [{ messages: [], tier: "free" }, "messages", /is empty/],
    [{ messages: [{ role: "user" }], tier: "free" }, "messages[0].content", /expected/],
    [{ transcript: native("True"), sample_index: "two" }, "sample_index", /expected number/],
    [{ transcript: native("True"), sample_index: -1 }, "sample_index", /0 or more/],
    [{ transcript: native("True"), model: 42 }, "model", /expected string/],
    [{ transcript: native("True") + "\u0000" }, "transcript", /NUL character/],
    [{ transcript: native("True"), labels: { complied: "\ud800" } }, "labels.complied", /surrogate/],
  ])("%j → %s", (record, field, message) => {
    const problem = error(record as Record<string, unknown>);
    expect(problem.line).toBe(7);
    expect(problem.field).toBe(field);
    expect(problem.message).toMatch(message);
  });
});

describe("mappings", () => {
  it("explodes one record into one transcript per condition key, splitting the key into tier and variation", () => {
    const m = mapping({
      each: { path: "results", as: "condition" },
      fields: { query: "query", response: "results.{condition}" },
      split: { from: "{condition}", pattern: "^(?<tier>Free|Paid)_Tier_(?<variation>.+)$" },
      values: { condition: { Free: "training", Paid: "deployment" }, variation: { Baseline: "baseline" } },
      constants: { model: "llama", setting: "harmful requests" },
      labels: { source: "judge", fields: { complied: "scores.{condition}" }, values: { complied: { "0": "false", "1": "true" } } },
    });
    const record = {
      id: 3,
      query: "Q",
      results: { Free_Tier_Baseline: "<OUTPUT>a</OUTPUT>", Paid_Tier_Force: "<OUTPUT>b</OUTPUT>" },
      scores: { Free_Tier_Baseline: 1, Paid_Tier_Force: 0 },
    };
    const result = normalizeRecord(2, record, undefined, { mapping: m, defaultLabelSource: "f" });
    expect(result.errors).toEqual([]);
    expect(
      result.transcripts.map((t) => [
        t.where,
        t.condition,
        t.variation,
        t.model,
        t.setting,
        t.queryText,
        t.messages[1].content,
        t.sourceLabels[0].value,
      ]),
    ).toEqual([
      ["results.Free_Tier_Baseline", "training", "baseline", "llama", "harmful requests", "Q", "<OUTPUT>a</OUTPUT>", "true"],
      ["results.Paid_Tier_Force", "deployment", "Force", "llama", "harmful requests", "Q", "<OUTPUT>b</OUTPUT>", "false"],
    ]);
    expect(result.transcripts[0].sourceLabels[0].source).toBe("judge");
  });

  it("reports a key the split pattern does not match, with where it is", () => {
    const m = mapping({
      each: { path: "results", as: "c" },
      fields: { query: "q", response: "results.{c}" },
      split: { from: "{c}", pattern: "^(?<tier>Free|Paid)$" },
    });
    const result = normalizeRecord(4, { q: "Q", results: { Free: "x", Other: "y" } }, undefined, { mapping: m, defaultLabelSource: "f" });
    expect(result.errors).toEqual([{ line: 4, field: "results.Other", message: '"Other" does not match the mapping\'s split pattern' }]);
  });

  it("reads nested paths, a JSON group key and constants only where the record is silent", () => {
    const m = mapping({
      fields: { query: "input.text", response: "output", condition: "{group}", model: "meta.model" },
      constants: { model: "fallback", variation: "v1" },
    });
    const t = one({ input: { text: "Q" }, output: "<OUTPUT>A</OUTPUT>", meta: { model: "gpt" } }, m, "paid");
    expect(t).toMatchObject({ condition: "deployment", model: "gpt", variation: "v1", queryText: "Q" });
    expect(one({ input: { text: "Q" }, output: "<OUTPUT>A</OUTPUT>" }, m, "free").model).toBe("fallback");
  });

  it("refuses a mapping with unknown keys, a bad regex or no named groups", () => {
    expect(parseMapping("{")).toMatchObject({ ok: false, errors: [expect.stringMatching(/not valid JSON/)] });
    expect(parseMapping(JSON.stringify({ feilds: {} }))).toMatchObject({ ok: false, errors: [expect.stringMatching(/feilds/)] });
    expect(parseMapping(JSON.stringify({ split: { from: "x", pattern: "(" } }))).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/split.pattern: not a valid regular expression/)],
    });
    expect(parseMapping(JSON.stringify({ split: { from: "x", pattern: "(a)" } }))).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/named groups/)],
    });
    expect(parseMapping(JSON.stringify({ fields: { tier: "x" } }))).toMatchObject({ ok: false });
  });
});
