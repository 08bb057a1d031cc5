import { describe, expect, it } from "vitest";
import { labelRateChartRows, labelRatesCsv, prepareLabelRates } from "./prepare-label-rates";

const row = (n_training: number, k_training: number, n_deployment: number, k_deployment: number) => ({
  id: 1,
  name: "Default",
  is_baseline: true,
  n_training,
  k_training,
  n_deployment,
  k_deployment,
});

describe("the any-label chart's rates", () => {
  it("gives Wilson intervals by hand: 0%, 100%, n = 1 and none at n = 0", () => {
    const [zero] = prepareLabelRates([row(10, 0, 0, 0)]);
    expect(zero.training.rate!.estimate).toBe(0);
    expect(zero.training.rate!.lower).toBe(0);
    // Upper bound of 0/10: z²/(n+z²) = 3.8415/13.8415.
    expect(zero.training.rate!.upper).toBeCloseTo(0.2775, 4);
    expect(zero.deployment.rate).toBeNull();

    const [all] = prepareLabelRates([row(10, 10, 1, 1)]);
    expect(all.training.rate!.upper).toBeCloseTo(1, 12);
    expect(all.training.rate!.lower).toBeCloseTo(0.7225, 4);
    // 1/1: lower = 1/(1+z²) = 0.20655.
    expect(all.deployment.rate!.lower).toBeCloseTo(0.20655, 5);
  });

  it("turns rates into percent bars with asymmetric error bars", () => {
    const [chart] = labelRateChartRows(prepareLabelRates([row(100, 12, 0, 0)]));
    expect(chart.training).toBeCloseTo(12, 10);
    // Wilson 12/100: [0.0699, 0.1977].
    expect(chart.trainingError![0]).toBeCloseTo(12 - 6.99, 1);
    expect(chart.trainingError![1]).toBeCloseTo(19.77 - 12, 1);
    expect(chart.deployment).toBeNull();
    expect(chart.deploymentN).toBe(0);
  });
});

describe("the any-label chart's CSV", () => {
  it("has a line per variation and condition, fractions, and empty cells where n = 0", () => {
    const csv = labelRatesCsv(
      prepareLabelRates([
        { id: 1, name: 'Default, "baseline"', is_baseline: true, n_training: 4, k_training: 1, n_deployment: 0, k_deployment: 0 },
      ]),
    );
    const [header, training, deployment] = csv.trim().split("\r\n");
    expect(header).toBe("variation,baseline,condition,k,n,rate,lower_95,upper_95,gap,gap_p,gap_p_holm,gap_p_bh,gap_flagged");
    expect(training).toBe(`"Default, ""baseline""",true,training,1,4,0.25,0.045587,0.699358,,,,,`);
    expect(deployment).toBe('"Default, ""baseline""",true,deployment,0,0,,,,,,,,');
  });

  it("defuses a variation name a spreadsheet would run as a formula (names come from imported files)", () => {
    const csv = labelRatesCsv(
      prepareLabelRates([
        {
          id: 1,
          name: '=HYPERLINK("http://evil.example","x")',
          is_baseline: false,
          n_training: 2,
          k_training: 1,
          n_deployment: 0,
          k_deployment: 0,
        },
        { id: 2, name: "@SUM(1)", is_baseline: false, n_training: 0, k_training: 0, n_deployment: 0, k_deployment: 0 },
      ]),
    );
    const cells = csv
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.split(",")[0]);
    expect(cells).toEqual(['"\'=HYPERLINK(""http://evil.example""', '"\'=HYPERLINK(""http://evil.example""', "'@SUM(1)", "'@SUM(1)"]);
  });
});
