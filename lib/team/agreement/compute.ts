import type { LabelDefinition } from "@/lib/annotations/schema-definition";
import { cohensKappa } from "./cohen";
import { fleissKappa } from "./fleiss";
import { krippendorffsAlpha, type AlphaMetric } from "./krippendorff";
import { spanF1FromOverlap, type SpanOverlap } from "./span-f1";
import type { MetricResult, VotePattern } from "./types";

/**
 * Agreement per label from counts (pure; lib/team/agreement/load.ts has
 * PostgreSQL count the submitted annotations of a set of transcripts).
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
export interface LabelCounts {
  /** The items with two or more ratings of the label, by their votes (in one fixed order of the annotators). */
  patterns: VotePattern[];
  /** Who gave those ratings. */
  annotators: Set<string>;
  /** Span labels: the overlap sums over the items with two or more annotations. */
  spanOverlap: SpanOverlap | null;
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

export const noCounts = (): LabelCounts => ({ patterns: [], annotators: new Set(), spanOverlap: null });

export function labelAgreement(label: LabelDefinition, { patterns, annotators, spanOverlap }: LabelCounts): LabelAgreement {
  const alphaMetric: AlphaMetric = label.kind === "scale" ? "ordinal" : "nominal";
  const items = (list: readonly VotePattern[]) => list.reduce((sum, pattern) => sum + pattern.count, 0);
  return {
    labelKey: label.key,
    labelName: label.name,
    kind: label.kind,
    items: items(patterns),
    annotators: annotators.size,
    // With two annotators every item's votes are [theirs, the other's] in the same order: the contingency table.
    cohen: annotators.size === 2 ? cohensKappa(patterns) : null,
    fleiss: fleissKappa(modalSubset(patterns)),
    alpha: { ...krippendorffsAlpha(patterns, alphaMetric), metric: alphaMetric },
    spanF1: label.kind === "span" ? spanF1FromOverlap(spanOverlap ?? { overlap: 0, total: 0, items: 0 }) : null,
    disagreements: items(patterns.filter((pattern) => new Set(pattern.votes).size > 1)),
  };
}

/** The counts of several disjoint sets of items (variations) as one: patterns and sums added, annotators joined. */
export function mergeCounts(parts: readonly LabelCounts[]): LabelCounts {
  const patterns = new Map<string, VotePattern>();
  const annotators = new Set<string>();
  let spanOverlap: SpanOverlap | null = null;
  for (const part of parts) {
    for (const pattern of part.patterns) {
      const key = JSON.stringify(pattern.votes);
      patterns.set(key, { votes: pattern.votes, count: (patterns.get(key)?.count ?? 0) + pattern.count });
    }
    for (const annotator of part.annotators) annotators.add(annotator);
    if (part.spanOverlap) {
      spanOverlap ??= { overlap: 0, total: 0, items: 0 };
      spanOverlap.overlap += part.spanOverlap.overlap;
      spanOverlap.total += part.spanOverlap.total;
      spanOverlap.items += part.spanOverlap.items;
    }
  }
  return { patterns: [...patterns.values()], annotators, spanOverlap };
}

/** The patterns of the most common number of ratings per item (ties: the larger number). */
function modalSubset(patterns: readonly VotePattern[]): VotePattern[] {
  const counts = new Map<number, number>();
  for (const { votes, count } of patterns) counts.set(votes.length, (counts.get(votes.length) ?? 0) + count);
  let best = 0;
  let bestCount = 0;
  for (const [size, count] of counts) if (count > bestCount || (count === bestCount && size > best)) [best, bestCount] = [size, count];
  return patterns.filter((pattern) => pattern.votes.length === best);
}
