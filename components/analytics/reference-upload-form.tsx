"use client";

import { useActionState } from "react";
import { removeReference, uploadReference } from "@/lib/analytics/reference-actions";
import type { UnmatchedReferenceRow } from "@/lib/analytics/reference";
import type { ActionResult } from "@/lib/server/action";

export const REFERENCE_EXAMPLE_HREF = "/examples/reference-results-example.json";

export function ReferenceUploadForm() {
  const [state, action, pending] = useActionState<ActionResult<{ unmatched: UnmatchedReferenceRow[] }> | null, FormData>(
    (_previous, form) => uploadReference(form),
    null,
  );
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
      <div className="flex flex-col gap-1">
        <label className="flex flex-col gap-1 text-sm font-medium">
          JSON file
          <input
            type="file"
            name="file"
            accept="application/json,.json"
            className="block w-full rounded-md border border-slate-300 bg-white text-sm text-slate-700 file:mr-3 file:rounded-l-md file:border-0 file:border-r file:border-slate-300 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
            aria-describedby="file-format file-error"
          />
        </label>
        <span id="file-format" className="text-xs font-normal text-slate-600">
          An array of rows (or an object with <code>variation_tables</code>, as the paper&apos;s file has), one per setting, variation and
          model: <code>setting</code> (its slug), <code>variation</code> (name), <code>model</code>, optionally <code>variation_no</code>{" "}
          (published number), then percentages with optional standard errors: <code>af_reasoning_pct</code>/<code>_se</code>,{" "}
          <code>noncompliance_training_pct</code>/<code>_se</code>, <code>noncompliance_unmonitored_pct</code>/<code>_se</code>,{" "}
          <code>compliance_gap_pct</code>/<code>_se</code>.{" "}
          <a href={REFERENCE_EXAMPLE_HREF} download className="text-indigo-600 hover:underline">
            Download an example file
          </a>
        </span>
        {fileError && (
          <span id="file-error" role="alert" className="text-xs text-red-700">
            {fileError}
          </span>
        )}
      </div>
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
      {state?.ok && state.data.unmatched.length > 0 && <UnmatchedRows rows={state.data.unmatched} />}
    </form>
  );
}

/** Rows that line up with no variation are kept but are on no chart: said row by row, so a misspelt name can be fixed. */
function UnmatchedRows({ rows }: { rows: UnmatchedReferenceRow[] }) {
  return (
    <div role="alert" aria-label="Rows that match no variation" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p className="font-medium text-amber-900">
        {rows.length} {rows.length === 1 ? "row matches" : "rows match"} no variation and will not show on the chart:
      </p>
      <ul className="mt-1 max-h-48 list-disc overflow-y-auto pl-5 text-xs text-amber-900">
        {rows.map((row) => (
          <li key={row.row}>
            row {row.row}: “{row.variation}”{row.variationNo != null && ` (no. ${row.variationNo})`} in “{row.setting}” —{" "}
            {row.reason === "unknown setting" ? "no setting has this slug" : "no variation of this setting has this number or name"}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-amber-800">
        Fix the names or numbers in the file and load it again under the same name to replace it.
      </p>
    </div>
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
