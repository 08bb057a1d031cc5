import type { MetricResult } from "./types";

/**
 * Span agreement as overlap F1, character level: for two annotators' spans
 * of one label on one text, F1 = 2 |A ∩ B| / (|A| + |B|), A and B the sets of
 * characters (UTF-16 offsets, end exclusive) their spans cover. Over many
 * items and annotator pairs the counts are summed first (micro average), so
 * long spans weigh more than short ones. Pairs where neither tagged anything
 * carry no information and are left out; `items` counts the items that had
 * at least one such informative pair.
 */
export interface Span {
  start: number;
  end: number;
}

/** Characters covered by the spans, as merged [start, end) intervals. */
function cover(spans: readonly Span[]): Span[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((x, y) => x.start - y.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

const length = (spans: Span[]) => spans.reduce((sum, s) => sum + (s.end - s.start), 0);

function intersection(a: Span[], b: Span[]): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    total += Math.max(0, Math.min(a[i].end, b[j].end) - Math.max(a[i].start, b[j].start));
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return total;
}

/** The F1 of two annotators' spans of one label on one text; null when neither tagged anything. */
export function pairOverlapF1(a: readonly Span[], b: readonly Span[]): number | null {
  const [ca, cb] = [cover(a), cover(b)];
  const total = length(ca) + length(cb);
  return total === 0 ? null : (2 * intersection(ca, cb)) / total;
}

/**
 * The sums behind a micro-averaged overlap F1: 2 |A ∩ B| and |A| + |B| summed over
 * the informative annotator pairs, and the items that had one. PostgreSQL sums
 * them for the agreement page (lib/team/agreement/span-overlap-sql.ts).
 */
export interface SpanOverlap {
  overlap: number;
  total: number;
  items: number;
}

export const spanF1FromOverlap = ({ overlap, total, items }: SpanOverlap): MetricResult => ({
  value: total === 0 ? null : overlap / total,
  items,
});

/** The overlap sums over items, each item the span sets of its annotators (every pair of annotators compared). */
export function spanOverlap(items: readonly (readonly (readonly Span[])[])[]): SpanOverlap {
  let overlap = 0;
  let total = 0;
  let informative = 0;
  for (const annotators of items) {
    let counted = false;
    for (let i = 0; i < annotators.length; i++) {
      for (let j = i + 1; j < annotators.length; j++) {
        const [a, b] = [cover(annotators[i]), cover(annotators[j])];
        const size = length(a) + length(b);
        if (size === 0) continue;
        overlap += 2 * intersection(a, b);
        total += size;
        counted = true;
      }
    }
    if (counted) informative++;
  }
  return { overlap, total, items: informative };
}

/** Micro-averaged overlap F1 over items, each item the span sets of its annotators. */
export const spanOverlapF1 = (items: readonly (readonly (readonly Span[])[])[]): MetricResult => spanF1FromOverlap(spanOverlap(items));
