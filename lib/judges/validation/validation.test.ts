import { describe, expect, it } from "vitest";
import { newcombePaired, wilson } from "@/lib/analytics/stats/intervals";
import { DEFAULT_LABELS } from "@/lib/annotations/default-schema";
import { auroc } from "@/lib/judges/metrics/roc";
import { pairedComparison } from "./paired";
import { describeReferenceRule, referencePositive } from "./reference";
import { breakdown, cellOf, validationFigures, type ValidationRow } from "./report";

const label = (key: string) => DEFAULT_LABELS.find((definition) => definition.key === key)!;

/**
 * Ten transcripts, counted by hand:
 *   id  variation  condition   verdict score  human
 *    1  baseline   training    yes     0.9    yes   TP (also at 0.5: TP)
 *    2  baseline   training    yes     0.8    no    FP
 *    3  baseline   training    no      0.4    yes   FN (at 0.3: TP)
 *    4  baseline   deployment  no      0.2    no    TN
 *    5  baseline   deployment  no      0.1    no    TN
 *    6  no-rlhf    training    yes     0.7    yes   TP
 *    7  no-rlhf    training    no      0.3    no    TN (at 0.3: FP)
 *    8  no-rlhf    training    —       —      yes   unreadable: no verdict
 *    9  no-rlhf    deployment  no      0.35   —     no human label
 *   10  no-rlhf    deployment  yes     0.6    yes   TP
 */
const rows: ValidationRow[] = [
  [1, "baseline", "training", true, 0.9, true],
  [2, "baseline", "training", true, 0.8, false],
  [3, "baseline", "training", false, 0.4, true],
  [4, "baseline", "deployment", false, 0.2, false],
  [5, "baseline", "deployment", false, 0.1, false],
  [6, "no-rlhf", "training", true, 0.7, true],
  [7, "no-rlhf", "training", false, 0.3, false],
  [8, "no-rlhf", "training", null, null, true],
  [9, "no-rlhf", "deployment", false, 0.35, null],
  [10, "no-rlhf", "deployment", true, 0.6, true],
].map(([transcriptId, variation, condition, verdict, score, reference]) => ({
  transcriptId,
  variation,
  condition,
  verdict,
  score,
  reference,
})) as ValidationRow[];

describe("the validation figures of one judge against humans", () => {
  it("counts the judge's own verdicts into the matrix by hand, leaving out the unreadable and the unlabelled", () => {
    const figures = validationFigures(rows, null);
    expect(figures.matrix).toEqual({ truePositive: 3, falsePositive: 1, falseNegative: 1, trueNegative: 3 });
    expect(figures).toMatchObject({ n: 8, withoutReference: 1, withoutVerdict: 1 });
    expect(figures.figures.precision).toEqual(wilson(3, 4));
    expect(figures.figures.recall).toEqual(wilson(3, 4));
    expect(figures.figures.accuracy).toEqual(wilson(6, 8));
    // Cohen's kappa by hand: po = 6/8, pe = (4/8)(4/8) + (4/8)(4/8) = 0.5, κ = (0.75 − 0.5) / 0.5 = 0.5.
    expect(figures.figures.kappa!.estimate).toBeCloseTo(0.5, 12);
  });

  it("a threshold re-reads every figure from the scores", () => {
    const at03 = validationFigures(rows, 0.3);
    // ≥ 0.3: 1 TP, 2 FP, 3 TP, 4 TN, 5 TN, 6 TP, 7 FP, 10 TP; 8 has no score, 9 no reference.
    expect(at03.matrix).toEqual({ truePositive: 4, falsePositive: 2, falseNegative: 0, trueNegative: 2 });
    expect(at03.figures.recall!.estimate).toBe(1);
    expect(at03.figures.specificity).toEqual(wilson(2, 4));
    expect(cellOf(rows[6], 0.3)).toBe("fp");
    expect(cellOf(rows[6], null)).toBe("tn");
    expect(cellOf(rows[7], null)).toBeNull();
  });

  it("the AUROC is every threshold at once: the 8 scored, labelled transcripts by pairs", () => {
    const figures = validationFigures(rows, 0.5);
    // Positives 0.9, 0.4, 0.7, 0.6; negatives 0.8, 0.2, 0.1, 0.3. Of 16 pairs the positive is higher in
    // 0.9: 4, 0.7: 3, 0.6: 3, 0.4: 3 → 13/16.
    expect(figures.auroc!.estimate).toBe(13 / 16);
    expect(figures.auroc).toMatchObject({ positives: 4, negatives: 4 });
    expect(figures.roc).toHaveLength(9);
    expect(figures.calibration).toHaveLength(10);
    expect(validationFigures(rows, 0.9).auroc).toEqual(figures.auroc);
  });

  it("a judge without scores has a matrix but no curves", () => {
    const unscored = rows.map((row) => ({ ...row, score: null }));
    const figures = validationFigures(unscored, null);
    expect(figures.matrix.truePositive).toBe(3);
    expect(figures).toMatchObject({ auroc: null, roc: null, precisionRecall: null, calibration: null });
  });

  it("breaks the figures down per variation and condition, each with its n", () => {
    const groups = breakdown(rows, null);
    expect(groups.map((group) => [group.variation, group.condition, group.figures.n])).toEqual([
      ["baseline", "deployment", 2],
      ["baseline", "training", 3],
      ["no-rlhf", "deployment", 1],
      ["no-rlhf", "training", 2],
    ]);
    expect(groups[1].figures.matrix).toEqual({ truePositive: 1, falsePositive: 1, falseNegative: 1, trueNegative: 0 });
    expect(groups[3].figures).toMatchObject({ withoutVerdict: 1 });
    expect(groups[2].figures).toMatchObject({ withoutReference: 1 });
    expect(groups.reduce((sum, group) => sum + group.figures.n, 0)).toBe(validationFigures(rows, null).n);
  });
});

