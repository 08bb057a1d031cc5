import { describe, expect, it } from "vitest";
import { wilson } from "@/lib/analytics/stats/intervals";
import { calibrationBins, expectedCalibrationError } from "./calibration";
import { classificationFigures, confusionAtThreshold, confusionMatrix, f1WithInterval, type ScoredItem } from "./confusion";
import { cohenKappa } from "./kappa";
import { precisionRecallCurve } from "./precision-recall";
import { auroc, midRanks, pairedAurocDifference, rocCurve } from "./roc";

const round = (x: number | undefined, digits = 4) => (x === undefined ? undefined : Number(x.toFixed(digits)));

/** Expand a table of counts per rating into scored items. */
function ratings(normal: number[], abnormal: number[]): ScoredItem[] {
  const items: ScoredItem[] = [];
  normal.forEach((count, r) => items.push(...Array.from({ length: count }, () => ({ score: r + 1, actual: false }))));
  abnormal.forEach((count, r) => items.push(...Array.from({ length: count }, () => ({ score: r + 1, actual: true }))));
  return items;
}

describe("the confusion matrix and its figures", () => {
  // Altman DG, Bland JM (1994), "Diagnostic tests 1: sensitivity and specificity", BMJ 308:1552, and
  // "Diagnostic tests 2: predictive values", BMJ 309:102: liver scan against pathology, 344 patients.
  const liverScan = { truePositive: 231, falsePositive: 32, falseNegative: 27, trueNegative: 54 };

  it("reproduces the textbook's sensitivity, specificity and predictive values", () => {
    const figures = classificationFigures(liverScan);
    expect(figures.n).toBe(344);
    expect(round(figures.recall?.estimate, 3)).toBe(0.895); // 231/258
    expect(round(figures.specificity?.estimate, 3)).toBe(0.628); // 54/86
    expect(round(figures.precision?.estimate, 3)).toBe(0.878); // 231/263
    expect(round(figures.negativePredictiveValue?.estimate, 3)).toBe(0.667); // 54/81
    expect(round(figures.referencePrevalence?.estimate, 2)).toBe(0.75); // 258/344
    expect(figures.accuracy?.estimate).toBe(285 / 344);
  });

  it("gives every proportion its Wilson interval on the right denominator", () => {
    const figures = classificationFigures(liverScan);
    expect(figures.recall).toEqual(wilson(231, 258));
    expect(figures.specificity).toEqual(wilson(54, 86));
    expect(figures.precision).toEqual(wilson(231, 263));
    expect(figures.judgePrevalence).toEqual(wilson(263, 344));
  });

  it("F1 is 2TP/(2TP+FP+FN), its interval the Wilson interval of J = TP/(TP+FP+FN) mapped by 2J/(1+J)", () => {
    const f1 = f1WithInterval(liverScan)!;
    expect(f1.estimate).toBeCloseTo(462 / 521, 12);
    const jaccard = wilson(231, 290)!;
    expect(f1.lower).toBeCloseTo((2 * jaccard.lower) / (1 + jaccard.lower), 12);
    expect(f1.upper).toBeCloseTo((2 * jaccard.upper) / (1 + jaccard.upper), 12);
    expect(f1WithInterval({ truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 9 })).toBeNull();
  });

  it("counts pairs and thresholds into the four cells; empty denominators give no figure", () => {
    expect(
      confusionMatrix([
        { predicted: true, actual: true },
        { predicted: true, actual: false },
        { predicted: false, actual: true },
        { predicted: false, actual: false },
        { predicted: false, actual: false },
      ]),
    ).toEqual({ truePositive: 1, falsePositive: 1, falseNegative: 1, trueNegative: 2 });
    const items = [
      { score: 0.9, actual: true },
      { score: 0.5, actual: false },
      { score: 0.5, actual: true },
      { score: 0.1, actual: false },
    ];
    // score ≥ threshold is positive: both 0.5s flip together.
    expect(confusionAtThreshold(items, 0.5)).toEqual({ truePositive: 2, falsePositive: 1, falseNegative: 0, trueNegative: 1 });
    expect(confusionAtThreshold(items, 0.51)).toEqual({ truePositive: 1, falsePositive: 0, falseNegative: 1, trueNegative: 2 });
    const none = classificationFigures({ truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0 });
    expect(none.precision).toBeNull();
    expect(none.kappa).toBeNull();
  });
});

