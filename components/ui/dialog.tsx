"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "./button";

/**
 * A modal dialog on the browser's own <dialog>: focus is trapped and returned,
 * Esc closes it, and a click on the backdrop closes it too. Open and closed
 * are the caller's state, so a key can toggle it.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  width = "w-[36rem]",
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  width?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => event.target === dialog.current && onClose()}
      className={`m-auto ${width} max-h-[90vh] max-w-[95vw] overflow-y-auto rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40`}
    >
      {open && (
        <div className="p-5">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {children}
          <Button variant="primary" className="mt-4" onClick={onClose}>
            Close
          </Button>
        </div>
      )}
    </dialog>
  );
}
