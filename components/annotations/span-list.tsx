"use client";

import { useAnnotation } from "./annotation-context";

/** The spans of this annotation (and others', when shown), each removable if it is the user's own. */
export function SpanList() {
  const { spans, dispatch, locked } = useAnnotation();
  if (spans.length === 0)
    return (
      <p className="text-xs text-slate-500">No evidence tagged. Select text in the scratchpad (or press /) and press a span label’s key.</p>
    );
  return (
    <ul aria-label="Tagged spans" className="space-y-1">
      {spans.map((span) => (
        <li key={span.id} className="flex items-start gap-2 text-xs">
          <span aria-hidden className="mt-1 h-2.5 w-2.5 shrink-0 rounded-full" style={{ backgroundColor: span.color }} />
          <span className="min-w-0 flex-1">
            <span className="font-medium text-slate-700">{span.labelName}</span>
            {!span.own && <span className="text-slate-500"> · {span.author}</span>}
            <span className="block truncate text-slate-600" title={span.text}>
              “{span.text}”
            </span>
          </span>
          {span.own && (
            <button
              type="button"
              disabled={locked}
              aria-label={`Remove span ${span.labelName}: ${span.text.slice(0, 60)}`}
              onClick={() => dispatch({ type: "removeSpan", span })}
              onKeyDown={(event) => {
                if (event.key === "Delete" || event.key === "Backspace") dispatch({ type: "removeSpan", span });
              }}
              className="rounded px-1.5 text-slate-400 hover:bg-red-50 hover:text-red-700 focus:bg-red-50 focus:text-red-700"
            >
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
