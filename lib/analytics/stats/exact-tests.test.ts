import { describe, expect, it } from "vitest";
import { fisherExact, mcnemarExact } from "./exact-tests";

describe("mcnemarExact", () => {
  // Fagerland, Lydersen & Laake (2013), "The McNemar test for binary matched-pairs data: mid-p and
  // asymptotic are better than exact conditional", BMC Med Res Methodol 13:91: their worked example
  // (Bentur et al. 2009, airway hyper-responsiveness before and after stem cell transplantation in
  // 21 children: 1 both, 1 before only, 7 after only, 12 neither) has the exact conditional
  // p = 2 · P(X ≤ 1 | X ~ Bin(8, ½)) = 18/256, printed as 0.070.
  it("reproduces the published worked example", () => {
    const p = mcnemarExact(1, 7);
    expect(p).toBeCloseTo(18 / 256, 15);
    expect(p.toFixed(3)).toBe("0.070");
    expect(mcnemarExact(7, 1)).toBe(p);
  });

  it("is 1 without discordant pairs or when they split evenly, and tiny for a lopsided split", () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(5, 5)).toBe(1);
    expect(mcnemarExact(0, 10)).toBeCloseTo(2 / 1024, 15);
    // 294 vs 11 discordant pairs (the paper's default gap on 2,500 pairs): far below any threshold, not 0.
    const p = mcnemarExact(294, 11);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-60);
  });

  it("rejects impossible counts", () => {
    expect(() => mcnemarExact(-1, 2)).toThrow(RangeError);
    expect(() => mcnemarExact(1.5, 2)).toThrow(RangeError);
  });
});

/** The definition itself, by enumerating every table with the observed margins (small tables only). */
function fisherByEnumeration(a: number, b: number, c: number, d: number): number {
  const choose = (n: number, k: number) => {
    let result = 1;
    for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
    return result;
  };
  const [r1, r2, c1] = [a + b, c + d, a + c];
  const probability = (x: number) => (choose(r1, x) * choose(r2, c1 - x)) / choose(r1 + r2, c1);
  const observed = probability(a);
  let p = 0;
  for (let x = Math.max(0, c1 - r2); x <= Math.min(r1, c1); x++) {
    if (probability(x) <= observed * (1 + 1e-7)) p += probability(x);
  }
  return Math.min(1, p);
}

describe("fisherExact", () => {
  // Agresti (2002), Categorical Data Analysis, 2nd ed., §3.5.2, Table 3.8: Fisher's tea-tasting
  // experiment, 3 of the 4 milk-first cups guessed right. P(n11 = 3) = 16/70, P(n11 = 4) = 1/70:
  // one-sided P = 0.243; two-sided (tables no more likely than the observed) P = 34/70 = 0.486.
  it("reproduces the tea-tasting example", () => {
    const p = fisherExact({ successes1: 3, failures1: 1, successes2: 1, failures2: 3 });
    expect(p).toBeCloseTo(34 / 70, 12);
    expect(p.toFixed(3)).toBe("0.486");
    // All four right: only the two extreme tables are as unlikely.
    expect(fisherExact({ successes1: 4, failures1: 0, successes2: 0, failures2: 4 })).toBeCloseTo(2 / 70, 12);
  });

  it("agrees with enumerating every table of the same margins", () => {
    const tables = [
      [0, 5, 5, 0],
      [2, 15, 10, 3],
      [12, 5, 7, 7],
      [1, 30, 0, 25],
      [40, 60, 55, 45],
      [9, 1, 3, 7],
      [3, 3, 3, 3],
      [20, 0, 0, 20],
    ];
    for (const [a, b, c, d] of tables) {
      const p = fisherExact({ successes1: a, failures1: b, successes2: c, failures2: d });
      expect(p, `${a} ${b} ${c} ${d}`).toBeCloseTo(fisherByEnumeration(a, b, c, d), 12);
    }
  });

  it("is 1 when a margin leaves one possible table, symmetric in the groups, and fine on big samples", () => {
    expect(fisherExact({ successes1: 0, failures1: 10, successes2: 0, failures2: 12 })).toBe(1);
    expect(fisherExact({ successes1: 5, failures1: 0, successes2: 0, failures2: 0 })).toBe(1);
    const table = { successes1: 297, failures1: 2203, successes2: 170, failures2: 2330 };
    const swapped = { successes1: 170, failures1: 2330, successes2: 297, failures2: 2203 };
    expect(fisherExact(table)).toBeCloseTo(fisherExact(swapped), 14);
    expect(fisherExact(table)).toBeLessThan(1e-8);
    const equal = fisherExact({ successes1: 5000, failures1: 45000, successes2: 5000, failures2: 45000 });
    expect(equal).toBeCloseTo(1, 10);
  });

  it("rejects impossible counts", () => {
    expect(() => fisherExact({ successes1: -1, failures1: 1, successes2: 1, failures2: 1 })).toThrow(RangeError);
  });
});
