import { isBoundary, storedOffsetFromDom, domText } from "./offsets";
import type { LabelDefinition } from "./schema-definition";
import { sortSpans, type LabelValue, type LabelValues, type SpanInput } from "./values";

/**
 * What the annotation panel edits, and the pure operations on it (the React
 * state is a reducer over these; tested without a browser).
 */
export interface AnnotationDoc {
  schemaVersion: number;
  values: LabelValues;
  note: string;
  spans: SpanInput[];
}

export type DocAction =
  | { type: "set"; key: string; value: LabelValue | undefined }
  | { type: "cycle"; label: LabelDefinition }
  | { type: "note"; note: string }
  | { type: "addSpan"; span: SpanInput }
  | { type: "removeSpan"; span: Pick<SpanInput, "labelKey" | "start" | "end"> }
  | { type: "replace"; doc: AnnotationDoc };

export const spanId = (span: Pick<SpanInput, "labelKey" | "start" | "end">) => `${span.labelKey}:${span.start}:${span.end}`;

export function docReducer(doc: AnnotationDoc, action: DocAction): AnnotationDoc {
  switch (action.type) {
    case "set": {
      const values = { ...doc.values };
      if (action.value === undefined) delete values[action.key];
      else values[action.key] = action.value;
      return { ...doc, values };
    }
    case "cycle":
      return docReducer(doc, { type: "set", key: action.label.key, value: nextValue(action.label, doc.values[action.label.key]) });
    case "note":
      return { ...doc, note: action.note };
    case "addSpan":
      if (doc.spans.some((span) => spanId(span) === spanId(action.span))) return doc;
      return { ...doc, spans: sortSpans([...doc.spans, action.span]) };
    case "removeSpan":
      return { ...doc, spans: doc.spans.filter((span) => spanId(span) !== spanId(action.span)) };
    case "replace":
      return action.doc;
  }
}

/**
 * Pressing a label's key again moves to its next value and, after the last,
 * back to unset: yes → no → unset; options and scale points in order.
 */
export function nextValue(label: LabelDefinition, current: LabelValue | undefined): LabelValue | undefined {
  const order: LabelValue[] =
    label.kind === "boolean"
      ? [true, false]
      : label.kind === "choice"
        ? label.options.map((option) => option.value)
        : label.kind === "scale"
          ? Array.from({ length: label.max - label.min + 1 }, (_, i) => label.min + i)
          : [];
  if (current === undefined) return order[0];
  const index = order.indexOf(current);
  return index < 0 || index + 1 >= order.length ? undefined : order[index + 1];
}

/** The value digit `digit` picks for a label (1 = first option or the scale's point 1), or undefined. */
export function valueForDigit(label: LabelDefinition, digit: number): LabelValue | undefined {
  if (label.kind === "choice") return label.options[digit - 1]?.value;
  if (label.kind === "scale") return digit >= label.min && digit <= label.max ? digit : undefined;
  if (label.kind === "boolean") return digit === 1 ? true : digit === 2 ? false : undefined;
  return undefined;
}

/**
 * Carries an annotation over to another schema version: values whose label
 * still exists with a compatible value, spans whose label is still a span
 * label. Returns what was dropped, for the user to see.
 */
export function migrateDoc(
  doc: AnnotationDoc,
  to: { version: number; labels: readonly LabelDefinition[] },
): { doc: AnnotationDoc; dropped: string[] } {
  const byKey = new Map(to.labels.map((label) => [label.key, label]));
  const values: LabelValues = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(doc.values)) {
    const label = byKey.get(key);
    const fits =
      label &&
      ((label.kind === "boolean" && typeof value === "boolean") ||
        (label.kind === "choice" && label.options.some((option) => option.value === value)) ||
        (label.kind === "scale" && typeof value === "number" && value >= label.min && value <= label.max));
    if (fits) values[key] = value;
    else dropped.push(key);
  }
  const spans = doc.spans.filter((span) => byKey.get(span.labelKey)?.kind === "span");
  if (spans.length < doc.spans.length) dropped.push(`${doc.spans.length - spans.length} span(s)`);
  return { doc: { schemaVersion: to.version, values, note: doc.note, spans }, dropped };
}

/**
 * A selection made in the browser (positions in the DOM text) as a span of
 * the stored text: surrounding whitespace trimmed, boundaries moved off the
 * middle of a character. Null if nothing but whitespace was selected.
 */
export function spanFromStoredRange(text: string, start: number, end: number, labelKey: string): SpanInput | null {
  let [s, e] = start <= end ? [start, end] : [end, start];
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  while (s > 0 && !isBoundary(text, s)) s--;
  while (e < text.length && !isBoundary(text, e)) e++;
  if (s >= e) return null;
  return { labelKey, start: s, end: e, text: text.slice(s, e) };
}

/** Every stored-text match of `query` (case-insensitive, in the text as displayed), from `from` on, wrapping around. */
export function findInText(text: string, query: string, from = 0): { start: number; end: number } | null {
  const needle = query.toLowerCase();
  if (!needle.trim()) return null;
  const shown = domText(text).toLowerCase();
  const domFrom = domText(text.slice(0, from)).length;
  let at = shown.indexOf(needle, domFrom);
  if (at < 0) at = shown.indexOf(needle);
  if (at < 0) return null;
  return { start: storedOffsetFromDom(text, at), end: storedOffsetFromDom(text, at + needle.length) };
}
