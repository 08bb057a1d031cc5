import { describe, expect, it } from "vitest";
import { newcombeIndependent, newcombePaired, newcombePhi, wilson, wilsonAt, type PairedCounts } from "./intervals";

const rounded = (interval: { lower: number; upper: number } | null) =>
  interval && [interval.lower, interval.upper].map((x) => Number(x.toFixed(4)));

describe("wilson", () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Stat Med 17:857–872, Table I, method 3 (the score method).
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

  it("at a fractional effective n is the same formula: halving n widens the interval", () => {
    expect(wilsonAt(81 / 263, 263)).toEqual(wilson(81, 263));
    const half = wilsonAt(0.3, 50);
    const full = wilson(30, 100)!;
    expect(half.upper - half.lower).toBeGreaterThan(full.upper - full.lower);
    expect(() => wilsonAt(0.5, 0)).toThrow(RangeError);
  });
});

describe("newcombeIndependent (hybrid score, method 10)", () => {
  // Newcombe (1998), "Interval estimation for the difference between independent proportions:
  // comparison of eleven methods", Stat Med 17:873–890, Table II, examples (a)–(h), method 10.
  it.each([
    [56, 70, 48, 80, [0.0524, 0.3339]],
    [9, 10, 3, 10, [0.1705, 0.809]],
    [6, 7, 2, 7, [0.0582, 0.8062]],
    [5, 56, 0, 29, [-0.0381, 0.1926]],
    [0, 10, 0, 20, [-0.1611, 0.2775]],
    [0, 10, 0, 10, [-0.2775, 0.2775]],
    [10, 10, 0, 20, [0.6791, 1]],
    [10, 10, 0, 10, [0.6075, 1]],
  ])("%i/%i − %i/%i", (x1, n1, x2, n2, expected) => {
    expect(rounded(newcombeIndependent(x1, n1, x2, n2))).toEqual(expected);
  });

  it("is null when either group is empty", () => {
    expect(newcombeIndependent(1, 2, 0, 0)).toBeNull();
  });
});

describe("newcombePaired (method 10 for paired data)", () => {
  const table = (yesYes: number, yesNo: number, noYes: number, noNo: number): PairedCounts => ({ yesYes, yesNo, noYes, noNo });

  /**
   * Newcombe (1998), "Improved confidence intervals for the difference between binomial
   * proportions based on paired data", Stat Med 17:2635–2650: the worked examples, given as the
   * paper's cells (e, f, g, h) = (both, first only, second only, neither), θ = (f − g) / n, with
   * method 10's printed 95% limits. Nine of them have φ ≠ 0, four have a cell of 0 that empties
   * a margin (φ = 0 by the paper's definition), and the last six have no discordant pair at all.
   */
  const PUBLISHED: [number, number, number, number, number, number][] = [
    [36, 12, 2, 0, 0.0569, 0.3404],
    [20, 12, 2, 16, 0.0562, 0.3292],
    [18, 12, 2, 18, 0.0562, 0.329],
    [36, 14, 0, 0, 0.1528, 0.4167],
    [35, 14, 0, 1, 0.1461, 0.4175],
    [18, 14, 0, 18, 0.1441, 0.3963],
    [2, 97, 1, 0, 0.8721, 0.9854],
    [1, 97, 1, 1, 0.8736, 0.985],
    [0, 29, 1, 0, 0.6666, 0.9882],
    [2, 98, 0, 0, 0.9178, 0.9945],
    [1, 98, 0, 1, 0.9171, 0.9916],
    [0, 30, 0, 0, 0.8395, 1],
    [54, 0, 0, 0, -0.0664, 0.0664],
    [53, 0, 0, 1, -0.0729, 0.0729],
    [30, 0, 0, 24, -0.0358, 0.0358],
    [29, 0, 0, 25, -0.0354, 0.0354],
    [28, 0, 0, 26, -0.0352, 0.0352],
    [27, 0, 0, 27, -0.0351, 0.0351],
  ];

  it.each(PUBLISHED)("(%i, %i, %i, %i) gives the published limits", (e, f, g, h, lower, upper) => {
    const interval = newcombePaired(table(e, f, g, h))!;
    expect(interval.estimate).toBeCloseTo((f - g) / (e + f + g + h), 12);
    if (e === 1 && f === 97) {
      // The one printed limit the formula misses in the 4th decimal: it gives 0.873672, printed as
      // 0.8736 (one unit lower). Every other limit of the table matches when rounded.
      expect(Math.abs(interval.lower - lower)).toBeLessThan(0.0001);
      expect(Number(interval.upper.toFixed(4))).toBe(upper);
      return;
    }
    expect(rounded(interval)).toEqual([lower, upper]);
  });

  /**
   * Which φ method 10 uses is decided by the paper's own examples, not by any implementation.
   * Example (20, 12, 2, 16): AD − BC = 296 > n/2 = 25, so the corrected φ = (296 − 25) / √(32·18·22·28)
   * = 0.4550 (uncorrected: 0.4969). The paper prints 0.0562 to 0.3292; the uncorrected φ would give
   * 0.0618 to 0.3242. With no discordant pairs, (27, 0, 0, 27), the uncorrected φ is 1 and collapses
   * the interval to [0, 0]; the paper prints −0.0351 to 0.0351, which is what the corrected φ gives.
   */
  it("uses the continuity-corrected φ, as the paper's examples with φ ≠ 0 decide", () => {
    expect(newcombePhi(table(20, 12, 2, 16))).toBeCloseTo((296 - 25) / Math.sqrt(32 * 18 * 22 * 28), 12);
    expect(rounded(newcombePaired(table(20, 12, 2, 16)))).toEqual([0.0562, 0.3292]);
    expect(newcombePhi(table(27, 0, 0, 27))).toBeCloseTo((27 * 27 - 27) / (27 * 27), 12);
    expect(rounded(newcombePaired(table(27, 0, 0, 27)))).toEqual([-0.0351, 0.0351]);
    // AD ≤ BC: φ is used as it is (negative), no correction.
    expect(newcombePhi(table(36, 12, 2, 0))).toBeCloseTo(-24 / Math.sqrt(48 * 2 * 38 * 12), 12);
    // 0 < AD − BC ≤ n/2: the corrected φ is 0.
    expect(newcombePhi(table(1, 98, 0, 1))).toBe(0);
    // An empty margin: φ = 0.
    expect(newcombePhi(table(36, 14, 0, 0))).toBe(0);
  });

  it("is narrower than the independent interval when the conditions agree item by item", () => {
    const paired = newcombePaired(table(40, 10, 0, 50))!;
    const independent = newcombeIndependent(50, 100, 40, 100)!;
    expect(paired.estimate).toBeCloseTo(independent.estimate, 10);
    expect(paired.upper - paired.lower).toBeLessThan(independent.upper - independent.lower);
  });

  it("stays within [-1, 1] at the extremes, is null without pairs, and rejects impossible counts", () => {
    const all = newcombePaired(table(0, 5, 0, 0))!;
    expect(all.estimate).toBe(1);
    expect(all.upper).toBeLessThanOrEqual(1);
    expect(all.lower).toBeGreaterThan(0);
    expect(newcombePaired(table(0, 0, 0, 0))).toBeNull();
    expect(() => newcombePaired(table(1, -1, 0, 0))).toThrow(RangeError);
    expect(() => newcombePaired(table(1, 0.5, 0, 0))).toThrow(RangeError);
  });
});
