import type { LabelDefinition } from "@/lib/annotations/schema-definition";
import type { LabelValues } from "@/lib/annotations/values";
import { cohensKappa } from "./cohen";
import { fleissKappa } from "./fleiss";
import { krippendorffsAlpha, type AlphaMetric } from "./krippendorff";
import { spanOverlapF1, type Span } from "./span-f1";
import type { MetricResult, Rating } from "./types";

/**
 * Agreement per label over a set of transcripts (pure; lib/team/agreement/load.ts
 * feeds it from the database). One `AnnotatorRating` per submitted annotation.
 *
 * - Cohen's kappa only when exactly two annotators rated the set (it is
 *   defined for one fixed pair), over the items both rated.
 * - Fleiss' kappa over the items with the most common number (>= 2) of ratings
 *   (it needs the same number per item); `items` says how many that was.
 * - Krippendorff's alpha over every item with two or more ratings: nominal,
 *   or ordinal for scale labels.
 * - Span labels: the same coefficients on "tagged evidence with it" (yes/no),
 *   plus character-level overlap F1 of the spans.
 */
export interface AnnotatorRating {
  transcriptId: number;
  annotatorId: string;
  values: LabelValues;
  spans: (Span & { labelKey: string })[];
}

export interface LabelAgreement {
  labelKey: string;
  labelName: string;
  kind: LabelDefinition["kind"];
  /** Items with two or more ratings of this label. */
  items: number;
  annotators: number;
  cohen: MetricResult | null;
  fleiss: MetricResult;
  alpha: MetricResult & { metric: AlphaMetric };
  spanF1: MetricResult | null;
  /** Items whose ratings are not all the same (what adjudication looks at). */
  disagreements: number;
}

function ratingOf(label: LabelDefinition, rating: AnnotatorRating): Rating | undefined {
  if (label.kind === "span") return rating.spans.some((span) => span.labelKey === label.key);
  return rating.values[label.key];
}

export function computeAgreement(labels: readonly LabelDefinition[], ratings: readonly AnnotatorRating[]): LabelAgreement[] {
  const byItem = new Map<number, AnnotatorRating[]>();
  for (const rating of ratings) {
    const item = byItem.get(rating.transcriptId);
    if (item) item.push(rating);
    else byItem.set(rating.transcriptId, [rating]);
  }
  return labels.map((label) => {
    const units: { annotatorId: string; value: Rating }[][] = [];
    for (const itemRatings of byItem.values()) {
      const given = itemRatings.flatMap((rating) => {
        const value = ratingOf(label, rating);
        return value === undefined ? [] : [{ annotatorId: rating.annotatorId, value }];
      });
      if (given.length >= 2) units.push(given);
    }
    const annotators = new Set(units.flatMap((unit) => unit.map((r) => r.annotatorId)));
    const values = units.map((unit) => unit.map((r) => r.value));
    let cohen: MetricResult | null = null;
    if (annotators.size === 2) {
      const [first, second] = [...annotators];
      cohen = cohensKappa(
        units.map((unit) => [unit.find((r) => r.annotatorId === first)!.value, unit.find((r) => r.annotatorId === second)!.value] as const),
      );
    }
    const alphaMetric: AlphaMetric = label.kind === "scale" ? "ordinal" : "nominal";
    const spanF1 =
      label.kind === "span"
        ? spanOverlapF1(
            [...byItem.values()]
              .filter((itemRatings) => itemRatings.length >= 2)
              .map((itemRatings) => itemRatings.map((rating) => rating.spans.filter((span) => span.labelKey === label.key))),
          )
        : null;
    return {
      labelKey: label.key,
      labelName: label.name,
      kind: label.kind,
      items: units.length,
      annotators: annotators.size,
      cohen,
      fleiss: fleissKappa(modalSubset(values)),
      alpha: { ...krippendorffsAlpha(values, alphaMetric), metric: alphaMetric },
      spanF1,
      disagreements: values.filter((unit) => new Set(unit).size > 1).length,
    };
  });
}

/** The items with the most common number of ratings (ties: the larger number). */
function modalSubset(units: Rating[][]): Rating[][] {
  const counts = new Map<number, number>();
  for (const unit of units) counts.set(unit.length, (counts.get(unit.length) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [size, count] of counts) if (count > bestCount || (count === bestCount && size > best)) [best, bestCount] = [size, count];
  return units.filter((unit) => unit.length === best);
}
