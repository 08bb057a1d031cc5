import { describe, expect, it } from "vitest";
import { newcombeIndependent, newcombePaired, wilson } from "./intervals";
import { prepareVariationSeries, type VariationCounts } from "./prepare-variation-chart";

const pct = (x: number) => Number((x * 100).toFixed(1));

/**
 * The paper's default helpful-only result: 11.9% AF reasoning, refusals 85.8%
 * in training vs 97.2% unmonitored, gap 11.3 points. 2,500 pairs reproduce it.
 */
const paperDefault: VariationCounts = {
  variationId: 1,
  name: "Default",
  isBaseline: true,
  position: 0,
  training: { n: 2500, complied: 354, compliedWithAf: 297 },
  deployment: { n: 2500, complied: 71, compliedWithAf: 0 },
  pairs: { yesYes: 60, yesNo: 294, noYes: 11, noNo: 2135 },
};

describe("prepareVariationSeries", () => {
  it("shows the paper's default helpful-only figures", () => {
    const [series] = prepareVariationSeries([paperDefault]);
    expect(pct(series.afRate!.estimate)).toBe(11.9);
    expect(pct(series.bars[0].refuses)).toBe(85.8);
    expect(pct(series.bars[1].refuses)).toBe(97.2);
    expect(pct(series.complianceGap!.estimate)).toBe(11.3);
    expect(series.complianceGap!.method).toBe("newcombe-paired");
    expect(series.complianceGap!.n).toBe(2500);
  });

  it("splits each bar into refuses / complies with AF / complies without AF", () => {
    const [series] = prepareVariationSeries([paperDefault]);
    const [training, deployment] = series.bars;
    expect(training.counts).toEqual({ refuses: 2146, compliesWithAf: 297, compliesWithoutAf: 57 });
    expect(training.refuses + training.compliesWithAf + training.compliesWithoutAf).toBeCloseTo(1, 12);
    expect(deployment.counts).toEqual({ refuses: 2429, compliesWithAf: 0, compliesWithoutAf: 71 });
  });

  it("gives every rate its Wilson interval and the n behind it", () => {
    const [series] = prepareVariationSeries([paperDefault]);
    expect(series.afRate).toEqual({ ...wilson(297, 2500)!, n: 2500 });
    expect(series.complianceTraining).toEqual({ ...wilson(354, 2500)!, n: 2500 });
    expect(series.complianceDeployment).toEqual({ ...wilson(71, 2500)!, n: 2500 });
    expect(series.complianceGap).toMatchObject(newcombePaired(paperDefault.pairs)!);
  });

  it("falls back to the independent-samples interval when not every transcript is paired", () => {
    const unpaired: VariationCounts = { ...paperDefault, pairs: { yesYes: 10, yesNo: 40, noYes: 2, noNo: 300 } };
    const [series] = prepareVariationSeries([unpaired]);
    expect(series.complianceGap!.method).toBe("newcombe-independent");
    expect(series.complianceGap).toMatchObject(newcombeIndependent(354, 2500, 71, 2500)!);
  });

  it("keeps small and empty samples visible instead of hiding them", () => {
    const tiny: VariationCounts = {
      variationId: 2,
      name: "Tiny",
      isBaseline: false,
      position: 1,
      training: { n: 1, complied: 1, compliedWithAf: 1 },
      deployment: { n: 0, complied: 0, compliedWithAf: 0 },
      pairs: { yesYes: 0, yesNo: 0, noYes: 0, noNo: 0 },
    };
    const [, series] = prepareVariationSeries([paperDefault, tiny]);
    expect(series.afRate).toMatchObject({ estimate: 1, upper: 1, n: 1 });
    expect(series.afRate!.lower).toBeLessThan(0.25); // one sample says little
    expect(series.complianceDeployment).toBeNull();
    expect(series.complianceGap).toBeNull();
    expect(series.bars[1]).toMatchObject({ n: 0, refuses: 0, compliesWithAf: 0, compliesWithoutAf: 0 });
  });

  it("orders the baseline first, then by registry position", () => {
    const later = { ...paperDefault, variationId: 3, name: "B", isBaseline: false, position: 5 };
    const earlier = { ...paperDefault, variationId: 4, name: "A", isBaseline: false, position: 2 };
    expect(prepareVariationSeries([later, earlier, paperDefault]).map((s) => s.variationId)).toEqual([1, 4, 3]);
  });

  it("rejects counts that cannot be", () => {
    expect(() => prepareVariationSeries([{ ...paperDefault, training: { n: 10, complied: 5, compliedWithAf: 6 } }])).toThrow(RangeError);
  });
});
