"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { undoSubmitAction } from "@/lib/team/actions";

/**
 * The confirmation after "Submit & next": which item was submitted, and an
 * Undo that takes the submit back (audited) and reopens that item.
 */
export function SubmittedToast({ queueId, position }: { queueId: number; position: number | null }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  const undo = () =>
    startTransition(async () => {
      const result = await undoSubmitAction({ queueId });
      if (result.ok) router.push(`/queues/${queueId}/items/${result.data.itemId}`);
      else setProblem(result.message);
    });
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
    >
      <span>✓ Submitted{position ? ` item ${position}` : ""}.</span>
      <button type="button" onClick={undo} disabled={pending} className="font-medium underline disabled:opacity-50">
        {pending ? "Undoing…" : "Undo"}
      </button>
      {problem && <span className="text-red-700">{problem}</span>}
      <button type="button" onClick={() => setDismissed(true)} aria-label="Dismiss" className="ml-auto text-emerald-700">
        ×
      </button>
    </div>
  );
}
