"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { AnnotationDoc } from "@/lib/annotations/doc";

export type SaveStatus =
  | { kind: "idle" } // nothing to save
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "conflict"; message: string }
  | { kind: "error"; message: string }
  | { kind: "signed_out" };

const AUTOSAVE_DELAY_MS = 600;

interface Options {
  /** The annotation's URL (PUT saves, DELETE ?version=N deletes). */
  url: string;
  doc: AnnotationDoc;
  /** The server's version of the annotation the page loaded; 0 when there is none. */
  initialVersion: number;
  initialSubmitted: boolean;
}

/**
 * Saves the document shortly after each change, one request at a time, with
 * the version it last read (optimistic concurrency). A 409 stops autosaving
 * and says why; the user reloads. Leaving the page with unsaved work warns.
 */
export function useAutosave({ url, doc, initialVersion, initialSubmitted }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [submitted, setSubmitted] = useState(initialSubmitted);
  const version = useRef(initialVersion);
  const [initialJson] = useState(() => JSON.stringify(doc));
  const savedJson = useRef(initialJson);
  // The same as savedJson, as state: what the render compares against.
  const [lastSavedJson, setLastSavedJson] = useState(initialJson);
  const latest = useRef(doc);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const stopped = useRef(false); // after a conflict or sign-out: never overwrite
  useLayoutEffect(() => {
    latest.current = doc;
  });

  const send = useCallback(
    async (submit: boolean): Promise<boolean> => {
      const body = latest.current;
      const json = JSON.stringify(body);
      setStatus({ kind: "saving" });
      let response: Response;
      try {
        response = await fetch(url, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...body, expectedVersion: version.current, submit }),
        });
      } catch {
        setStatus({ kind: "error", message: "Could not reach the server. Your changes are kept here; retrying when you edit again." });
        return false;
      }
      const result = await response.json().catch(() => ({}));
      if (response.ok) {
        version.current = result.version;
        savedJson.current = json;
        setLastSavedJson(json);
        if (result.submittedAt) setSubmitted(true);
        setStatus(JSON.stringify(latest.current) === json ? { kind: "saved", at: new Date() } : { kind: "dirty" });
        return true;
      }
      if (response.status === 409) {
        stopped.current = true;
        setStatus({ kind: "conflict", message: result.message ?? "This annotation was changed somewhere else." });
      } else if (response.status === 401) {
        stopped.current = true;
        setStatus({ kind: "signed_out" });
      } else setStatus({ kind: "error", message: result.message ?? `Saving failed (HTTP ${response.status}).` });
      return false;
    },
    [url],
  );

  /** Saves now (after any save in flight). Resolves true when the server holds the latest document. */
  const flush = useCallback(
    async (submit = false): Promise<boolean> => {
      while (inFlight.current) await inFlight.current;
      if (stopped.current) return false;
      if (!submit && JSON.stringify(latest.current) === savedJson.current) return true;
      const request = send(submit);
      inFlight.current = request;
      try {
        return await request;
      } finally {
        inFlight.current = null;
      }
    },
    [send],
  );

  // Autosave: a short pause after the last change.
  const json = JSON.stringify(doc);
  useEffect(() => {
    if (stopped.current || json === savedJson.current) return;
    setStatus((current) => (current.kind === "saving" ? current : { kind: "dirty" }));
    const timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [json, flush]);

  const unsaved = json !== lastSavedJson || status.kind === "saving";
  useLeaveWarning(unsaved && status.kind !== "conflict" && status.kind !== "signed_out");

  /** Deletes the annotation (audited); afterwards the panel starts from nothing. */
  const remove = useCallback(
    async (empty: AnnotationDoc): Promise<boolean> => {
      while (inFlight.current) await inFlight.current;
      if (version.current === 0) return true;
      const response = await fetch(`${url}?version=${version.current}`, { method: "DELETE" });
      const result = await response.json().catch(() => ({}));
      if (!response.ok) {
        if (response.status === 409) stopped.current = true;
        setStatus(
          response.status === 409
            ? { kind: "conflict", message: result.message }
            : { kind: "error", message: result.message ?? "Deleting failed." },
        );
        return false;
      }
      version.current = 0;
      savedJson.current = JSON.stringify(empty);
      setLastSavedJson(savedJson.current);
      setSubmitted(false);
      setStatus({ kind: "idle" });
      return true;
    },
    [url],
  );

  return { status, submitted, unsaved, flush, remove };
}

/** Warns before the page is left (reload, close, another URL, or an in-app link) while work is unsaved. */
function useLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ""; // older browsers need it set to show the prompt
    };
    const linkClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || event.defaultPrevented || (link as HTMLAnchorElement).target === "_blank") return;
      if (!window.confirm("Your latest change is not saved yet. Leave anyway?")) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", linkClick, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", linkClick, true);
    };
  }, [active]);
}
