import type { AnnotationView } from "@/lib/annotations/queries";
import type { LabelDefinition, LabelSchema } from "@/lib/annotations/schema-definition";
import { describeValue } from "@/lib/annotations/values";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/**
 * Annotations of one transcript, read-only, each shown under the schema
 * version it was made with (for leads on the transcript page; for each side of
 * the paired view).
 */
export function AnnotationSummary({
  annotations,
  title = "Labels",
  empty = "No one has labelled this transcript.",
}: {
  annotations: { annotation: AnnotationView; schema: LabelSchema }[];
  title?: string;
  empty?: string;
}) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      {annotations.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {annotations.map(({ annotation, schema }) => (
            <li key={annotation.annotatorId} className="py-2 text-sm">
              <p className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">{annotation.annotatorName}</span>
                <span className="text-xs text-slate-500">
                  schema v{annotation.schemaVersion} · {annotation.submittedAt ? "submitted" : "draft"} ·{" "}
                  {when.format(new Date(annotation.updatedAt))}
                </span>
              </p>
              <AnnotationValues annotation={annotation} labels={schema.labels} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One annotation's values, spans and note, under the labels of its schema version. */
export function AnnotationValues({
  annotation,
  labels,
}: {
  annotation: Pick<AnnotationView, "values" | "spans" | "note">;
  labels: readonly LabelDefinition[];
}) {
  return (
    <>
      <dl className="mt-1 grid grid-cols-[fit-content(45%)_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
        {labels
          .filter((label) => label.kind !== "span" && annotation.values[label.key] !== undefined)
          .map((label) => (
            <div key={label.key} className="contents">
              <dt className="text-slate-500">{label.name}</dt>
              <dd className="text-slate-800">{describeValue(label, annotation.values[label.key])}</dd>
            </div>
          ))}
        {labels
          .filter((label) => label.kind === "span" && annotation.spans.some((span) => span.labelKey === label.key))
          .map((label) => (
            <div key={label.key} className="contents">
              <dt className="text-slate-500">{label.name}</dt>
              <dd className="text-slate-800">
                {annotation.spans
                  .filter((span) => span.labelKey === label.key)
                  .map((span) => `“${span.text.length > 80 ? span.text.slice(0, 80) + "…" : span.text}”`)
                  .join(" · ")}
              </dd>
            </div>
          ))}
      </dl>
      {annotation.note && <p className="mt-1 whitespace-pre-wrap text-xs text-slate-600">Note: {annotation.note}</p>}
    </>
  );
}
