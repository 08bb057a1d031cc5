import { z } from "zod";
import { scalePoints, type LabelDefinition } from "./schema-definition";
import type { LabelValue } from "./values";

/**
 * Table filters on human labels, as URL state (pure; the SQL is in filters.ts).
 *
 * - `status`: `unlabelled` (no one submitted an annotation), `todo` (I did
 *   not), `mine` (I did), `labelled` (someone did).
 * - `human` (repeatable), `key:value`: `af_verdict:full`, `compliance:4`,
 *   `unmonitored_unmasking:yes`, or `criterion_a:span` for "has evidence
 *   tagged with this span label". All label conditions must hold in one
 *   submitted annotation (one annotator's view of the transcript).
 */
export const ANNOTATION_STATUSES = ["unlabelled", "todo", "mine", "labelled"] as const;
export const annotationStatusSchema = z.enum(ANNOTATION_STATUSES);
export type AnnotationStatus = z.infer<typeof annotationStatusSchema>;

export const ANNOTATION_STATUS_NAMES: Record<AnnotationStatus, string> = {
  unlabelled: "Unlabelled",
  todo: "Not labelled by me",
  mine: "Labelled by me",
  labelled: "Labelled by anyone",
};

export type LabelCondition = { key: string; value: LabelValue } | { key: string; span: true };

export interface AnnotationFilter {
  status?: AnnotationStatus;
  labels: LabelCondition[];
}

const conditionSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}:[a-z0-9_]{1,40}$/)
  .transform((text): LabelCondition => {
    const [key, raw] = text.split(":");
    if (raw === "span") return { key, span: true };
    if (raw === "yes" || raw === "no") return { key, value: raw === "yes" };
    if (/^\d+$/.test(raw)) return { key, value: Number(raw) };
    return { key, value: raw };
  });

const asArray = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Reads the filter from search params; anything malformed is ignored rather than failing the page. */
export function parseAnnotationFilter(searchParams: Record<string, string | string[] | undefined>): AnnotationFilter {
  const status = annotationStatusSchema.safeParse(searchParams.status);
  const labels = asArray(searchParams.human)
    .map((item) => conditionSchema.safeParse(item))
    .flatMap((result) => (result.success ? [result.data] : []));
  return { status: status.success ? status.data : undefined, labels: labels.slice(0, 10) };
}

/** The filter back as search params (for links that keep the list's state). */
export function annotationFilterParams(filter: AnnotationFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.status) params.set("status", filter.status);
  for (const condition of filter.labels) params.append("human", formatLabelCondition(condition));
  return params;
}

/** `key:value` as in the URL. */
export function formatLabelCondition(condition: LabelCondition): string {
  const value =
    "span" in condition ? "span" : typeof condition.value === "boolean" ? (condition.value ? "yes" : "no") : String(condition.value);
  return `${condition.key}:${value}`;
}

export function parseLabelCondition(text: string): LabelCondition | undefined {
  const parsed = conditionSchema.safeParse(text);
  return parsed.success ? parsed.data : undefined;
}

/** The conditions (`key:value`, with a readable name) one label of the schema can be filtered by. */
export function labelConditionOptions(label: LabelDefinition): { value: string; name: string }[] {
  switch (label.kind) {
    case "boolean":
      return [
        { value: `${label.key}:yes`, name: `${label.name}: yes` },
        { value: `${label.key}:no`, name: `${label.name}: no` },
      ];
    case "choice":
      return label.options.map((option) => ({ value: `${label.key}:${option.value}`, name: `${label.name}: ${option.label}` }));
    case "scale":
      return scalePoints(label).map((point) => ({
        value: `${label.key}:${point.value}`,
        name: `${label.name}: ${point.value}${point.label ? ` · ${point.label}` : ""}`,
      }));
    case "span":
      return [{ value: `${label.key}:span`, name: `${label.name}: has evidence` }];
  }
}
