import type { ReactNode } from "react";

/** An empty panel that says why it is empty and what to do instead; never a blank chart or table. */
export function EmptyState({ title, children, label }: { title: string; children?: ReactNode; label?: string }) {
  return (
    <section
      role="status"
      aria-label={label ?? title}
      className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700"
    >
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children && <div className="mt-2 space-y-2">{children}</div>}
    </section>
  );
}
