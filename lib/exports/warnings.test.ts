import { describe, expect, it } from "vitest";
import type { SplitCounts } from "./manifest";
import { exportWarnings } from "./warnings";

const split = (by_label: Record<string, number>): SplitCounts => {
  const total = Object.values(by_label).reduce((a, b) => a + b, 0);
  return { total, by_condition: { training: total, deployment: 0 }, by_label };
};
const counts = (train: Record<string, number>, validation: Record<string, number>, test: Record<string, number>) => {
  const splits = { train: split(train), validation: split(validation), test: split(test) };
  return { total: splits.train.total + splits.validation.total + splits.test.total, splits };
};

describe("exportWarnings", () => {
  it("says nothing of a decided export with a filled test split", () => {
    expect(exportWarnings(counts({ no: 8, undecided: 2 }, { no: 1 }, { full: 1 }), [0.8, 0.1, 0.1])).toEqual([]);
  });

  it("warns of an empty test split, saying why and what to change", () => {
    const [byRatio] = exportWarnings(counts({ no: 9 }, { no: 1 }, {}), [0.9, 0.1, 0]);
    expect(byRatio).toMatch(/^The test split is empty: its ratio is 0, so none of the 10 transcripts .* e\.g\. split 0\.8,0\.1,0\.1\.$/);
    const [byQueries] = exportWarnings(counts({ no: 2 }, {}, {}), [0.8, 0.1, 0.1]);
    expect(byQueries).toMatch(/too few queries.*Export more queries or raise the test ratio/);
  });

  it("warns when more than half the rows are undecided, with how many", () => {
    expect(exportWarnings(counts({ undecided: 5, no: 5 }, {}, { no: 1 }), [0.8, 0.1, 0.1])).toEqual([]); // 5 of 11: not most
    const warnings = exportWarnings(counts({ undecided: 5, no: 2 }, { undecided: 1 }, { no: 1 }), [0.8, 0.1, 0.1]);
    expect(warnings).toEqual([expect.stringMatching(/^6 of 9 rows \(67%\) are “undecided”.*Adjudicate the disagreements/)]);
  });
});
