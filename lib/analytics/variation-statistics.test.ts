import { describe, expect, it } from "vitest";
import { mulberry32, type Rng } from "@/lib/demo/prng";
import { variationCountsOf } from "@/lib/testing/variation-counts";
import { fisherExact, mcnemarExact } from "./stats/exact-tests";
import { benjaminiHochbergAdjust, holmAdjust } from "./stats/multiplicity";
import type { VariationCounts } from "./variation-counts";
import { prepareStatistics } from "./variation-statistics";

const options = { alpha: 0.05, flag: null };

const paired = (id: number, name: string, pairs: VariationCounts["pairs"], af: number, isBaseline = false) => {
  const training = { n: 200, complied: pairs.yesYes + pairs.yesNo, af };
  const deployment = { n: 200, complied: pairs.yesYes + pairs.noYes };
  return variationCountsOf({ variationId: id, name, isBaseline, position: id }, training, deployment, pairs);
};

describe("prepareStatistics: the tests behind each p-value", () => {
  const baseline = paired(1, "Default", { yesYes: 10, yesNo: 30, noYes: 8, noNo: 152 }, 25, true);
  const same = paired(2, "Same", { yesYes: 10, yesNo: 12, noYes: 11, noNo: 167 }, 20);
  const unpaired = variationCountsOf(
    { variationId: 3, name: "Unpaired", position: 3 },
    { n: 150, complied: 50, af: 5 },
    { n: 120, complied: 20 },
    { yesYes: 5, yesNo: 20, noYes: 5, noNo: 70 },
  );

  it("uses McNemar's exact test for paired sides and Fisher's exact test otherwise, and for AF against the baseline", () => {
    const { variations, baseline: chosen } = prepareStatistics([baseline, same, unpaired], options);
    expect(chosen).toEqual({ variationId: 1, name: "Default" });
    const [b, s, u] = variations;
    expect(b.gapTest).toMatchObject({ test: "mcnemar-exact", p: mcnemarExact(30, 8) });
    expect(u.gapTest).toMatchObject({
      test: "fisher-exact",
      p: fisherExact({ successes1: 50, failures1: 100, successes2: 20, failures2: 100 }),
    });
    expect(b.afVsBaseline).toBeNull(); // the baseline is the reference, not a comparison
    expect(s.afVsBaseline).toMatchObject({
      test: "fisher-exact",
      p: fisherExact({ successes1: 20, failures1: 180, successes2: 25, failures2: 175 }),
    });
    expect(u.afVsBaseline).toMatchObject({ p: fisherExact({ successes1: 5, failures1: 145, successes2: 25, failures2: 175 }) });
  });

  it("adjusts each family across the chart by Holm and Benjamini–Hochberg, and flags at α", () => {
    const { variations } = prepareStatistics([baseline, same, unpaired], { alpha: 0.05, flag: "holm" });
    const gaps = variations.map((v) => v.gapTest!.p);
    expect(variations.map((v) => v.gapTest!.holm)).toEqual(holmAdjust(gaps));
    expect(variations.map((v) => v.gapTest!.bh)).toEqual(benjaminiHochbergAdjust(gaps));
    const afs = variations.slice(1).map((v) => v.afVsBaseline!.p);
    expect(variations.slice(1).map((v) => v.afVsBaseline!.holm)).toEqual(holmAdjust(afs));
    for (const v of variations) {
      expect(v.gapTest!.significant).toEqual({ holm: v.gapTest!.holm <= 0.05, bh: v.gapTest!.bh <= 0.05 });
    }
    expect(variations[0].gapTest!.significant.holm).toBe(true); // 30 vs 8 discordant pairs
    expect(variations[1].gapTest!.significant.bh).toBe(false); // 12 vs 11
  });

  it("compares AF rates with the variation chosen instead of the baseline, and skips where an AF rate is missing", () => {
    const { variations, baseline: chosen } = prepareStatistics([baseline, same, unpaired], { ...options, baselineId: 2 });
    expect(chosen).toEqual({ variationId: 2, name: "Same" });
    expect(variations[1].afVsBaseline).toBeNull();
    expect(variations[0].afVsBaseline).toMatchObject({
      p: fisherExact({ successes1: 25, failures1: 175, successes2: 20, failures2: 180 }),
    });
    const withoutAf = prepareStatistics([baseline, same], { ...options, hasAfLabel: false });
    expect(withoutAf.variations.every((v) => v.afRate === null && v.afVsBaseline === null)).toBe(true);
    expect(withoutAf.variations.every((v) => v.gapTest !== null)).toBe(true);
  });
});

/** A paired variation of `pairs` pairs: each side complies with its own probability, independently. */
function simulated(rng: Rng, id: number, pairs: number, training: number, deployment: number): VariationCounts {
  const table = { yesYes: 0, yesNo: 0, noYes: 0, noNo: 0 };
  for (let i = 0; i < pairs; i++) {
    const t = rng() < training;
    const d = rng() < deployment;
    table[t ? (d ? "yesYes" : "yesNo") : d ? "noYes" : "noNo"]++;
  }
  return paired(id, `v${id}`, table, 0, id === 0);
}

describe("the corrections across 150 variations keep the error rates they promise", () => {
  /**
   * 300 seeded replicates of a chart of 150 variations, 200 pairs each: 10 with a real compliance
   * gap (40% vs 15%), 140 without (20% on both sides). Holm promises P(any null flagged) ≤ α;
   * Benjamini–Hochberg, E[false flags / flags] ≤ α. Both should still find the real gaps.
   */
  it("flags the planted gaps, and the null ones at no more than α (Holm: any; BH: their share)", () => {
    const replicates = 300;
    let anyNullHolm = 0;
    let falseShareBh = 0;
    let found = { holm: 0, bh: 0 };
    let rawNullFlags = 0;
    for (let r = 0; r < replicates; r++) {
      const rng = mulberry32(1000 + r);
      const counts = Array.from({ length: 150 }, (_, id) =>
        id < 10 ? simulated(rng, id, 200, 0.4, 0.15) : simulated(rng, id, 200, 0.2, 0.2),
      );
      const { variations } = prepareStatistics(counts, options);
      const real = variations.filter((v) => v.variationId < 10);
      const nulls = variations.filter((v) => v.variationId >= 10);
      found = {
        holm: found.holm + real.filter((v) => v.gapTest!.significant.holm).length,
        bh: found.bh + real.filter((v) => v.gapTest!.significant.bh).length,
      };
      if (nulls.some((v) => v.gapTest!.significant.holm)) anyNullHolm++;
      const bhFlags = variations.filter((v) => v.gapTest!.significant.bh).length;
      const bhFalse = nulls.filter((v) => v.gapTest!.significant.bh).length;
      falseShareBh += bhFlags === 0 ? 0 : bhFalse / bhFlags;
      rawNullFlags += nulls.filter((v) => v.gapTest!.p <= 0.05).length;
    }
    // Monte Carlo error of a rate near 0.05 over 300 replicates is about 0.013: allow 2.5 of them.
    expect(anyNullHolm / replicates).toBeLessThanOrEqual(0.05 + 0.032);
    expect(falseShareBh / replicates).toBeLessThanOrEqual(0.05 + 0.032);
    expect(found.holm / (10 * replicates)).toBeGreaterThan(0.9);
    expect(found.bh / (10 * replicates)).toBeGreaterThan(0.95);
    // Uncorrected, about 5% of the 140 null gaps (7 a chart) would look significant; McNemar's exact test is conservative.
    expect(rawNullFlags / replicates).toBeGreaterThan(2);
    expect(rawNullFlags / replicates).toBeLessThan(8.5);
  });
});
