import { describe, expect, it } from "vitest";
import { clusteredNewcombeIndependent, clusteredNewcombePaired, clusteredWilson, designEffect, momentsOf } from "./design-effect";
import { newcombeIndependent, newcombePaired, wilson } from "./intervals";
import { mulberry32 } from "@/lib/demo/prng";

/** K queries of m samples each; `outcome(q, s)` says whether sample s of query q is a success. */
function queries(k: number, m: number, outcome: (q: number, s: number) => boolean) {
  return Array.from({ length: k }, (_, q) => ({ y: Array.from({ length: m }, (_, s) => outcome(q, s)).filter(Boolean).length, m }));
}
const total = (perQuery: { y: number; m: number }[]) => perQuery.reduce((sum, q) => sum + q.y, 0);
const width = (interval: { lower: number; upper: number }) => interval.upper - interval.lower;

describe("design effect over queries", () => {
  it("is exactly 1 with one sample per query: the clustered interval is the plain one", () => {
    const perQuery = queries(80, 1, (q) => q % 5 === 0);
    const x = total(perQuery);
    expect(designEffect(x, x, 80, momentsOf(perQuery))).toBe(1);
    const clustered = clusteredWilson(x, 80, momentsOf(perQuery))!;
    expect(clustered).toMatchObject({ ...wilson(x, 80), designEffect: 1, queries: 80, effectiveN: 80 });
  });

  it("is (mK − 1)/(K − 1) when the m samples of each query always agree: the interval widens by about √m", () => {
    const [k, m] = [50, 4];
    const perQuery = queries(k, m, (q) => q % 3 === 0);
    const x = total(perQuery);
    expect(designEffect(x, x, k * m, momentsOf(perQuery))).toBeCloseTo((m * k - 1) / (k - 1), 12);
    const clustered = clusteredWilson(x, k * m, momentsOf(perQuery))!;
    const plain = wilson(x, k * m)!;
    expect(clustered.queries).toBe(k);
    expect(width(clustered) / width(plain)).toBeGreaterThan(1.9);
    expect(width(clustered) / width(plain)).toBeLessThan(2.1);
    // ... and is then about the interval of one sample per query.
    expect(width(clustered) / width(wilson(total(queries(k, 1, (q) => q % 3 === 0)), k)!)).toBeCloseTo(1, 1);
  });

  it("stays near 1 when the samples of a query are independent draws, and never goes below 1", () => {
    const rng = mulberry32(11);
    const perQuery = queries(200, 5, () => rng() < 0.3);
    const x = total(perQuery);
    const deff = designEffect(x, x, 1000, momentsOf(perQuery))!;
    expect(deff).toBeGreaterThanOrEqual(1);
    expect(deff).toBeLessThan(1.2);
    // Samples that alternate within every query (negatively correlated) would give deff < 1: floored.
    const alternating = queries(40, 2, (_, s) => s === 0);
    expect(designEffect(40, 40, 80, momentsOf(alternating))).toBe(1);
  });

  it("has no estimate from a single query, and is 1 when every unit is the same", () => {
    expect(clusteredWilson(3, 10, momentsOf([{ y: 3, m: 10 }]))).toBeNull();
    const allZero = queries(10, 3, () => false);
    expect(designEffect(0, 0, 30, momentsOf(allZero))).toBe(1);
    expect(clusteredWilson(0, 30, momentsOf(allZero))).toMatchObject({ ...wilson(0, 30), designEffect: 1 });
  });

  it("clusters the paired gap by query: equal to method 10 with one pair per query, wider when a query's pairs agree", () => {
    const single = { yesYes: 5, yesNo: 12, noYes: 3, noNo: 30 };
    // One pair per query: d = +1 for the 12 yesNo pairs, −1 for the 3 noYes pairs.
    const singleQueries = [...Array(12).fill({ y: 1, m: 1 }), ...Array(3).fill({ y: -1, m: 1 }), ...Array(35).fill({ y: 0, m: 1 })];
    expect(clusteredNewcombePaired(single, momentsOf(singleQueries))).toMatchObject({ ...newcombePaired(single), designEffect: 1 });
    // 10 queries of 5 identical pairs each: 2 all yesNo (d = 5), 2 all yesYes and 6 all noNo (d = 0).
    const repeated = [{ y: 5, m: 5 }, { y: 5, m: 5 }, ...Array(8).fill({ y: 0, m: 5 })];
    const table = { yesYes: 10, yesNo: 10, noYes: 0, noNo: 30 };
    const clustered = clusteredNewcombePaired(table, momentsOf(repeated))!;
    expect(clustered.designEffect).toBeGreaterThan(4);
    expect(clustered.queries).toBe(10);
    expect(width(clustered)).toBeGreaterThan(1.5 * width(newcombePaired(table)!));
  });

  it("clusters an unpaired gap side by side", () => {
    const training = queries(30, 1, (q) => q < 12);
    const deployment = queries(30, 1, (q) => q < 4);
    const plain = newcombeIndependent(12, 30, 4, 30)!;
    const clustered = clusteredNewcombeIndependent(
      { successes: 12, n: 30, moments: momentsOf(training) },
      { successes: 4, n: 30, moments: momentsOf(deployment) },
      30,
    )!;
    expect(clustered.lower).toBeCloseTo(plain.lower, 12);
    expect(clustered.upper).toBeCloseTo(plain.upper, 12);
    expect(clustered).toMatchObject({ designEffect: 1, queries: 30, effectiveN: null });
  });
});
