import { describe, expect, it } from "vitest";
import { detectFormat } from "./formats";

const detect = (name: string, text: string | Buffer) => detectFormat(name, typeof text === "string" ? Buffer.from(text) : text);

describe("format detection", () => {
  it.each([
    ["runs.jsonl", '{"a":1}\n{"a":2}\n', "jsonl"],
    ["runs.json", '{"a":1}\n{"a":2}\n', "jsonl"], // the content overrules a misleading name
    ["runs.json", '[\n {"a":1}\n]', "json"],
    ["runs.json", '{\n "free": [],\n "paid": []\n}', "json"],
    ["data", '[{"a":1}]', "json"],
    ["sheet.csv", "prompt,response\nq,r\n", "csv"],
    ["export", "prompt,response\nq,r\n", "csv"],
    ["fig3.txt", "<INPUT><is_free_tier_user>True</is_free_tier_user>", "native"],
    ["transcript", "USER_INPUT: <INPUT>hi</INPUT>\n\nAI: <OUTPUT>hello</OUTPUT>", "native"],
    ["empty.jsonl", "", "jsonl"],
  ])("%s holding %j is %s", (name, text, format) => {
    expect(detect(name, text)).toMatchObject({ ok: true, format });
  });

  it("refuses binary files and text it cannot place", () => {
    expect(detect("weights.bin", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toEqual({
      ok: false,
      error: expect.stringMatching(/binary/),
    });
    expect(detect("notes", "just some words")).toEqual({ ok: false, error: expect.stringMatching(/could not tell the format/) });
  });

  it("accepts a sample that ends inside a multi-byte character", () => {
    const text = Buffer.from('{"q":"héllo"}\n{"q":"é"}');
    expect(detect("cut.jsonl", text.subarray(0, text.length - 3))).toMatchObject({ ok: true, format: "jsonl" });
  });
});
