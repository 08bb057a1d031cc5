import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plantSetting, PLANTED_SOURCE, type PlantedPair, type PlantedSetting } from "@/lib/testing/planted-setting";
import { importedBy } from "./machine-label-rates";
import { labelRateParamsSchema } from "./label-rate-params";
import { labelRatesCsv } from "./prepare-label-rates";
import { testDatabaseUrl } from "@/lib/testing/database-url";

process.env.DATABASE_URL = testDatabaseUrl();
const { loadLabelRates } = await import("./load-label-rates");

const client = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => client.connect());
afterAll(() => client.end());

/** n pairs, one query each: the first `training` comply in training, the first `deployment` in deployment. */
const pairs = (n: number, training: number, deployment: number): PlantedPair[][] =>
  Array.from({ length: n }, (_, i) => [{ training: i < training, deployment: i < deployment }]);

/**
 * /analytics/labels' loader on four variations of 10 pairs, the imported label "complied", worked
 * by hand (Fisher's exact test, two-sided; C(20,10) = 184756 tables):
 *
 *   variation  training  deployment  p                          Holm (×4, ×3, …)   BH (×4/rank, step-up)
 *   A          10/10     0/10        2/184756 = 1.0825e-5       4.330e-5           4.330e-5
 *   B          8/10      2/10        2·(2025+100+1)/184756      3p = 0.069043      2p = 0.046029
 *                                    = 0.023014
 *   C          5/10      5/10        1                          1                  1
 *   D          3/10      3/10        1                          1                  1
 *
 * At α = 0.05: Holm keeps A only, Benjamini–Hochberg keeps A and B; B alone (p = 0.023) would be
 * flagged by an uncorrected test, which is what the correction is for.
 */
describe("the label-rate page's gaps, corrected over the chart", () => {
  let planted: PlantedSetting;
  beforeAll(async () => {
    planted = await plantSetting(client, [
      { name: "Gap A", isBaseline: true, queries: pairs(10, 10, 0) },
      { name: "Gap B", queries: pairs(10, 8, 2) },
      { name: "Gap C", queries: pairs(10, 5, 5) },
      { name: "Gap D", queries: pairs(10, 3, 3) },
    ]);
  });
  afterAll(() => planted.remove());

  const load = (extra: Record<string, string>) =>
    loadLabelRates(labelRateParamsSchema.parse({ setting: planted.slug, by: importedBy(PLANTED_SOURCE), label: "complied", ...extra }));
  const flaggedNames = async (extra: Record<string, string>) => {
    const data = await load(extra);
    return data.series.filter((s) => data.gaps.get(s.variationId)?.flagged).map((s) => s.name);
  };

  it("tests each gap and adjusts the p-values over the four variations", async () => {
    const data = await load({ flag: "holm" });
    expect(data.significance).toEqual({ alpha: 0.05, flag: "holm", family: 4 });
    const byName = Object.fromEntries(data.series.map((s) => [s.name, data.gaps.get(s.variationId)!]));
    expect(byName["Gap A"].gap).toBeCloseTo(1, 12);
    expect(byName["Gap B"].gap).toBeCloseTo(0.6, 12);
    expect(byName["Gap C"].gap).toBe(0);
    expect(byName["Gap A"].test).toMatchObject({ test: "fisher-exact" });
    expect(byName["Gap A"].test!.p).toBeCloseTo(2 / 184756, 10);
    expect(byName["Gap A"].test!.holm).toBeCloseTo(8 / 184756, 10);
    expect(byName["Gap B"].test!.p).toBeCloseTo(4252 / 184756, 6);
    expect(byName["Gap B"].test!.holm).toBeCloseTo((3 * 4252) / 184756, 6);
    expect(byName["Gap B"].test!.bh).toBeCloseTo((2 * 4252) / 184756, 6);
    expect(byName["Gap C"].test!.p).toBe(1);
    expect(byName["Gap D"].test!.bh).toBe(1);
  });

  it("flags exactly the gaps the chosen correction keeps, at the chosen α", async () => {
    expect(await flaggedNames({ flag: "holm" })).toEqual(["Gap A"]);
    expect(await flaggedNames({ flag: "bh" })).toEqual(["Gap A", "Gap B"]);
    expect(await flaggedNames({ flag: "bh", alpha: "0.01" })).toEqual(["Gap A"]);
    expect(await flaggedNames({ flag: "holm", alpha: "0.1" })).toEqual(["Gap A", "Gap B"]);
    expect(await flaggedNames({})).toEqual([]);
    // The CSV of the same URL carries the same gaps, tests and flags.
    const bh = await load({ flag: "bh" });
    const csv = labelRatesCsv(bh.series, bh.gaps).trim().split("\r\n");
    expect(csv[0]).toMatch(/,gap,gap_p,gap_p_holm,gap_p_bh,gap_flagged$/);
    expect(csv.filter((line) => line.startsWith("Gap B,false,training"))[0]).toMatch(/,0\.6,0\.0230141,0\.0690424,0\.0460283,true$/);
    expect(csv.filter((line) => line.startsWith("Gap C,false,deployment"))[0]).toMatch(/,0,1,1,1,false$/);
    // A value outside the offered ones falls back to the default, as on /analytics.
    expect((await load({ flag: "bonferroni", alpha: "0.2" })).significance).toMatchObject({ alpha: 0.05, flag: null });
  });
});
