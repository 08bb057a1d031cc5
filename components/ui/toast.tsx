"use client";

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";

/**
 * One status toast for the whole app: a confirmation ("Export #3 started.") that
 * outlives a client navigation (the provider sits in the root layout) and goes away
 * by itself (unless hovered or focused).
 * Failures are not toasts: they stay beside the field or button they concern.
 */
const SHOWN_MS = 8_000;

type Toast = { text: string; at: number };
const ToastContext = createContext<(text: string) => void>(() => {});

/** `toast("Saved.")`: shows the confirmation, replacing any before it. */
export function useToast(): (text: string) => void {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const show = useCallback((text: string) => setToast({ text, at: Date.now() }), []);
  const dismiss = useCallback(() => setToast(null), []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <ToastRegion toast={toast} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}

function ToastRegion({ toast, onDismiss }: { toast: Toast | null; onDismiss: () => void }) {
  // A hovered or focused toast stays: it is being read (or its close button reached).
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(onDismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [toast, held, onDismiss]);
  // The live container is in the page from the start, empty: text put into it is announced (a live region
  // inserted with its text often is not). The toast itself is the status, present only while shown.
  return (
    <div aria-live="polite" className="pointer-events-none fixed bottom-4 right-4 z-50 flex max-w-sm justify-end">
      {toast && (
        <div
          key={toast.at}
          role="status"
          data-testid="toast"
          onMouseEnter={() => setHeld(true)}
          onMouseLeave={() => setHeld(false)}
          onFocus={() => setHeld(true)}
          onBlur={() => setHeld(false)}
          className="pointer-events-auto flex items-start gap-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 shadow-lg"
        >
          <span>{toast.text}</span>
          <button type="button" onClick={onDismiss} aria-label="Dismiss" className="text-emerald-700 hover:text-emerald-950">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
