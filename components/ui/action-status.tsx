/** What a form's server action answered (lib/server/action.ts's ActionResult), beside its submit button. */
export function ActionStatus({ state, size = "sm" }: { state: { ok: boolean; message?: string } | null | undefined; size?: "xs" | "sm" }) {
  if (!state) return null;
  return (
    <span role="status" className={`${size === "xs" ? "text-xs" : "text-sm"} ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
      {state.message}
    </span>
  );
}
