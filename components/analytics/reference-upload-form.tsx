"use client";

import { useActionState } from "react";
import { uploadReference, type UploadState } from "@/app/analytics/reference/actions";

export function ReferenceUploadForm() {
  const [state, action, pending] = useActionState<UploadState, FormData>(uploadReference, {});
  const input = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <label className="flex flex-col gap-1 text-sm font-medium">
        Name
        <input name="name" placeholder="Paper, Appendix G" className={input} aria-describedby="name-error" />
        {state.errors?.name && (
          <span id="name-error" className="text-xs text-red-700">
            {state.errors.name}
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
        {state.errors?.file && (
          <span id="file-error" role="alert" className="text-xs text-red-700">
            {state.errors.file}
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
      {state.message && (
        <p role="status" className="text-sm text-emerald-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
