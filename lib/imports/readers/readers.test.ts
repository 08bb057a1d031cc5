import { describe, expect, it } from "vitest";
import { isRecordField } from "../fields";
import { readRecords, type SourceItem } from "./index";
import type { ImportFormat } from "../formats";

/** Feeds the bytes in chunks of `size`, so every split point of a record is exercised. */
async function read(format: ImportFormat, input: string | Buffer, options: { chunk?: number; max?: number } = {}): Promise<SourceItem[]> {
  const bytes = typeof input === "string" ? Buffer.from(input) : input;
  const size = options.chunk ?? 64 * 1024;
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const items: SourceItem[] = [];
  for await (const item of readRecords(chunks(), format, { maxRecordBytes: options.max ?? 1024 * 1024, isRecordField })) items.push(item);
  return items;
}

describe("JSON Lines", () => {
  it("yields one record per line with its line number, skipping blank lines, CRLF and a BOM", async () => {
    const items = await read("jsonl", '\uFEFF{"a":1}\r\n\r\n{"b":"x\\ny"}\n');
    expect(items).toEqual([
      { line: 1, record: { a: 1 } },
      { line: 3, record: { b: "x\ny" } },
    ]);
  });

  it("reports bad JSON, non-objects and invalid UTF-8 on their own lines and goes on", async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"a":1}\n{"a":\n[1,2]\n'),
      Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a]),
      Buffer.from('{"ok":true}'),
    ]);
    const items = await read("jsonl", bytes, { chunk: 3 });
    expect(items.map((item) => ("error" in item ? `${item.line}: ${item.error.split(":")[0]}` : `${item.line}: ok`))).toEqual([
      "1: ok",
      "2: not valid JSON",
      "3: expected a JSON object, got an array",
      "4: not valid UTF-8 text (is this a binary file?)",
      "5: ok",
    ]);
  });

  it("reads a 10 MB line, and skips a line over the limit without holding it", async () => {
    const big = JSON.stringify({ transcript: "x".repeat(10 * 1024 * 1024) });
    const items = await read("jsonl", `${big}\n{"after":1}\n`, { max: 16 * 1024 * 1024, chunk: 1024 * 1024 });
    expect(items).toHaveLength(2);
    expect((items[0] as unknown as { record: { transcript: string } }).record.transcript).toHaveLength(10 * 1024 * 1024);

    const skipped = await read("jsonl", `${big}\n{"after":1}\n`, { max: 1024 * 1024, chunk: 64 * 1024 });
    expect(skipped).toEqual([
      { line: 1, error: "record longer than 1 MB; skipped" },
      { line: 2, record: { after: 1 } },
    ]);
  });

  it("yields nothing for an empty file", async () => {
    expect(await read("jsonl", "")).toEqual([]);
    expect(await read("jsonl", "\n\n  \n")).toEqual([]);
  });
});

