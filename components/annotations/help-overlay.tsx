"use client";

import { useEffect, useRef } from "react";
import { LABEL_KIND_NAMES } from "@/lib/annotations/schema-definition";
import { useAnnotation } from "./annotation-context";

const KIND_HINT = {
  boolean: "cycles yes → no → unset",
  choice: "then 1-9 picks, 0 clears (again: next option)",
  scale: "then the number picks, 0 clears",
  span: "tags the text selected in the scratchpad",
} as const;

/** Every key of the panel, from the schema the annotation uses. `?` opens it, Esc closes it. */
export function HelpOverlay() {
  const { helpOpen, setHelpOpen, labels, wording } = useAnnotation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (helpOpen && !element.open) element.showModal();
    if (!helpOpen && element.open) element.close();
  }, [helpOpen]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="keys-title"
      onClose={() => setHelpOpen(false)}
      onClick={(event) => event.target === dialog.current && setHelpOpen(false)}
      className="m-auto w-[36rem] max-w-[95vw] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-5">
        <h2 id="keys-title" className="text-base font-semibold">
          Keyboard
        </h2>
        <table className="mt-3 w-full text-sm">
          <tbody className="divide-y divide-slate-100">
            {labels.map((label) => (
              <tr key={label.key}>
                <td className="w-10 py-1.5">
                  <Key>{label.hotkey}</Key>
                </td>
                <td className="py-1.5">
                  <span className="font-medium">{label.name}</span>
                  <span className="ml-2 text-xs text-slate-500">
                    {LABEL_KIND_NAMES[label.kind]}: {KIND_HINT[label.kind]}
                  </span>
                </td>
              </tr>
            ))}
            {[
              ["/", "Find text in the scratchpad and select it (then press a span label’s key)"],
              ["n", "Write in the note (Esc leaves it)"],
              ["Enter", wording?.submitHelp ?? "Submit and open the next transcript of the list (Ctrl+Enter in the note)"],
              ["?", "Show or hide this help"],
              ["Esc", "Close, cancel a pending choice"],
            ].map(([key, text]) => (
              <tr key={key}>
                <td className="py-1.5">
                  <Key>{key}</Key>
                </td>
                <td className="py-1.5 text-slate-700">{text}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {wording?.moreKeys && (
          <>
            <h3 className="mt-4 text-sm font-semibold">{wording.moreKeys.title}</h3>
            <table className="mt-1 w-full text-sm">
              <tbody className="divide-y divide-slate-100">
                {wording.moreKeys.keys.map(([key, text]) => (
                  <tr key={key}>
                    <td className="w-24 py-1.5">
                      <Key>{key}</Key>
                    </td>
                    <td className="py-1.5 text-slate-700">{text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <p className="mt-3 text-xs text-slate-500">
          Everything also works with the mouse: the buttons in the panel, “Tag” for the selected text, and × to remove a span. Hover a
          highlight to see its label and author.
        </p>
        <button type="button" onClick={() => setHelpOpen(false)} className="mt-4 rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white">
          Close
        </button>
      </div>
    </dialog>
  );
}

export function Key({ children }: { children: React.ReactNode }) {
  return (
    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-700 shadow-sm">{children}</kbd>
  );
}
