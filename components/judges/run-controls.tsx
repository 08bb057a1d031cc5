"use client";

import { useActionState } from "react";
import { cancelJudgeRunAction, startJudgeRunAction } from "@/lib/judges/actions";
import type { ActionResult } from "@/lib/server/action";
import { ActionStatus } from "@/components/ui/action-status";

/** Starts a run of one judge over a filter of the transcripts table (its query string, e.g. `variation=3&condition=training`). */
export function StartRunForm({ judgeId, judgeName, from }: { judgeId: number; judgeName: string; from: string }) {
  const [state, formAction, pending] = useActionState<ActionResult<{ runId: number }> | null, FormData>(
    (_p, form) => startJudgeRunAction(form),
    null,
  );
  return (
    <form action={formAction} aria-label={`Run ${judgeName}`} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="judgeId" value={judgeId} />
      <label className="flex flex-col gap-1 text-xs">
        <span className="text-slate-600">Filter (the transcripts table&apos;s query string; empty: every transcript)</span>
        <input name="from" defaultValue={from} className="w-96 rounded-md border border-slate-300 px-2 py-1 font-mono text-xs" />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-800 px-3 py-1.5 text-xs font-medium text-white disabled:opacity-50"
      >
        {pending ? "Starting…" : "Start run"}
      </button>
      <ActionStatus state={state} size="xs" />
    </form>
  );
}

export function CancelRunButton({ runId }: { runId: number }) {
  const [state, formAction, pending] = useActionState<ActionResult<{ outcome: string }> | null, FormData>(
    (_p, form) => cancelJudgeRunAction(form),
    null,
  );
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="runId" value={runId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50 disabled:opacity-50"
      >
        Cancel
      </button>
      {state && !state.ok && <span className="ml-2 text-xs text-red-700">{state.message}</span>}
    </form>
  );
}
