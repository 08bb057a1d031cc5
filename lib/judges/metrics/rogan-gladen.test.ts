import { describe, expect, it } from "vitest";
import { Z95 } from "@/lib/analytics/stats/intervals";
import { roganGladen } from "./rogan-gladen";

describe("Rogan–Gladen corrected rate", () => {
  // epiR's documented example for epi.prev (Stevenson et al.): 150 cows tested for brucellosis with a test of
  // sensitivity 96% and specificity 89%; 23 positive. The Rogan–Gladen true prevalence is
  // (23/150 + 0.89 − 1) / (0.96 + 0.89 − 1) = 5.1%. A validation sample of a million makes Se and Sp known.
  const known = {
    judgedPositive: 23,
    n: 150,
    truePositives: 960_000,
    referencePositives: 1_000_000,
    trueNegatives: 890_000,
    referenceNegatives: 1_000_000,
  };

  it("reproduces the worked example's corrected prevalence", () => {
    const corrected = roganGladen(known)!;
    expect(Number(corrected.estimate.toFixed(3))).toBe(0.051);
    expect(corrected.estimate).toBeCloseTo((23 / 150 + 0.89 - 1) / (0.96 + 0.89 - 1), 12);
  });

  it("with Se and Sp known, its variance is Rogan & Gladen's p̂q̂ / (n J²)", () => {
    // The textbook form (e.g. Thrusfield, Veterinary Epidemiology, §17): Var = p̂(1 − p̂) / (n J²), J = Se + Sp − 1.
    const corrected = roganGladen(known)!;
    const p = 23 / 150;
    const byHand = Math.sqrt((p * (1 - p)) / (150 * 0.85 ** 2));
    expect(corrected.standardError).toBeCloseTo(byHand, 4);
    expect(corrected.lower).toBeCloseTo(Math.max(0, corrected.unclipped - Z95 * byHand), 4);
  });

  it("widens with the validation sample's uncertainty: a judge checked on 40 transcripts is less certain than one checked on 4,000", () => {
    const charted = { judgedPositive: 300, n: 1000 };
    const small = roganGladen({ ...charted, truePositives: 16, referencePositives: 20, trueNegatives: 18, referenceNegatives: 20 })!;
    const large = roganGladen({
      ...charted,
      truePositives: 1600,
      referencePositives: 2000,
      trueNegatives: 1800,
      referenceNegatives: 2000,
    })!;
    expect(small.estimate).toBeCloseTo(large.estimate, 12); // (0.3 + 0.9 − 1) / 0.7
    expect(small.estimate).toBeCloseTo(0.2 / 0.7, 12);
    expect(small.upper - small.lower).toBeGreaterThan(2 * (large.upper - large.lower));
    expect(small.validationN).toBe(40);
    // By hand for the small validation set: [0.3·0.7/1000 + π²·0.8·0.2/20 + (1−π)²·0.9·0.1/20] / 0.7².
    const pi = 0.2 / 0.7;
    const variance = (0.21 / 1000 + (pi ** 2 * 0.16) / 20 + ((1 - pi) ** 2 * 0.09) / 20) / 0.49;
    expect(small.standardError).toBeCloseTo(Math.sqrt(variance), 12);
  });

  it("truncates to [0, 1], and refuses a judge no better than chance or impossible counts", () => {
    // Raw rate below 1 − Sp: the unclipped estimate is negative, the reported one 0.
    const below = roganGladen({
      judgedPositive: 4,
      n: 150,
      truePositives: 96,
      referencePositives: 100,
      trueNegatives: 90,
      referenceNegatives: 100,
    })!;
    expect(below.unclipped).toBeLessThan(0);
    expect(below.estimate).toBe(0);
    expect(below.lower).toBe(0);
    expect(
      roganGladen({ judgedPositive: 5, n: 10, truePositives: 5, referencePositives: 10, trueNegatives: 5, referenceNegatives: 10 }),
    ).toBeNull();
    expect(
      roganGladen({ judgedPositive: 5, n: 10, truePositives: 0, referencePositives: 0, trueNegatives: 5, referenceNegatives: 10 }),
    ).toBeNull();
    expect(() =>
      roganGladen({ judgedPositive: 11, n: 10, truePositives: 5, referencePositives: 10, trueNegatives: 5, referenceNegatives: 10 }),
    ).toThrow(/Invalid count: 11 of 10/);
  });
});
