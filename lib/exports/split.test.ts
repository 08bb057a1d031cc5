import { describe, expect, it } from "vitest";
import { assignSplits, stratumOf, type SplitGroup } from "./split";

const LABELS = ["no", "partial", "full", "undecided", "unlabelled"];

/** 600 queries with 2-8 transcripts each and a skewed label mix. */
function groups(count = 600): SplitGroup[] {
  return Array.from({ length: count }, (_, i) => ({
    queryId: 1000 + i * 7,
    size: 2 + (i % 4) * 2,
    stratum: LABELS[[0, 0, 0, 1, 0, 2, 3, 0, 4, 1][(i * 13) % 10]],
  }));
}

describe("assignSplits", () => {
  it("gives every query exactly one split", () => {
    const input = groups();
    const assignment = assignSplits(input, [0.8, 0.1, 0.1], 7);
    expect(assignment.size).toBe(input.length);
  });

  it("is the same for the same seed, whatever order the queries come in, and differs for another seed", () => {
    const input = groups();
    const a = assignSplits(input, [0.8, 0.1, 0.1], 7);
    const b = assignSplits([...input].reverse(), [0.8, 0.1, 0.1], 7);
    expect([...b].sort(([x], [y]) => x - y)).toEqual([...a].sort(([x], [y]) => x - y));
    const other = assignSplits(input, [0.8, 0.1, 0.1], 8);
    const moved = input.filter((group) => other.get(group.queryId) !== a.get(group.queryId)).length;
    expect(moved).toBeGreaterThan(input.length / 10);
  });

  it("keeps each label's share close to the ratios (stratified), counted in transcripts", () => {
    const input = groups();
    const assignment = assignSplits(input, [0.8, 0.1, 0.1], 3);
    for (const label of LABELS) {
      const members = input.filter((group) => group.stratum === label);
      const total = members.reduce((sum, group) => sum + group.size, 0);
      const inSplit = (name: string) =>
        members.filter((group) => assignment.get(group.queryId) === name).reduce((sum, group) => sum + group.size, 0);
      expect(Math.abs(inSplit("train") / total - 0.8), label).toBeLessThan(0.03);
      expect(Math.abs(inSplit("validation") / total - 0.1), label).toBeLessThan(0.03);
      expect(Math.abs(inSplit("test") / total - 0.1), label).toBeLessThan(0.03);
    }
  });

  it("never uses a split whose ratio is 0", () => {
    const assignment = assignSplits(groups(), [1, 0, 0], 1);
    expect(new Set(assignment.values())).toEqual(new Set(["train"]));
  });
});

describe("stratumOf", () => {
  it("takes the most frequent label, ties to the first in sort order", () => {
    expect(
      stratumOf(
        new Map([
          ["partial", 1],
          ["no", 3],
        ]),
      ),
    ).toBe("no");
    expect(
      stratumOf(
        new Map([
          ["partial", 2],
          ["no", 2],
        ]),
      ),
    ).toBe("no");
  });
});
