import type { LabelDefinition } from "./schema-definition";
import { describeValue, type AnnotationSnapshot, type LabelValue } from "./values";

/** One line of "what changed" between two snapshots of an annotation. */
export type AuditChange =
  | { kind: "value"; label: string; from: string; to: string }
  | { kind: "span"; change: "added" | "removed"; label: string; text: string; start: number; end: number }
  | { kind: "note"; from: string; to: string }
  | { kind: "schema"; from: number; to: number }
  | { kind: "submitted"; submitted: boolean };

/**
 * The changes from `before` to `after` (either may be null: a create or a
 * delete), each label named under the version its snapshot was made with.
 */
export function diffSnapshots(
  before: AnnotationSnapshot | null,
  after: AnnotationSnapshot | null,
  labelsOf: (version: number) => readonly LabelDefinition[],
): AuditChange[] {
  const changes: AuditChange[] = [];
  const beforeLabels = before ? labelsOf(before.schemaVersion) : [];
  const afterLabels = after ? labelsOf(after.schemaVersion) : [];
  const find = (labels: readonly LabelDefinition[], key: string) => labels.find((label) => label.key === key);
  const nameOf = (key: string) => (find(afterLabels, key) ?? find(beforeLabels, key))?.name ?? key;

  if (before && after && before.schemaVersion !== after.schemaVersion)
    changes.push({ kind: "schema", from: before.schemaVersion, to: after.schemaVersion });

  const keys = new Set([...Object.keys(before?.values ?? {}), ...Object.keys(after?.values ?? {})]);
  for (const key of keys) {
    const from: LabelValue | undefined = before?.values[key];
    const to: LabelValue | undefined = after?.values[key];
    if (from === to) continue;
    changes.push({
      kind: "value",
      label: nameOf(key),
      from: describeValue(find(beforeLabels, key), from),
      to: describeValue(find(afterLabels, key), to),
    });
  }

  const id = (span: { labelKey: string; start: number; end: number }) => `${span.labelKey}:${span.start}:${span.end}`;
  const beforeSpans = new Map((before?.spans ?? []).map((span) => [id(span), span]));
  const afterSpans = new Map((after?.spans ?? []).map((span) => [id(span), span]));
  for (const [key, span] of beforeSpans) {
    if (!afterSpans.has(key))
      changes.push({ kind: "span", change: "removed", label: nameOf(span.labelKey), text: span.text, start: span.start, end: span.end });
  }
  for (const [key, span] of afterSpans) {
    if (!beforeSpans.has(key))
      changes.push({ kind: "span", change: "added", label: nameOf(span.labelKey), text: span.text, start: span.start, end: span.end });
  }

  if ((before?.note ?? "") !== (after?.note ?? "")) changes.push({ kind: "note", from: before?.note ?? "", to: after?.note ?? "" });
  if (after && after.submitted !== (before?.submitted ?? false)) changes.push({ kind: "submitted", submitted: after.submitted });
  return changes;
}
