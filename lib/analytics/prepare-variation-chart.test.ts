import { describe, expect, it } from "vitest";
import { variationCountsOf } from "@/lib/testing/variation-counts";
import { prepareVariationSeries } from "./prepare-variation-chart";
import { momentsOf } from "./stats/design-effect";
import { newcombeIndependent, newcombePaired, wilson } from "./stats/intervals";

const pct = (x: number) => Number((x * 100).toFixed(1));

/**
 * The paper's default helpful-only result: 11.9% AF reasoning, refusals 85.8%
 * in training vs 97.2% unmonitored, gap 11.3 points. 2,500 pairs reproduce it.
 */
const paperDefault = variationCountsOf(
  { variationId: 1, name: "Default", isBaseline: true },
  { n: 2500, complied: 354, af: 297 },
  { n: 2500, complied: 71 },
  { yesYes: 60, yesNo: 294, noYes: 11, noNo: 2135 },
);

describe("prepareVariationSeries", () => {
  it("shows the paper's default helpful-only figures", () => {
    const [series] = prepareVariationSeries([paperDefault]);
    expect(pct(series.afRate!.estimate)).toBe(11.9);
    expect(pct(series.bars[0].shares.refuses)).toBe(85.8);
    expect(pct(series.bars[1].shares.refuses)).toBe(97.2);
    expect(pct(series.complianceGap!.estimate)).toBe(11.3);
    expect(series.complianceGap!.method).toBe("newcombe-paired");
    expect(series.complianceGap!.n).toBe(2500);
  });

  it("splits each bar into refuses / complies with AF / complies without AF", () => {
    const [series] = prepareVariationSeries([paperDefault]);
    const [training, deployment] = series.bars;
    expect(training.counts).toEqual({ refuses: 2146, compliesWithAf: 297, compliesWithoutAf: 57, compliesAfUnlabelled: 0 });
    expect(training.shares.refuses + training.shares.compliesWithAf! + training.shares.compliesWithoutAf!).toBeCloseTo(1, 12);
    expect(deployment.counts).toEqual({ refuses: 2429, compliesWithAf: 0, compliesWithoutAf: 71, compliesAfUnlabelled: 0 });
  });

  it("gives every rate its Wilson interval and the n behind it; no clustered twin with one sample per query", () => {
    const [series] = prepareVariationSeries([paperDefault]);
    expect(series.afRate).toEqual({ ...wilson(297, 2500)!, n: 2500, clustered: null });
    expect(series.complianceTraining).toEqual({ ...wilson(354, 2500)!, n: 2500, clustered: null });
    expect(series.complianceDeployment).toEqual({ ...wilson(71, 2500)!, n: 2500, clustered: null });
    expect(series.complianceGap).toMatchObject({ ...newcombePaired(paperDefault.pairs)!, clustered: null });
  });

  it("falls back to the independent-samples interval when not every transcript is paired", () => {
    const unpaired = { ...paperDefault, pairs: { yesYes: 10, yesNo: 40, noYes: 2, noNo: 300 } };
    const [series] = prepareVariationSeries([unpaired]);
    expect(series.complianceGap!.method).toBe("newcombe-independent");
    expect(series.complianceGap).toMatchObject(newcombeIndependent(354, 2500, 71, 2500)!);
  });

  it("shows '–' (null) for the AF rate and the AF split when the source has no AF label", () => {
    const [series] = prepareVariationSeries(
      [{ ...paperDefault, training: { ...paperDefault.training, compliedWithAf: 0, compliedAfLabelled: 0 } }],
      false,
    );
    expect(series.afRate).toBeNull();
    expect(series.bars[0].counts).toEqual({ refuses: 2146, compliesWithAf: null, compliesWithoutAf: null, compliesAfUnlabelled: 354 });
    expect(series.bars[0].shares.compliesWithAf).toBeNull();
    expect(series.complianceTraining).not.toBeNull();
  });

  it("has no AF rate where some compliant outputs lack the AF label, and says how many", () => {
    const partial = { ...paperDefault, training: { n: 2500, complied: 354, compliedWithAf: 200, compliedAfLabelled: 300 } };
    const [series] = prepareVariationSeries([partial]);
    expect(series.afRate).toBeNull();
    expect(series.bars[0].counts).toEqual({ refuses: 2146, compliesWithAf: 200, compliesWithoutAf: 100, compliesAfUnlabelled: 54 });
  });

  it("adds the clustered interval, with the number of queries, when queries carry several samples", () => {
    // 250 queries of 10 pairs each; a query's 10 training answers agree (all complied or none).
    const perQuery = Array.from({ length: 250 }, (_, q) => ({ y: q < 35 ? 10 : 0, m: 10 }));
    const clustered = variationCountsOf(
      { variationId: 1, name: "Default", isBaseline: true },
      { n: 2500, complied: 350, af: 0 },
      { n: 2500, complied: 0 },
      { yesYes: 0, yesNo: 350, noYes: 0, noNo: 2150 },
      { complianceTraining: momentsOf(perQuery), gap: momentsOf(perQuery), queries: 250 },
    );
    const [series] = prepareVariationSeries([clustered]);
    expect(series.queries).toBe(250);
    const plain = series.complianceTraining!;
    expect(plain.clustered).toMatchObject({ queries: 250 });
    expect(plain.clustered!.designEffect).toBeGreaterThan(9);
    expect(plain.clustered!.upper - plain.clustered!.lower).toBeGreaterThan(2.5 * (plain.upper - plain.lower));
    expect(plain.clustered!.estimate).toBe(plain.estimate);
    expect(series.complianceGap!.clustered!.upper - series.complianceGap!.clustered!.lower).toBeGreaterThan(
      2.5 * (series.complianceGap!.upper - series.complianceGap!.lower),
    );
    // The deployment side's moments are those of one sample per query: no twin.
    expect(series.complianceDeployment!.clustered).toBeNull();
  });

  it("keeps small and empty samples visible instead of hiding them", () => {
    const tiny = variationCountsOf(
      { variationId: 2, name: "Tiny", position: 1 },
      { n: 1, complied: 1, af: 1 },
      { n: 0, complied: 0 },
      { yesYes: 0, yesNo: 0, noYes: 0, noNo: 0 },
    );
    const [, series] = prepareVariationSeries([paperDefault, tiny]);
    expect(series.afRate).toMatchObject({ estimate: 1, upper: 1, n: 1 });
    expect(series.afRate!.lower).toBeLessThan(0.25); // one sample says little
    expect(series.complianceDeployment).toBeNull();
    expect(series.complianceGap).toBeNull();
    expect(series.bars[1]).toMatchObject({ n: 0, shares: { refuses: 0, compliesWithAf: 0, compliesWithoutAf: 0 } });
  });

  it("orders the baseline first, then by registry position", () => {
    const later = { ...paperDefault, variationId: 3, name: "B", isBaseline: false, position: 5 };
    const earlier = { ...paperDefault, variationId: 4, name: "A", isBaseline: false, position: 2 };
    expect(prepareVariationSeries([later, earlier, paperDefault]).map((s) => s.variationId)).toEqual([1, 4, 3]);
  });

  it("rejects counts that cannot be", () => {
    const bad = { ...paperDefault, training: { n: 10, complied: 5, compliedWithAf: 6, compliedAfLabelled: 5 } };
    expect(() => prepareVariationSeries([bad])).toThrow(RangeError);
  });
});