describe("Cohen's kappa", () => {
  // Bonett's statpsych, ci.kappa(.05, 31, 12, 4, 58): f00 = 31, f01 = 12, f10 = 4, f11 = 58,
  // published output "Cohen kappa: 0.6756757 SE 0.07344761 LL 0.5317210 UL 0.8196303"
  // (Fleiss & Paik 2003's large-sample standard error).
  it("reproduces the published estimate and interval", () => {
    const kappa = cohenKappa({ yesYes: 58, yesNo: 4, noYes: 12, noNo: 31 })!;
    expect(round(kappa.estimate, 7)).toBe(0.6756757);
    expect(round(kappa.lower, 7)).toBe(0.531721);
    expect(round(kappa.upper, 7)).toBe(0.8196303);
  });

  it("is symmetric in the two raters, and undefined when chance agreement is total", () => {
    expect(cohenKappa({ yesYes: 58, yesNo: 12, noYes: 4, noNo: 31 })).toEqual(cohenKappa({ yesYes: 58, yesNo: 4, noYes: 12, noNo: 31 }));
    expect(cohenKappa({ yesYes: 0, yesNo: 0, noYes: 0, noNo: 10 })).toBeNull();
    expect(cohenKappa({ yesYes: 5, yesNo: 0, noYes: 0, noNo: 5 })).toMatchObject({ estimate: 1, upper: 1 });
  });
});