describe("JSON", () => {
  const array = '[\n  {"a": 1},\n  {"b": "]\\"}"},\n  {"c": [1, {"d": "x"}]}\n]\n';

  it("yields the elements of an array with the line each starts on, at every chunk split", async () => {
    for (const chunk of [1, 2, 3, 7, 1000]) {
      expect(await read("json", array, { chunk })).toEqual([
        { line: 2, record: { a: 1 } },
        { line: 3, record: { b: ']"}' } },
        { line: 4, record: { c: [1, { d: "x" }] } },
      ]);
    }
  });

  it("reads a file nested by condition: the key comes along as group, earlier plain members apply to every record", async () => {
    const nested = '{"model": "m", "free": [{"q": 1},\n {"q": 2}], "paid": [\n{"q": 3, "model": "other"}]}';
    expect(await read("json", nested, { chunk: 4 })).toEqual([
      { line: 1, record: { model: "m", q: 1 }, group: "free" },
      { line: 2, record: { model: "m", q: 2 }, group: "free" },
      { line: 3, record: { model: "other", q: 3 }, group: "paid" },
    ]);
  });

  it("reads a single record object, whose messages array is a field, not a group", async () => {
    const single = '{"tier": "free", "messages": [{"role": "user", "content": "hi"}]}';
    expect(await read("json", single)).toEqual([{ line: 1, record: { tier: "free", messages: [{ role: "user", content: "hi" }] } }]);
  });

  it("reports a broken element and goes on; reports a structural break and stops", async () => {
    expect(await read("json", '[{"a":1},\n{"b":tru},\n7,\n{"c":2}]')).toEqual([
      { line: 1, record: { a: 1 } },
      { line: 2, error: expect.stringMatching(/^not valid JSON/) },
      { line: 3, error: "expected a JSON object for each record, got 7" },
      { line: 4, record: { c: 2 } },
    ]);
    expect(await read("json", '[{"a":1},\n{"b":2}')).toEqual([
      { line: 1, record: { a: 1 } },
      { line: 2, record: { b: 2 } },
      { line: 2, error: "the JSON ends early: an array, object or string is not closed" },
    ]);
    expect(await read("json", '[{"a":1}] {"b":2}')).toEqual([
      { line: 1, record: { a: 1 } },
      { line: 1, error: "unexpected data after the end of the JSON value" },
    ]);
    expect(await read("json", "garbage")).toEqual([{ line: 1, error: "not JSON: the file must start with [ or {" }]);
  });

  it("skips an element over the size limit", async () => {
    const items = await read("json", `[{"t":"${"y".repeat(5000)}"},{"u":1}]`, { max: 1000, chunk: 100 });
    expect(items).toEqual([
      { line: 1, error: "record longer than 0 MB; skipped" },
      { line: 1, record: { u: 1 } },
    ]);
  });

  it("yields nothing for an empty file or an empty array", async () => {
    expect(await read("json", "")).toEqual([]);
    expect(await read("json", " [ ] ")).toEqual([]);
  });
});

describe("CSV", () => {
  it("yields records keyed by header with the line each starts on; empty cells are absent", async () => {
    const csv = 'prompt,response,tier,label.complied\nhello,"multi\nline",free,1\n\nq2,r2,paid,\n';
    for (const chunk of [3, 1000]) {
      expect(await read("csv", csv, { chunk })).toEqual([
        { line: 2, record: { prompt: "hello", response: "multi\nline", tier: "free", "label.complied": "1" } },
        { line: 5, record: { prompt: "q2", response: "r2", tier: "paid" } },
      ]);
    }
  });

  it("reports a row with the wrong number of cells and goes on", async () => {
    const items = await read("csv", "a,b\n1,2\n3\n4,5\n");
    expect(items).toEqual([
      { line: 2, record: { a: "1", b: "2" } },
      { line: 3, error: expect.stringMatching(/^not valid CSV: .*columns/i) },
      { line: 4, record: { a: "4", b: "5" } },
    ]);
  });

  it("stops at a quote that never closes, and at invalid UTF-8, saying where", async () => {
    expect(await read("csv", 'a,b\n1,2\n3,"never closed\n4,5\n')).toEqual([
      { line: 2, record: { a: "1", b: "2" } },
      { line: 3, error: "not valid CSV: the parsing is finished with an opening quote at line 4" },
    ]);
    const binary = Buffer.concat([Buffer.from("a,b\n1,2\n"), Buffer.from([0xc3, 0x28, 0x0a])]);
    expect(await read("csv", binary)).toEqual([
      { line: 2, record: { a: "1", b: "2" } },
      { line: 3, error: "not valid UTF-8 text (is this a binary file?); reading stopped here" },
    ]);
  });
});

describe("native text", () => {
  it("is one record holding the whole conversation", async () => {
    const text = "<INPUT><is_free_tier_user>True</is_free_tier_user><user_input>hi</user_input></INPUT>\n\n<OUTPUT>hello</OUTPUT>";
    expect(await read("native", text, { chunk: 5 })).toEqual([{ line: 1, record: { transcript: text } }]);
    expect(await read("native", Buffer.from([0xff, 0x00]))).toEqual([{ line: 1, error: "not valid UTF-8 text (is this a binary file?)" }]);
  });
});
