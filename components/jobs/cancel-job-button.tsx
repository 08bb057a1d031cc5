"use client";

import { useRouter } from "next/navigation";
import { useTransition, useState } from "react";
import { cancelJobAction } from "@/lib/jobs/actions";

/** Cancels a queued or running job; the page follows the job's status from the database. */
export function CancelJobButton({ jobId, label = "Cancel" }: { jobId: number; label?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        className="rounded-md border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50"
        onClick={() =>
          startTransition(async () => {
            const result = await cancelJobAction({ jobId });
            setMessage(result.message ?? null);
            router.refresh();
          })
        }
      >
        {pending ? "Cancelling…" : label}
      </button>
      {message && (
        <span role="status" className="text-xs text-slate-500">
          {message}
        </span>
      )}
    </span>
  );
}
