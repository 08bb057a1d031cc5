import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { variationCountsOf } from "@/lib/testing/variation-counts";
import { statisticsCsv } from "./statistics-csv";
import { prepareStatistics } from "./variation-statistics";

const variation = (variationId: number, name: string) =>
  variationCountsOf(
    { variationId, name, isBaseline: variationId === 1, position: variationId },
    { n: 100, complied: 20, af: 10 },
    { n: 100, complied: 40 },
    { yesYes: 15, yesNo: 5, noYes: 25, noNo: 55 },
  );

const rowsOf = (csv: string) => parse(csv) as string[][];

describe("the variation chart's CSV (statisticsCsv)", () => {
  it("has a header and a row per variation, numbers as numbers (a negative gap stays a number), CRLF line ends", () => {
    const csv = statisticsCsv(prepareStatistics([variation(1, "Default")], { alpha: 0.05, flag: null }));
    const [header, row] = rowsOf(csv);
    expect(header.slice(0, 5)).toEqual(["variation", "baseline", "n_training", "n_deployment", "queries"]);
    expect(row.slice(0, 4)).toEqual(["Default", "true", "100", "100"]);
    expect(row[header.indexOf("af_rate")]).toBe("0.1");
    expect(row[header.indexOf("compliance_gap")]).toBe("-0.2");
    expect(row[header.indexOf("reference_variation")]).toBe(""); // no reference: an empty field
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("defuses a variation name a spreadsheet would run as a formula (names come from imported files)", () => {
    const names = ['=HYPERLINK("http://evil.example","open")', "+cmd", "@SUM(A1)", "-2+3", "Plain, with a comma"];
    const csv = statisticsCsv(
      prepareStatistics(
        names.map((name, i) => variation(i + 1, name)),
        { alpha: 0.05, flag: null },
      ),
    );
    expect(
      rowsOf(csv)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['\'=HYPERLINK("http://evil.example","open")', "'+cmd", "'@SUM(A1)", "'-2+3", "Plain, with a comma"]);
  });
});
