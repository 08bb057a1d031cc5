"use client";

import { useEffect, useState } from "react";
import { useAnnotation } from "./annotation-context";
import { FindBox } from "./find-box";
import { HelpOverlay, Key } from "./help-overlay";
import { LabelControl } from "./label-control";
import { SaveProblem, SaveStatusBadge } from "./save-status";
import { SpanList } from "./span-list";
import { TagPopover } from "./tag-popover";
import { noteFieldId } from "./use-annotation-keys";

export { AnnotationProvider, type AnnotationHandle, type AnnotationProviderProps, type SubmitOutcome } from "./annotation-context";
export { AnnotatableScratchpad } from "./annotatable-scratchpad";

/**
 * The annotation panel: the labels of the schema version this annotation is
 * made under, span evidence, a note, autosave, submit-and-next. Put it, and
 * the page's <AnnotatableScratchpad> blocks, inside one <AnnotationProvider>
 * (the paired view: one provider per side, `keyboard` on for one of them).
 */
export function AnnotationPanel() {
  const state = useAnnotation();
  const { doc, dispatch, labels, current, locked, submitted, nextHref, navigating, others } = state;
  const outdated = doc.schemaVersion !== current.version;

  return (
    <section aria-label="Annotation" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-900">
          Your labels <span className="font-normal text-slate-500">· schema v{doc.schemaVersion}</span>
        </h2>
        <SaveStatusBadge />
      </header>
      <SaveProblem />
      {outdated && (
        <div className="rounded-md border border-sky-200 bg-sky-50 p-2 text-xs text-sky-900">
          Made under schema v{doc.schemaVersion}; the current schema is v{current.version}. It keeps its version until you move it.{" "}
          <button type="button" disabled={locked} onClick={state.relabelUnderCurrent} className="font-medium underline">
            Relabel under v{current.version}
          </button>
        </div>
      )}
      <FindBox />
      <TagPopover />
      <div className="-mx-2 space-y-0.5">
        {labels.map((label) => (
          <LabelControl key={label.key} label={label} />
        ))}
      </div>
      <div>
        <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Evidence</h3>
        <SpanList />
        {others.length > 0 && (
          <label className="mt-2 flex items-center gap-2 text-xs text-slate-600">
            <input type="checkbox" checked={state.showOthers} onChange={(event) => state.setShowOthers(event.target.checked)} />
            Show the other annotators’ spans ({others.length})
          </label>
        )}
      </div>
      <div>
        <label htmlFor={noteFieldId(state.scope)} className="mb-1 block text-xs font-semibold uppercase tracking-wide text-slate-500">
          Note <Key>n</Key>
        </label>
        <textarea
          id={noteFieldId(state.scope)}
          value={doc.note}
          disabled={locked}
          onChange={(event) => dispatch({ type: "note", note: event.target.value })}
          rows={3}
          maxLength={10_000}
          className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          placeholder="Anything the labels do not say"
        />
      </div>
      <Notice />
      {/* Held at the bottom of the panel's scroll area, so submitting never needs a scroll (a pair at 1280 px). */}
      <footer className="sticky bottom-0 -mx-4 -mb-4 flex flex-wrap items-center gap-2 rounded-b-lg border-t border-slate-200 bg-white px-4 py-3">
        <button
          type="button"
          disabled={locked || navigating}
          onClick={() => void state.submitAndNext()}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          {state.wording?.submit ?? (nextHref ? "Submit & next" : "Submit")}{" "}
          <span className="ml-1 rounded bg-indigo-500 px-1 font-mono text-xs">Enter</span>
        </button>
        {submitted && <span className="text-xs font-medium text-emerald-700">✓ Submitted</span>}
        <button type="button" onClick={() => state.setHelpOpen(true)} className="ml-auto text-xs text-slate-600 hover:text-slate-900">
          Keys <Key>?</Key>
        </button>
        <ClearButton />
      </footer>
      <HelpOverlay />
    </section>
  );
}

/** The latest message (e.g. "Select text first"), read out by screen readers; fades after a while. */
function Notice() {
  const { notice } = useAnnotation();
  // A notice is visible until its own timer marks it faded; a newer notice has a new `at`.
  const [fadedAt, setFadedAt] = useState<number | null>(null);
  const visible = notice !== null && notice.at !== fadedAt;
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setFadedAt(notice.at), 6_000);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <p aria-live="polite" data-testid="annotation-notice" className={`min-h-4 text-xs text-slate-700 ${visible ? "" : "invisible"}`}>
      {notice?.text}
    </p>
  );
}

function ClearButton() {
  const { clearAll, locked, doc } = useAnnotation();
  const empty = Object.keys(doc.values).length === 0 && doc.spans.length === 0 && !doc.note;
  return (
    <button
      type="button"
      disabled={locked || empty}
      onClick={() => window.confirm("Delete your labels of this transcript? (The audit log keeps a record.)") && void clearAll()}
      className="text-xs text-slate-500 hover:text-red-700 disabled:opacity-40"
    >
      Delete
    </button>
  );
}
