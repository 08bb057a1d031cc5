"use client";

import type { JudgeSuggestion } from "@/lib/access/suggestions";
import { spanFromStoredRange } from "@/lib/annotations/doc";
import { useAnnotation } from "./annotation-context";

/**
 * A judge's verdict, reason and evidence beside the annotator's own labels,
 * as suggestions: nothing is taken until the annotator accepts an evidence
 * span, one by one, as a span of the judge's label. Text is rendered as text.
 */
export function JudgeSuggestions({ suggestions }: { suggestions: JudgeSuggestion[] }) {
  const { doc, dispatch, labels, scratchpadText, locked, say } = useAnnotation();
  if (suggestions.length === 0) return null;
  return (
    <section aria-label="Judge suggestions" className="rounded-lg border border-dashed border-violet-300 bg-violet-50/40 p-4 text-sm">
      <h2 className="font-semibold text-slate-900">
        Judge suggestions <span className="font-normal text-slate-500">· not your labels until you accept them</span>
      </h2>
      <ul className="mt-2 space-y-3">
        {suggestions.map((suggestion) => {
          const label = labels.find((l) => l.key === suggestion.labelKey);
          const labelName = label?.name ?? suggestion.labelKey;
          return (
            <li key={suggestion.runId} className="space-y-1">
              <p>
                <span className="font-medium">{suggestion.judgeName}</span> on {labelName}:{" "}
                <strong>{suggestion.verdict === null ? "unreadable" : suggestion.verdict ? "yes" : "no"}</strong>
                {suggestion.score !== null && <span className="text-slate-500"> (score {suggestion.score.toFixed(2)})</span>}
              </p>
              {suggestion.reason && <p className="whitespace-pre-wrap text-slate-700">{suggestion.reason}</p>}
              <ul className="space-y-1">
                {suggestion.evidence.map((item, index) => {
                  const span =
                    item.matched && item.start !== null && item.end !== null
                      ? spanFromStoredRange(scratchpadText, item.start, item.end, suggestion.labelKey)
                      : null;
                  const accepted =
                    span !== null && doc.spans.some((s) => s.labelKey === span.labelKey && s.start === span.start && s.end === span.end);
                  return (
                    <li key={index} className="flex items-start gap-2">
                      <q className="min-w-0 flex-1 break-words text-slate-800">{item.quote}</q>
                      {span === null ? (
                        <span className="shrink-0 text-xs text-slate-500">not found in the text</span>
                      ) : accepted ? (
                        <span className="shrink-0 text-xs text-emerald-700">accepted</span>
                      ) : (
                        <button
                          type="button"
                          disabled={locked || !label}
                          onClick={() => {
                            dispatch({ type: "addSpan", span });
                            say(`Accepted the judge's span as ${labelName}.`);
                          }}
                          className="shrink-0 rounded border border-violet-300 px-2 py-0.5 text-xs text-violet-800 hover:bg-violet-100 disabled:opacity-50"
                        >
                          Accept as {labelName} span
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
