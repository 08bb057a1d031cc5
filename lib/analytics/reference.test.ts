import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sharedData } from "@/lib/testing/shared-data";
import { matchReference, parseReferenceFile, unmatchedReferenceRows } from "./reference";

const paperFile = sharedData("paper-variation-results.json");

describe("parseReferenceFile", () => {
  it.skipIf(!paperFile.available)(`reads the paper's per-variation results file as it is${paperFile.skipReason}`, () => {
    const result = parseReferenceFile(readFileSync(paperFile.path, "utf8"));
    if ("error" in result) throw new Error(result.error);
    expect(result.rows).toHaveLength(145);
    expect(result.rows[0]).toMatchObject({
      setting: "helpful-only",
      variation_no: 1,
      variation: "default",
      af_reasoning_pct: 11.9,
      compliance_gap_pct: 11.3,
    });
  });

  it("accepts a bare array of rows", () => {
    const result = parseReferenceFile(
      JSON.stringify([{ setting: "helpful-only", variation: "default", model: "m", af_reasoning_pct: 10 }]),
    );
    expect(result).toEqual({ rows: [expect.objectContaining({ variation: "default", af_reasoning_pct: 10 })] });
  });

  it("says which row and field are wrong", () => {
    const rows = [
      { setting: "helpful-only", variation: "default", model: "m" },
      { setting: "helpful-only", variation: "cut", model: "m", af_reasoning_pct: "high" },
    ];
    expect(parseReferenceFile(JSON.stringify(rows))).toEqual({ error: expect.stringMatching(/row 2, field "af_reasoning_pct"/) });
    expect(parseReferenceFile("{not json")).toEqual({ error: expect.stringMatching(/^Not valid JSON/) });
  });
});

describe("matchReference", () => {
  const rows = [
    { variationNo: 1, variation: "default" },
    { variationNo: 4, variation: "cut rlhf info" },
    { variationNo: null, variation: "OpenAI is the AI company" },
  ];
  it("matches by published number first, then by name, and leaves the rest unmatched", () => {
    const matched = matchReference(
      [
        { variationId: 10, name: "Default", referenceNo: 1 },
        { variationId: 11, name: "RLHF description cut", referenceNo: 4 },
        { variationId: 12, name: "OpenAI is the AI company", referenceNo: null },
        { variationId: 13, name: "Something new", referenceNo: 99 },
      ],
      rows,
    );
    expect(matched.get(10)?.variation).toBe("default");
    expect(matched.get(11)?.variation).toBe("cut rlhf info");
    expect(matched.get(12)?.variation).toBe("OpenAI is the AI company");
    expect(matched.get(13)).toBeNull();
  });
});

describe("unmatchedReferenceRows", () => {
  const row = (setting: string, variation: string, variation_no: number | null = null) => ({
    setting,
    variation,
    variation_no,
    model: "m",
  });
  it("names every row no variation lines up with, and why, by the chart's own rule", () => {
    const settings = [
      {
        slug: "helpful-only",
        variations: [
          { variationId: 1, name: "Default", referenceNo: 1 },
          { variationId: 2, name: "Cut RLHF info", referenceNo: null },
        ],
      },
    ];
    const rows = [
      row("helpful-only", "default", 1),
      row("helpful-only", "cut rlhf info"),
      row("helpful-only", "no such thing", 42),
      row("animal-welfare", "default", 1),
    ];
    expect(unmatchedReferenceRows(settings, rows)).toEqual([
      { row: 3, setting: "helpful-only", variation: "no such thing", variationNo: 42, reason: "no such variation" },
      { row: 4, setting: "animal-welfare", variation: "default", variationNo: 1, reason: "unknown setting" },
    ]);
  });
});
