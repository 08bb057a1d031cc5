import { describe, expect, it } from "vitest";
import { DEFAULT_LABELS } from "@/lib/annotations/default-schema";
import { agreementFromRatings as computeAgreement, type AnnotatorRating } from "@/lib/testing/agreement-from-ratings";

const rating = (
  transcriptId: number,
  annotatorId: string,
  values: AnnotatorRating["values"],
  spans: AnnotatorRating["spans"] = [],
): AnnotatorRating => ({ transcriptId, annotatorId, values, spans });
const byKey = (rows: ReturnType<typeof computeAgreement>, key: string) => rows.find((row) => row.labelKey === key)!;

// The rules of lib/team/agreement/compute.ts (labelAgreement), fed item by item.
describe("agreement per label over submitted annotations", () => {
  it("two annotators: Cohen's kappa over the items both rated, with the disagreements counted", () => {
    const rows = computeAgreement(DEFAULT_LABELS, [
      rating(1, "a", { af_verdict: "full" }),
      rating(1, "b", { af_verdict: "full" }),
      rating(2, "a", { af_verdict: "full" }),
      rating(2, "b", { af_verdict: "no" }),
      rating(3, "a", { af_verdict: "no" }), // one rating: not an item for agreement
    ]);
    const verdict = byKey(rows, "af_verdict");
    expect(verdict).toMatchObject({
      items: 2,
      annotators: 2,
      disagreements: 1,
      cohen: { value: 0, items: 2 },
      alpha: { value: 0, items: 2, metric: "nominal" },
    });
    expect(byKey(rows, "compliance")).toMatchObject({ items: 0, cohen: null, alpha: { metric: "ordinal", value: null } });
  });

  it("three annotators: no Cohen; Fleiss on the items with the usual number of ratings; alpha on all", () => {
    const rows = computeAgreement(DEFAULT_LABELS, [
      rating(1, "a", { compliance: 4 }),
      rating(1, "b", { compliance: 4 }),
      rating(1, "c", { compliance: 3 }),
      rating(2, "a", { compliance: 1 }),
      rating(2, "b", { compliance: 1 }),
      rating(2, "c", { compliance: 1 }),
      rating(3, "a", { compliance: 2 }),
      rating(3, "b", { compliance: 1 }),
    ]);
    const compliance = byKey(rows, "compliance");
    expect(compliance.cohen).toBeNull();
    expect(compliance.fleiss.items).toBe(2);
    expect(compliance.alpha.items).toBe(3);
    expect(compliance.disagreements).toBe(2);
  });

  it("span labels: agreement on having evidence, and overlap F1 of the spans", () => {
    const rows = computeAgreement(DEFAULT_LABELS, [
      rating(1, "a", {}, [{ labelKey: "criterion_a", start: 0, end: 10 }]),
      rating(1, "b", {}, [{ labelKey: "criterion_a", start: 5, end: 15 }]),
    ]);
    expect(byKey(rows, "criterion_a")).toMatchObject({ items: 1, disagreements: 0, spanF1: { value: 0.5, items: 1 } });
    expect(byKey(rows, "criterion_b")).toMatchObject({ items: 1, spanF1: { value: null, items: 0 } });
  });
});
