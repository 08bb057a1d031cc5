import type { ReactNode } from "react";

/** What a form's server action answered (lib/server/action.ts's ActionResult), beside its submit button. */
export function ActionStatus({ state, size = "sm" }: { state: { ok: boolean; message?: string } | null | undefined; size?: "xs" | "sm" }) {
  if (!state) return null;
  return (
    <span role="status" className={`${size === "xs" ? "text-xs" : "text-sm"} ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
      {state.message}
    </span>
  );
}

/** What an admin form's action answered, as a banner above the form: a status when it worked, an alert when it did not. */
export function ResultBanner({ state, children }: { state: { ok: boolean; message?: string } | null | undefined; children?: ReactNode }) {
  if (!state) return null;
  return (
    <div
      role={state.ok ? "status" : "alert"}
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}
    >
      {state.message}
      {children}
    </div>
  );
}
