import { AnnotationSummary } from "@/components/annotations/annotation-summary";
import type { SideAnnotations } from "@/lib/access/annotations";
import type { PairTranscript } from "@/lib/transcripts/pair";
import type { Condition } from "@/lib/schemas";
import { SuggestionsHiddenNote } from "@/components/annotations/suggestions-hidden-note";
import { OwnLabels } from "./own-labels";

const TITLE: Record<Condition, { name: string; accent: string }> = {
  training: { name: "Training", accent: "border-orange-300" },
  deployment: { name: "Deployment", accent: "border-sky-300" },
};

/**
 * The labels of one side, shown under it: the viewer's own (live), for leads
 * the other annotators' submitted ones with who gave them (the server sends
 * them to leads only), and the labels that came with the import.
 */
export function SideLabels({
  condition,
  transcript,
  annotations,
  isLead,
  suggestionsHidden,
}: {
  condition: Condition;
  transcript: PairTranscript;
  annotations: SideAnnotations;
  isLead: boolean;
  /** The server left the imported labels out for this viewer (lib/access/policy.ts): say so instead of "none". */
  suggestionsHidden: boolean;
}) {
  const { name, accent } = TITLE[condition];
  return (
    <section id={`labels-${condition}`} aria-label={`${name} labels`} className={`scroll-mt-4 space-y-2 border-t-4 pt-2 ${accent}`}>
      <h2 className="text-sm font-semibold text-slate-700">
        {name} labels <span className="font-normal text-slate-500">· transcript #{transcript.id}</span>
      </h2>
      <OwnLabels />
      {isLead && (
        <AnnotationSummary
          title={`Other annotators · submitted${annotations.hiddenDrafts ? ` (${annotations.hiddenDrafts} ${annotations.hiddenDrafts === 1 ? "draft" : "drafts"} not shown)` : ""}`}
          empty="No one else has submitted labels for this side."
          annotations={annotations.others}
        />
      )}
      <section aria-label="Source labels" className="rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4">
        <h3 className="text-sm font-semibold text-slate-900">
          Source labels <span className="font-normal text-slate-500">· from the import, not given in this app</span>
        </h3>
        {suggestionsHidden ? (
          <SuggestionsHiddenNote />
        ) : transcript.labels.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">None came with this transcript.</p>
        ) : (
          <dl className="mt-1 grid grid-cols-[fit-content(45%)_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
            {transcript.labels.map((label) => (
              <div key={`${label.source}/${label.name}`} className="contents">
                <dt className="text-slate-500">
                  {label.name} <span className="text-slate-600">({label.source})</span>
                </dt>
                <dd className="text-slate-800">{label.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </section>
  );
}
