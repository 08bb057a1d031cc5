"use client";

import { useAnnotation } from "@/components/annotations/annotation-context";
import { AnnotationValues } from "@/components/annotations/annotation-summary";
import { SaveStatusBadge } from "@/components/annotations/save-status";

/** The viewer's labels of one side, live from its panel (also while the other side is being annotated). */
export function OwnLabels() {
  const { doc, labels } = useAnnotation();
  const empty = Object.keys(doc.values).length === 0 && doc.spans.length === 0 && !doc.note.trim();
  return (
    <section aria-label="Your labels" className="rounded-lg border border-slate-200 bg-white p-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">
          Your labels <span className="font-normal text-slate-500">· schema v{doc.schemaVersion}</span>
        </h3>
        <SaveStatusBadge />
      </header>
      {empty ? <p className="mt-2 text-sm text-slate-500">None yet.</p> : <AnnotationValues annotation={doc} labels={labels} />}
    </section>
  );
}
