import { describe, expect, it } from "vitest";
import { benjaminiHochbergAdjust, holmAdjust } from "./multiplicity";

/**
 * Benjamini & Hochberg (1995), JRSS B 57:289–300, section 4: the 15 p-values of Neuhaus et al.
 * (1992). At level 0.05 the paper's procedure rejects the four smallest (p ≤ 0.0095), where the
 * Bonferroni-type procedures that control the family-wise error rate reject three: Bonferroni
 * (p ≤ 0.05/15) and Hochberg's step-up both reject exactly the three smallest, and Holm's step-down
 * lies between the two (every Bonferroni rejection is Holm's, every Holm rejection Hochberg's), so
 * it rejects those three too.
 */
const NEUHAUS = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];
const rejected = (adjusted: (number | null)[], alpha = 0.05) => adjusted.filter((p) => p !== null && p <= alpha).length;

describe("Benjamini–Hochberg", () => {
  it("rejects the four smallest of the paper's example at 0.05", () => {
    const adjusted = benjaminiHochbergAdjust(NEUHAUS);
    expect(rejected(adjusted)).toBe(4);
    expect(adjusted.slice(0, 4).every((p) => p! <= 0.05)).toBe(true);
    // By the definition: min over j ≥ i of p(j) · m / j.
    expect(adjusted[0]).toBeCloseTo(0.0015, 12);
    expect(adjusted[2]).toBeCloseTo(0.0095, 12);
    expect(adjusted[3]).toBeCloseTo((0.0095 * 15) / 4, 12);
    expect(adjusted[4]).toBeCloseTo((0.0201 * 15) / 5, 12);
    expect(adjusted[5]).toBeCloseTo((0.0298 * 15) / 7, 12); // the step-up: p(7) · 15/7 is smaller than p(6) · 15/6
    expect(adjusted[14]).toBe(1);
  });

  it("keeps the input order, leaves untested entries out of the family, and rejects bad p-values", () => {
    const shuffled = [0.5, null, 0.01, 0.04, null, 0.03];
    const [a, none, b, c, none2, d] = benjaminiHochbergAdjust(shuffled);
    expect([a, none, b, none2]).toEqual([0.5, null, 0.04, null]);
    expect(c).toBeCloseTo((0.04 * 4) / 3, 15);
    expect(d).toBeCloseTo((0.04 * 4) / 3, 15); // 0.03 · 4/2 = 0.06 steps up to the next one's 0.0533
    expect(benjaminiHochbergAdjust([])).toEqual([]);
    expect(() => benjaminiHochbergAdjust([0.1, 1.2])).toThrow(RangeError);
    expect(() => benjaminiHochbergAdjust([Number.NaN])).toThrow(RangeError);
  });
});

describe("Holm", () => {
  it("rejects the three smallest of the same example at 0.05, as the family-wise procedures do", () => {
    const adjusted = holmAdjust(NEUHAUS);
    expect(rejected(adjusted)).toBe(3);
    expect(adjusted[0]).toBeCloseTo(0.0015, 12); // 0.0001 · 15
    expect(adjusted[1]).toBeCloseTo(0.0056, 12); // 0.0004 · 14
    expect(adjusted[2]).toBeCloseTo(0.0247, 12); // 0.0019 · 13
    expect(adjusted[3]).toBeCloseTo(0.114, 12); // 0.0095 · 12
    // Made non-decreasing: 0.0298 · 9 = 0.2682 would fall below 0.0278 · 10 = 0.278.
    expect(adjusted[6]).toBeCloseTo(0.278, 12);
    expect(adjusted[14]).toBe(1);
  });

  it("is never less strict than Benjamini–Hochberg and keeps the input order", () => {
    const holm = holmAdjust(NEUHAUS);
    const bh = benjaminiHochbergAdjust(NEUHAUS);
    holm.forEach((p, i) => expect(p!).toBeGreaterThanOrEqual(bh[i]!));
    expect(holmAdjust([0.04, null, 0.01])).toEqual([0.04, null, 0.02]);
  });
});
