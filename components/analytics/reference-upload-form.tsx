"use client";

import { useActionState } from "react";
import { removeReference, uploadReference } from "@/lib/analytics/reference-actions";
import type { ActionResult } from "@/lib/server/action";

export function ReferenceUploadForm() {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>((_previous, form) => uploadReference(form), null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  // A file that is not what it should be is the file's problem: shown under the file input.
  const fileError = fieldErrors?.file?.[0] ?? (state && !state.ok && !fieldErrors ? state.message : undefined);
  const input = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <label className="flex flex-col gap-1 text-sm font-medium">
        Name
        <input name="name" placeholder="Paper, Appendix G" className={input} aria-describedby="name-error" />
        {fieldErrors?.name && (
          <span id="name-error" className="text-xs text-red-700">
            {fieldErrors.name[0]}
          </span>
        )}
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Source (optional)
        <input name="source" placeholder="arXiv 2412.14093, Appendix G.2 and G.3" className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        JSON file: an array of rows, or an object with <code>variation_tables</code>
        <input type="file" name="file" accept="application/json,.json" className="text-sm" aria-describedby="file-error" />
        {fileError && (
          <span id="file-error" role="alert" className="text-xs text-red-700">
            {fileError}
          </span>
        )}
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
      >
        {pending ? "Loading…" : "Load reference"}
      </button>
      {state?.ok && state.message && (
        <p role="status" className="text-sm text-emerald-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

export function RemoveReferenceButton({ id }: { id: number }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>((_previous, form) => removeReference(form), null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-red-50 hover:text-red-700 disabled:opacity-50"
      >
        Remove
      </button>
      {state && !state.ok && (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
