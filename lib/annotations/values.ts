import { z } from "zod";
import { spanProblem } from "./offsets";
import type { LabelDefinition } from "./schema-definition";

/**
 * An annotation's content: label values by key (true/false for yes/no, the
 * option's value for one-of-many, an integer for a scale; an unset label is
 * absent) plus span evidence and a free note. Span labels have no value:
 * their spans are the label.
 */
export const labelValueSchema = z.union([z.boolean(), z.string().max(40), z.int()]);
export type LabelValue = z.infer<typeof labelValueSchema>;
export type LabelValues = Record<string, LabelValue>;

export const SPAN_FIELD = "scratchpad";

export const spanInputSchema = z.object({
  labelKey: z.string().max(40),
  /** UTF-16 code units into transcripts.scratchpad_text, end exclusive (lib/annotations/offsets.ts). */
  start: z.int().min(0),
  end: z.int().min(0),
  /** The tagged text as the client saw it: must equal the stored slice. */
  text: z.string().max(50_000),
});
export type SpanInput = z.infer<typeof spanInputSchema>;

export const MAX_SPANS = 200;
export const MAX_NOTE_LENGTH = 10_000;

/** The body of a save (PUT /api/transcripts/:id/annotation). */
export const saveAnnotationSchema = z.object({
  /** The version the client last read; 0 for a new annotation. */
  expectedVersion: z.int().min(0),
  schemaVersion: z.int().min(1),
  values: z.record(z.string().max(40), labelValueSchema),
  note: z.string().max(MAX_NOTE_LENGTH).default(""),
  spans: z.array(spanInputSchema).max(MAX_SPANS).default([]),
  /** Marks the annotation submitted (done), not only autosaved. */
  submit: z.boolean().default(false),
});
export type SaveAnnotationInput = z.infer<typeof saveAnnotationSchema>;

/** DELETE ?version=N: the version being deleted (refused with 409 if the annotation moved on). */
export const versionQuery = z.object({
  version: z.coerce.number().int().positive({ error: "Give the version you are deleting: ?version=N." }),
});

/** What an annotation holds at one moment: the audit log's before and after. */
export interface AnnotationSnapshot {
  schemaVersion: number;
  values: LabelValues;
  note: string;
  submitted: boolean;
  spans: SpanInput[];
}

/** Spans in one order (start, end, label), so equal annotations have equal snapshots. */
export function sortSpans<S extends SpanInput>(spans: readonly S[]): S[] {
  return [...spans].sort((a, b) => a.start - b.start || a.end - b.end || (a.labelKey < b.labelKey ? -1 : a.labelKey > b.labelKey ? 1 : 0));
}

/** Everything wrong with `input` under `labels` and the scratchpad text, as messages; empty when it is valid. */
export function annotationProblems(
  labels: readonly LabelDefinition[],
  input: Pick<SaveAnnotationInput, "values" | "spans">,
  scratchpadText: string,
): string[] {
  const problems: string[] = [];
  const byKey = new Map(labels.map((label) => [label.key, label]));
  for (const [key, value] of Object.entries(input.values)) {
    const label = byKey.get(key);
    if (!label) problems.push(`"${key}" is not a label of this schema version`);
    else {
      const problem = valueProblem(label, value);
      if (problem) problems.push(`${label.name}: ${problem}`);
    }
  }
  const seen = new Set<string>();
  input.spans.forEach((span, index) => {
    const label = byKey.get(span.labelKey);
    const where = `span ${index + 1}`;
    if (!label || label.kind !== "span") problems.push(`${where}: "${span.labelKey}" is not a span label of this schema version`);
    const problem = spanProblem(scratchpadText, span);
    if (problem) problems.push(`${where}: ${problem}`);
    const id = `${span.labelKey}:${span.start}:${span.end}`;
    if (seen.has(id)) problems.push(`${where}: the same label on the same text twice`);
    seen.add(id);
  });
  return problems;
}

function valueProblem(label: LabelDefinition, value: LabelValue): string | null {
  switch (label.kind) {
    case "boolean":
      return typeof value === "boolean" ? null : "expected yes or no";
    case "choice":
      return label.options.some((option) => option.value === value) ? null : `"${value}" is not one of its options`;
    case "scale":
      return Number.isInteger(value) && (value as number) >= label.min && (value as number) <= label.max
        ? null
        : `expected ${label.min}-${label.max}`;
    case "span":
      return "a span label takes spans, not a value";
  }
}

/** The human reading of a value, e.g. "Partial" or "3 · Complies with unneeded disclaimers". */
export function describeValue(label: LabelDefinition | undefined, value: LabelValue | undefined): string {
  if (value === undefined) return "—";
  if (!label) return String(value);
  switch (label.kind) {
    case "boolean":
      return value ? "Yes" : "No";
    case "choice":
      return label.options.find((option) => option.value === value)?.label ?? String(value);
    case "scale": {
      const name = label.pointLabels[(value as number) - label.min];
      return name ? `${value} · ${name}` : String(value);
    }
    case "span":
      return String(value);
  }
}
