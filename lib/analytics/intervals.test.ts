import { describe, expect, it } from "vitest";
import { newcombeIndependent, newcombePaired, wilson } from "./intervals";

const rounded = (interval: { lower: number; upper: number } | null) =>
  interval && [interval.lower, interval.upper].map((x) => Number(x.toFixed(4)));

describe("wilson", () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I.
  it.each([
    [81, 263, [0.2553, 0.3662]],
    [15, 148, [0.0624, 0.1605]],
    [0, 20, [0, 0.1611]],
    [1, 29, [0.0061, 0.1718]],
  ])("%i of %i", (x, n, expected) => {
    expect(rounded(wilson(x, n))).toEqual(expected);
  });

  it("handles 0%, 100% and n = 1 without leaving [0, 1]", () => {
    expect(wilson(0, 1)).toMatchObject({ estimate: 0, lower: 0 });
    expect(wilson(1, 1)).toMatchObject({ estimate: 1, upper: 1 });
    expect(rounded(wilson(1, 1))).toEqual([0.2065, 1]);
    expect(wilson(10, 10)!.lower).toBeGreaterThan(0.69);
  });

  it("has no estimate without data, and rejects impossible counts", () => {
    expect(wilson(0, 0)).toBeNull();
    expect(() => wilson(3, 2)).toThrow(RangeError);
    expect(() => wilson(-1, 2)).toThrow(RangeError);
    expect(() => wilson(0.5, 2)).toThrow(RangeError);
  });
});

describe("newcombeIndependent (hybrid score, method 10)", () => {
  // Newcombe (1998), "Interval estimation for the difference between independent proportions", Table II.
  it.each([
    [56, 70, 48, 80, [0.0524, 0.3339]],
    [9, 10, 3, 10, [0.1705, 0.809]],
    [6, 7, 2, 7, [0.0582, 0.8062]],
    [5, 56, 0, 29, [-0.0381, 0.1926]],
  ])("%i/%i − %i/%i", (x1, n1, x2, n2, expected) => {
    expect(rounded(newcombeIndependent(x1, n1, x2, n2))).toEqual(expected);
  });

  it("is null when either group is empty", () => {
    expect(newcombeIndependent(1, 2, 0, 0)).toBeNull();
  });
});

describe("newcombePaired (method 10 for paired data)", () => {
  // Newcombe (1998), "Improved confidence intervals for the difference between binomial
  // proportions based on paired data", Table II, example (a): 36, 12, 2, 0.
  it("matches the published worked example", () => {
    const interval = newcombePaired({ yesYes: 36, yesNo: 12, noYes: 2, noNo: 0 });
    expect(interval!.estimate).toBeCloseTo(0.2, 10);
    expect(rounded(interval)).toEqual([0.0569, 0.3404]);
  });

  it("is narrower than the independent interval when the conditions agree item by item", () => {
    const paired = newcombePaired({ yesYes: 40, yesNo: 10, noYes: 0, noNo: 50 })!;
    const independent = newcombeIndependent(50, 100, 40, 100)!;
    expect(paired.estimate).toBeCloseTo(independent.estimate, 10);
    expect(paired.upper - paired.lower).toBeLessThan(independent.upper - independent.lower);
  });

  it("stays within [-1, 1] at the extremes and is null without pairs", () => {
    const all = newcombePaired({ yesYes: 0, yesNo: 5, noYes: 0, noNo: 0 })!;
    expect(all.estimate).toBe(1);
    expect(all.upper).toBeLessThanOrEqual(1);
    expect(all.lower).toBeGreaterThan(0);
    expect(newcombePaired({ yesYes: 0, yesNo: 0, noYes: 0, noNo: 0 })).toBeNull();
  });
});