describe("ROC and AUROC with DeLong's interval", () => {
  // Hanley JA, McNeil BJ (1982), Radiology 143:29–36, Table I: CT images of 109 patients rated on a
  // five-point scale (1 definitely normal … 5 definitely abnormal). The paper's area is 0.893; Stata's
  // manual ([R] roc, `roctab disease rating` on these data, DeLong standard error) prints
  // "ROC area 0.8932, Std. Err. 0.0307, Asymptotic Normal 95% CI 0.83295 0.95339".
  const ct = ratings([33, 6, 6, 11, 2], [3, 2, 2, 11, 33]);

  it("reproduces the published area, standard error and interval", () => {
    const area = auroc(ct)!;
    expect(round(area.estimate, 3)).toBe(0.893);
    expect(round(area.estimate, 4)).toBe(0.8932);
    expect(round(area.standardError, 4)).toBe(0.0307);
    expect(round(area.lower, 5)).toBe(0.83295);
    expect(round(area.upper, 5)).toBe(0.95339);
    expect(area).toMatchObject({ positives: 51, negatives: 58 });
  });

  it("draws one point per rating, from (0, 0) to (1, 1), matching the paper's operating points", () => {
    const curve = rocCurve(ct)!;
    expect(curve).toHaveLength(6);
    expect(curve[0]).toMatchObject({ falsePositiveRate: 0, truePositiveRate: 0 });
    // "rating ≥ 4": 44 of 51 abnormal, 13 of 58 normal (Table I's cumulative counts).
    expect(curve[2]).toMatchObject({ threshold: 4, truePositiveRate: 44 / 51, falsePositiveRate: 13 / 58 });
    expect(curve[5]).toMatchObject({ threshold: 1, falsePositiveRate: 1, truePositiveRate: 1 });
    // The trapezoids under the curve equal the Mann–Whitney area.
    let trapezoids = 0;
    for (let i = 1; i < curve.length; i++) {
      trapezoids +=
        ((curve[i].falsePositiveRate - curve[i - 1].falsePositiveRate) * (curve[i].truePositiveRate + curve[i - 1].truePositiveRate)) / 2;
    }
    expect(trapezoids).toBeCloseTo(auroc(ct)!.estimate, 12);
  });

  // scikit-learn's documented example (sklearn.metrics.roc_auc_score / average_precision_score):
  // y_true = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8] → AUROC 0.75, average precision 0.83.
  const small = [
    { score: 0.1, actual: false },
    { score: 0.4, actual: false },
    { score: 0.35, actual: true },
    { score: 0.8, actual: true },
  ];

  it("agrees with scikit-learn's documented example", () => {
    expect(auroc(small)!.estimate).toBe(0.75);
  });

  it("is undefined without both classes; mid-ranks share ties", () => {
    expect(auroc([{ score: 1, actual: true }])).toBeNull();
    expect(rocCurve([{ score: 1, actual: false }])).toBeNull();
    expect(midRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
  });

  it("compares two judges on the same transcripts: zero for identical scores, sign and width from the pairing", () => {
    const scores = ct.map((item) => item.score);
    const labels = ct.map((item) => item.actual);
    expect(pairedAurocDifference(scores, scores, labels)).toMatchObject({ estimate: 0, standardError: 0 });
    const flat = ct.map(() => 3);
    const difference = pairedAurocDifference(scores, flat, labels)!;
    expect(difference.estimate).toBeCloseTo(0.8932 - 0.5, 4);
    // Against a constant score the covariance vanishes: the paired SE is the first judge's own.
    expect(difference.standardError).toBeCloseTo(auroc(ct)!.standardError, 12);
    expect(() => pairedAurocDifference(scores, flat.slice(1), labels)).toThrow(RangeError);
  });
});

describe("the precision–recall curve", () => {
  it("agrees with scikit-learn's documented precision_recall_curve and average precision", () => {
    const small = [
      { score: 0.1, actual: false },
      { score: 0.4, actual: false },
      { score: 0.35, actual: true },
      { score: 0.8, actual: true },
    ];
    const curve = precisionRecallCurve(small)!;
    // sklearn: thresholds [0.1, 0.35, 0.4, 0.8], precision [0.5, 0.667, 0.5, 1], recall [1, 1, 0.5, 0.5].
    expect(curve.points.map((p) => [p.threshold, round(p.precision, 3), p.recall])).toEqual([
      [0.8, 1, 0.5],
      [0.4, 0.5, 0.5],
      [0.35, 0.667, 1],
      [0.1, 0.5, 1],
    ]);
    expect(round(curve.averagePrecision, 2)).toBe(0.83);
    expect(precisionRecallCurve([{ score: 0.2, actual: false }])).toBeNull();
  });
});

describe("calibration bins", () => {
  it("bins scores by tenths with the observed rate and its Wilson interval, keeping empty bins", () => {
    const items = [
      { score: 0.05, actual: false },
      { score: 0.15, actual: false },
      { score: 0.95, actual: true },
      { score: 0.85, actual: true },
      { score: 0.85, actual: false },
      { score: 1, actual: true },
    ];
    const bins = calibrationBins(items);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toMatchObject({ n: 1, meanScore: 0.05, observed: wilson(0, 1) });
    expect(bins[5]).toMatchObject({ n: 0, meanScore: null, observed: null });
    expect(bins[8]).toMatchObject({ n: 2, meanScore: 0.85, observed: wilson(1, 2) });
    expect(bins[9]).toMatchObject({ n: 2, meanScore: 0.975, observed: wilson(2, 2) }); // 1.0 falls in the last bin
    // By hand: (1·0.05 + 1·0.15 + 2·|0.5 − 0.85| + 2·|1 − 0.975|) / 6.
    expect(expectedCalibrationError(bins)).toBeCloseTo((0.05 + 0.15 + 0.7 + 0.05) / 6, 12);
    expect(() => calibrationBins([{ score: 1.2, actual: true }])).toThrow(/outside \[0, 1\]/);
  });
});
