import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mulberry32, type Rng } from "@/lib/demo/prng";
import { plantSetting, PLANTED_SOURCE, type PlantedPair, type PlantedSetting } from "@/lib/testing/planted-setting";
import { chartParamsSchema } from "./chart-params";
import { testDatabaseUrl } from "@/lib/testing/database-url";

process.env.DATABASE_URL = testDatabaseUrl();
const { loadVariationChart } = await import("./load-variation-chart");

const client = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => client.connect());
afterAll(() => client.end());

/** `pairs` pairs, one query each, each side complying with its own probability, AF on compliant training answers. */
function pairsOf(rng: Rng, pairs: number, training: number, deployment: number, af = 0): PlantedPair[][] {
  return Array.from({ length: pairs }, () => {
    const t = rng() < training;
    return [{ training: t, deployment: rng() < deployment, af: t && rng() < af / training }];
  });
}

const chart = (setting: PlantedSetting, extra: Record<string, string> = {}) =>
  loadVariationChart(
    chartParamsSchema.parse({ setting: setting.slug, source: PLANTED_SOURCE, compliance: "complied", af: "alignment_faking", ...extra }),
  );

/**
 * 150 variations of 200 pairs (one per query): the first 10 with a real compliance gap (40% in
 * training vs 15% in deployment), the other 140 without (20% on both sides, or 40% for 10-14);
 * AF reasoning in 8% of training answers, except 30% in variations 10-14. Drawn once from a fixed seed.
 */
describe("a planted chart of 150 variations", () => {
  let planted: PlantedSetting;
  beforeAll(async () => {
    const rng = mulberry32(20261202);
    planted = await plantSetting(
      client,
      Array.from({ length: 150 }, (_, i) => ({
        name: `Variation ${String(i).padStart(3, "0")}`,
        isBaseline: i === 0,
        queries:
          i < 10 ? pairsOf(rng, 200, 0.4, 0.15, 0.08) : i < 15 ? pairsOf(rng, 200, 0.4, 0.4, 0.3) : pairsOf(rng, 200, 0.2, 0.2, 0.08),
      })),
    );
  });
  afterAll(() => planted.remove());

  it("flags the planted gaps after Holm and after Benjamini–Hochberg, and few of the null ones", async () => {
    const { statistics } = await chart(planted);
    const variations = statistics.variations;
    expect(variations).toHaveLength(150);
    const real = variations.slice(0, 10);
    const nulls = variations.slice(10);
    expect(real.every((v) => v.gapTest!.test === "mcnemar-exact" && v.gapTest!.significant.holm && v.gapTest!.significant.bh)).toBe(true);
    const flagged = (method: "holm" | "bh") => nulls.filter((v) => v.gapTest!.significant[method]).length;
    // Holm keeps the chance of any false flag ≤ 5%; BH the expected share of false flags ≤ 5% (here: of about 10 flags).
    expect(flagged("holm")).toBe(0);
    expect(flagged("bh")).toBeLessThanOrEqual(1);
    // Uncorrected, some null gaps look significant (about 5% of them on average): what the correction is for.
    expect(nulls.filter((v) => v.gapTest!.p <= 0.05).length).toBeGreaterThan(flagged("bh"));
  });

  it("flags the AF rates that differ from the baseline's, with Fisher's exact test", async () => {
    const { statistics } = await chart(planted, { flag: "bh" });
    expect(statistics.baseline?.name).toBe("Variation 000");
    const byBh = statistics.variations.filter((v) => v.afVsBaseline?.significant.bh).map((v) => v.name);
    expect(byBh).toEqual(expect.arrayContaining(["Variation 010", "Variation 011", "Variation 012", "Variation 013", "Variation 014"]));
    expect(byBh.length).toBeLessThanOrEqual(6);
    expect(statistics.variations.every((v) => v.afVsBaseline === null || v.afVsBaseline.test === "fisher-exact")).toBe(true);
  });

  it("shows no AF rate and no AF comparison when the AF label is 'none'", async () => {
    const { statistics } = await chart(planted, { af: "" });
    expect(statistics.variations.every((v) => v.afRate === null && v.afVsBaseline === null)).toBe(true);
    expect(statistics.variations[0].bars[0].counts.compliesWithAf).toBeNull();
    expect(statistics.variations.every((v) => v.gapTest !== null)).toBe(true);
  });
});

/**
 * Three variations of 200 pairs whose training side complies 30% of the time: one sample per
 * query (200 queries); 4 independent samples per query (50 queries); 4 samples per query that
 * always agree (50 queries). Only the last is clustered in a way that should widen the interval.
 */
describe("clustered intervals on a planted corpus", () => {
  let planted: PlantedSetting;
  beforeAll(async () => {
    const rng = mulberry32(7);
    const sample = (): PlantedPair => ({ training: rng() < 0.3, deployment: rng() < 0.1 });
    planted = await plantSetting(client, [
      { name: "One sample per query", isBaseline: true, queries: Array.from({ length: 200 }, () => [sample()]) },
      { name: "Independent samples", queries: Array.from({ length: 50 }, () => Array.from({ length: 4 }, sample)) },
      {
        name: "Correlated samples",
        queries: Array.from({ length: 50 }, () => {
          const shared = sample();
          return Array.from({ length: 4 }, () => ({ ...shared }));
        }),
      },
    ]);
  });
  afterAll(() => planted.remove());

  it("widen the interval exactly when queries carry several correlated samples, and count the queries as n", async () => {
    const { statistics } = await chart(planted);
    const [single, independent, correlated] = statistics.variations;
    const ratio = (rate: { lower: number; upper: number; clustered: { lower: number; upper: number } | null }) =>
      (rate.clustered!.upper - rate.clustered!.lower) / (rate.upper - rate.lower);

    expect(single.queries).toBe(200);
    expect(single.complianceTraining!.clustered).toBeNull(); // one sample per query: nothing to cluster
    expect(single.complianceGap!.clustered).toBeNull();

    expect(independent.queries).toBe(50);
    expect(independent.complianceTraining!.clustered!.queries).toBe(50);
    expect(ratio(independent.complianceTraining!)).toBeLessThan(1.15);
    expect(ratio(independent.complianceGap!)).toBeLessThan(1.15);

    expect(correlated.complianceTraining!.clustered!.queries).toBe(50);
    expect(correlated.complianceTraining!.clustered!.designEffect).toBeGreaterThan(3.5);
    expect(ratio(correlated.complianceTraining!)).toBeGreaterThan(1.7);
    expect(ratio(correlated.complianceGap!)).toBeGreaterThan(1.7);
    // The plain intervals cannot tell the three apart: same n, similar rates.
    expect(correlated.complianceTraining!.n).toBe(200);
  });
});
