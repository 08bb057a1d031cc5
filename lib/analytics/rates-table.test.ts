import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { prepareVariationSeries, type VariationCounts } from "./prepare-variation-chart";
import { ratesCsv, ratesRows } from "./rates-table";

const counts = (name: string, variationId: number): VariationCounts => ({
  variationId,
  name,
  isBaseline: variationId === 1,
  position: variationId,
  training: { n: 100, complied: 20, compliedWithAf: 10 },
  deployment: { n: 100, complied: 40, compliedWithAf: 0 },
  pairs: { yesYes: 15, yesNo: 5, noYes: 25, noNo: 55 },
});

describe("the variation chart's CSV", () => {
  it("has a header and a row per variation, numbers as numbers (a negative gap stays a number)", () => {
    const csv = ratesCsv(ratesRows(prepareVariationSeries([counts("Default", 1)])));
    const [header, row] = parse(csv) as string[][];
    expect(header.slice(0, 5)).toEqual(["variation", "baseline", "n_training", "n_deployment", "af_rate"]);
    expect(row.slice(0, 5)).toEqual(["Default", "true", "100", "100", "0.1"]);
    expect(row[header.indexOf("compliance_gap")]).toBe("-0.2");
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("defuses a variation name a spreadsheet would run as a formula (names come from imported files)", () => {
    const csv = ratesCsv(ratesRows(prepareVariationSeries([counts('=HYPERLINK("http://evil.example","open")', 2), counts("+cmd", 3)])));
    const rows = (parse(csv) as string[][]).slice(1);
    expect(rows.map((row) => row[0])).toEqual(['\'=HYPERLINK("http://evil.example","open")', "'+cmd"]);
  });
});
