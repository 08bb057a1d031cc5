import { expect } from "vitest";
import type { LabelDefinition } from "@/lib/annotations/schema-definition";
import type { LabelValues } from "@/lib/annotations/values";
import { labelAgreement, type LabelAgreement } from "@/lib/team/agreement/compute";
import { spanOverlap, type Span } from "@/lib/team/agreement/span-f1";
import { itemByItem, type Rating } from "@/lib/team/agreement/types";

/**
 * Test support, the oracle of the agreement loader: agreement computed directly
 * from the raw ratings, item by item (every item its own vote pattern, count 1),
 * as the page did before PostgreSQL counted. One `AnnotatorRating` per submitted
 * annotation.
 */
export interface AnnotatorRating {
  transcriptId: number;
  annotatorId: string;
  values: LabelValues;
  spans: (Span & { labelKey: string })[];
}

function ratingOf(label: LabelDefinition, rating: AnnotatorRating): Rating | undefined {
  if (label.kind === "span") return rating.spans.some((span) => span.labelKey === label.key);
  return rating.values[label.key];
}

export function agreementFromRatings(labels: readonly LabelDefinition[], ratings: readonly AnnotatorRating[]): LabelAgreement[] {
  const byItem = new Map<number, AnnotatorRating[]>();
  for (const rating of ratings) {
    const item = byItem.get(rating.transcriptId);
    if (item) item.push(rating);
    else byItem.set(rating.transcriptId, [rating]);
  }
  // Votes in one fixed order of the annotators on every item, so that with two annotators they are [rater 1, rater 2].
  const annotatorOrder = (x: AnnotatorRating, y: AnnotatorRating) =>
    x.annotatorId < y.annotatorId ? -1 : x.annotatorId > y.annotatorId ? 1 : 0;
  const items = [...byItem.values()].map((item) => [...item].sort(annotatorOrder));
  return labels.map((label) => {
    const units = items
      .map((item) =>
        item.flatMap((rating) => {
          const value = ratingOf(label, rating);
          return value === undefined ? [] : [{ annotatorId: rating.annotatorId, value }];
        }),
      )
      .filter((unit) => unit.length >= 2);
    const spans =
      label.kind === "span"
        ? spanOverlap(
            items
              .filter((item) => item.length >= 2)
              .map((item) => item.map((rating) => rating.spans.filter((span) => span.labelKey === label.key))),
          )
        : null;
    return labelAgreement(label, {
      patterns: itemByItem(units.map((unit) => unit.map((r) => r.value))),
      annotators: new Set(units.flatMap((unit) => unit.map((r) => r.annotatorId))),
      spanOverlap: spans,
    });
  });
}

/**
 * `expected` as a matcher: every coefficient to 10 decimals (counts summed in
 * another order round differently in the last bits), everything else exactly.
 */
export function sameAgreement(expected: readonly LabelAgreement[]) {
  const close = <M extends { value: number | null } | null>(metric: M) =>
    metric && metric.value !== null ? { ...metric, value: expect.closeTo(metric.value, 10) } : metric;
  return expected.map((row) => ({
    ...row,
    cohen: close(row.cohen),
    fleiss: close(row.fleiss),
    alpha: close(row.alpha),
    spanF1: close(row.spanF1),
  }));
}
