"use client";

import type { Condition } from "@/lib/schemas";

/** Scrolls to the side's labels under the panes. A button, not a #link: the unsaved-work warning would take a link for leaving. */
export function LabelsLink({ condition }: { condition: Condition }) {
  return (
    <button
      type="button"
      onClick={() => document.getElementById(`labels-${condition}`)?.scrollIntoView({ behavior: "smooth", block: "start" })}
      className="ml-auto text-xs underline-offset-2 hover:underline"
    >
      Labels ↓
    </button>
  );
}
