import { describe, expect, it } from "vitest";
import { errorsToCsv, errorsToJsonl } from "./error-export";

describe("error downloads", () => {
  const errors = [
    { line: 3, field: "messages", message: 'expected array, received "a, b"' },
    { line: null, field: null, message: '=HYPERLINK("x")\nsecond line' },
    { line: 9, field: "id", message: "a duplicate id", severity: "warning" },
  ];

  it("CSV quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(errorsToCsv(errors)).toBe(
      'line,field,message,severity\r\n3,messages,"expected array, received ""a, b""",error\r\n,,"\'=HYPERLINK(""x"")\nsecond line",error\r\n' +
        "9,id,a duplicate id,warning\r\n",
    );
  });

  it("JSON Lines holds one error per line", () => {
    expect(
      errorsToJsonl(errors)
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual(errors.map((e) => ({ severity: "error", ...e })));
    expect(errorsToJsonl([])).toBe("");
  });
});