describe("two judges side by side, paired on the same transcripts", () => {
  // A second judge that errs on 1 and 4 and is right on 2 and 3 (the first errs on 2 and 3).
  const second = rows.map((row) => {
    const flipped = [1, 2, 3, 4].includes(row.transcriptId);
    return {
      ...row,
      verdict: row.verdict === null ? null : flipped ? !row.verdict : row.verdict,
      score: row.score === null ? null : flipped ? 1 - row.score : row.score,
    };
  });

  it("counts only transcripts both judged and humans labelled, and who was right where", () => {
    const comparison = pairedComparison(rows, second, { first: null, second: null });
    expect(comparison.n).toBe(8);
    // First right on 1, 4, 5, 6, 7, 10; second right on 2, 3, 5, 6, 7, 10.
    expect(comparison.agreement).toEqual({ bothRight: 4, firstOnly: 2, secondOnly: 2, bothWrong: 0 });
    expect(comparison.accuracyDifference).toEqual(newcombePaired({ yesYes: 4, yesNo: 2, noYes: 2, noNo: 0 }));
    expect(comparison.accuracyDifference!.estimate).toBe(0);
    expect(comparison.mcnemarP).toBe(1);
    expect(comparison.first.n).toBe(comparison.second.n);
  });

  it("compares AUROCs with DeLong's paired difference; the same judge twice differs by nothing", () => {
    const same = pairedComparison(rows, rows, { first: 0.5, second: 0.5 });
    expect(same.aurocDifference).toMatchObject({ estimate: 0, standardError: 0 });
    const comparison = pairedComparison(rows, second, { first: 0.5, second: 0.5 });
    const scored = (judge: ValidationRow[]) =>
      judge.filter((row) => row.score !== null && row.reference !== null).map((row) => ({ score: row.score!, actual: row.reference! }));
    expect(comparison.aurocDifference!.estimate).toBeCloseTo(auroc(scored(rows))!.estimate - auroc(scored(second))!.estimate, 12);
  });

  it("leaves out a transcript the other judge did not judge", () => {
    const comparison = pairedComparison(
      rows,
      second.filter((row) => row.transcriptId !== 1),
      { first: null, second: null },
    );
    expect(comparison.n).toBe(7);
  });
});

describe("the human reference as a yes or no", () => {
  it("reads each kind of label", () => {
    expect(referencePositive(label("af_verdict"), "no")).toBe(false);
    expect(referencePositive(label("af_verdict"), "partial")).toBe(true);
    expect(referencePositive(label("af_verdict"), "full")).toBe(true);
    expect(referencePositive(label("af_verdict"), "partial", { positiveValues: ["full"] })).toBe(false);
    expect(referencePositive(label("af_verdict"), "maybe")).toBeNull();
    expect(referencePositive(label("compliance"), 2)).toBe(false);
    expect(referencePositive(label("compliance"), 3)).toBe(true);
    expect(referencePositive(label("compliance"), 2, { scaleCut: 2 })).toBe(true);
    expect(referencePositive(label("criterion_a"), true)).toBe(true);
    expect(referencePositive(label("unmonitored_unmasking"), false)).toBe(false);
    expect(referencePositive(label("unmonitored_unmasking"), null)).toBeNull();
  });

  it("says the rule in words for the page", () => {
    expect(describeReferenceRule(label("af_verdict"))).toBe("positive: Partial or Full");
    expect(describeReferenceRule(label("compliance"))).toBe("positive: 3 or more on 1–4");
    expect(describeReferenceRule(label("criterion_c"))).toBe("positive: at least one span tagged");
  });
});
