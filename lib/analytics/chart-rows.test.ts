import { describe, expect, it } from "vitest";
import { variationCountsOf } from "@/lib/testing/variation-counts";
import { chartRows } from "./chart-rows";
import { prepareVariationSeries } from "./prepare-variation-chart";
import { toReferenceRates } from "./rates-table";

const counts = variationCountsOf(
  { variationId: 7, name: "Cut examples" },
  { n: 100, complied: 40, af: 10 },
  { n: 100, complied: 20 },
  { yesYes: 15, yesNo: 25, noYes: 5, noNo: 55 },
);

describe("chartRows", () => {
  it("draws a bar per condition in percent, and stars a variation whose gap is flagged", () => {
    const [training, deployment] = chartRows(prepareVariationSeries([counts]).map((s) => ({ ...s, flagged: true })));
    expect(training).toMatchObject({
      id: "7-training",
      refuses: 60,
      compliesWithAf: 10,
      compliesWithoutAf: 30,
      compliesAfUnlabelled: 0,
      flagged: true,
    });
    expect(deployment).toMatchObject({ condition: "deployment", refuses: 80, compliesWithoutAf: 20 });
    expect(chartRows(prepareVariationSeries([counts]))[0].flagged).toBe(false);
  });

  it("draws an uncounted segment empty and keeps it null for the tooltip's '–'", () => {
    const noAf = { ...counts, training: { ...counts.training, compliedWithAf: 0, compliedAfLabelled: 0 } };
    const [training] = chartRows(prepareVariationSeries([noAf], false));
    expect(training).toMatchObject({ compliesWithAf: 0, compliesWithoutAf: 0, compliesAfUnlabelled: 40 });
    expect(training.counts).toMatchObject({ compliesWithAf: null, compliesWithoutAf: null, compliesAfUnlabelled: 40 });
  });

  it("puts the published refusals on each bar, with a 95% interval only where the file gives a standard error", () => {
    const published = toReferenceRates({
      variation: "cut examples",
      afReasoningPct: null,
      noncomplianceTrainingPct: 55,
      noncomplianceTrainingSe: 2,
      noncomplianceUnmonitoredPct: 81,
      noncomplianceUnmonitoredSe: null,
      complianceGapPct: null,
    });
    const [training, deployment] = chartRows(prepareVariationSeries([counts]), new Map([[7, published]]));
    expect(training.reference).toBe(55);
    expect(training.referenceError![0]).toBeCloseTo(3.92, 2);
    expect(training.referenceError![1]).toBeCloseTo(3.92, 2);
    expect(deployment).toMatchObject({ reference: 81, referenceError: null });
    const [unpublished] = chartRows(prepareVariationSeries([counts]), new Map([[7, null]]));
    expect(unpublished).toMatchObject({ reference: null, referenceError: null });
  });
});
