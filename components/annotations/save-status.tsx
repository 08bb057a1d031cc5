"use client";

import { useAnnotation } from "./annotation-context";

const time = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** Whether the latest change is on the server, said in words (and a colour). */
export function SaveStatusBadge() {
  const { status, submitted, retry } = useAnnotation();
  const [text, tone] =
    status.kind === "saved"
      ? [`Saved ${time.format(status.at)}`, "bg-emerald-50 text-emerald-800"]
      : status.kind === "saving"
        ? ["Saving…", "bg-slate-100 text-slate-700"]
        : status.kind === "dirty"
          ? ["Unsaved changes", "bg-amber-50 text-amber-800"]
          : status.kind === "idle"
            ? [submitted ? "Submitted" : "Nothing to save yet", "bg-slate-100 text-slate-600"]
            : status.kind === "conflict"
              ? ["Not saved: conflict", "bg-red-100 text-red-800"]
              : status.kind === "signed_out"
                ? ["Not saved: signed out", "bg-red-100 text-red-800"]
                : ["Not saved", "bg-red-100 text-red-800"];
  return (
    <span className="flex items-center gap-2">
      <span
        role="status"
        aria-live="polite"
        data-save-status={status.kind}
        className={`rounded-full px-2 py-0.5 text-xs font-medium ${tone}`}
      >
        {text}
      </span>
      {status.kind === "error" && (
        <button type="button" onClick={retry} className="text-xs text-indigo-700 underline">
          Retry
        </button>
      )}
    </span>
  );
}

/** The blocking problems: another tab saved first, or the session ended. */
export function SaveProblem() {
  const { status } = useAnnotation();
  if (status.kind === "conflict") {
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        <p className="font-medium">Your change was not saved.</p>
        <p className="mt-1">{status.message}</p>
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="mt-2 rounded bg-red-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-red-700"
        >
          Reload the saved version
        </button>
      </div>
    );
  }
  if (status.kind === "signed_out") {
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        Your session ended, so this change was not saved.{" "}
        <a href={`/sign-in?next=${encodeURIComponent(window.location.pathname)}`} className="font-medium underline">
          Sign in again
        </a>
        .
      </div>
    );
  }
  if (status.kind === "error")
    return (
      <p role="alert" className="text-xs text-red-700">
        {status.message}
      </p>
    );
  return null;
}
