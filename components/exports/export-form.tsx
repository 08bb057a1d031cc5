"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/server/action";
import { startExport } from "@/lib/exports/actions";
import { EXPORT_FORMATS } from "@/lib/exports/request";
import { ActionStatus } from "@/components/ui/action-status";

/** Starts an export of the table's current filter (`from`, its query string) as a background job. */
export function ExportForm({ from }: { from: string }) {
  const [state, formAction, pending] = useActionState<ActionResult<{ id: number }> | null, FormData>(
    (_previous, form) => startExport(form),
    null,
  );
  // Said before the export starts: a test ratio of 0 leaves the test split empty (the finished job says so too, lib/exports/warnings.ts).
  const [noTest, setNoTest] = useState(false);
  const field = "flex flex-col gap-1 text-sm";
  const input = "rounded-md border border-slate-300 px-2.5 py-1.5";
  return (
    <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="from" value={from} />
      <div className="flex flex-wrap gap-4">
        <label className={field}>
          <span className="font-medium text-slate-700">Format</span>
          <select name="format" defaultValue="jsonl" className={input}>
            {EXPORT_FORMATS.map((format) => (
              <option key={format} value={format}>
                {format === "jsonl" ? "JSONL" : format === "csv" ? "CSV" : "Parquet"}
              </option>
            ))}
          </select>
        </label>
        <label className={field}>
          <span className="font-medium text-slate-700">Split (train, validation, test)</span>
          <input
            name="split"
            defaultValue="0.8,0.1,0.1"
            className={`${input} w-40 font-mono`}
            aria-describedby="split-help split-warning"
            onChange={(event) => setNoTest(Number(event.target.value.split(",")[2]?.trim()) === 0)}
          />
        </label>
        <label className={field}>
          <span className="font-medium text-slate-700">Seed</span>
          <input name="seed" type="number" min={0} defaultValue={1} className={`${input} w-24`} />
        </label>
      </div>
      <p id="split-help" className="text-xs text-slate-500">
        Every transcript of one query (both conditions, all variations) lands in one split; splits are stratified by the consensus verdict;
        the same seed gives the same split.
      </p>
      {noTest && (
        <p id="split-warning" role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The test split gets no transcripts with a test ratio of 0: a classifier trained on this export cannot be evaluated on it. Give it
          a share, e.g. 0.8,0.1,0.1.
        </p>
      )}
      <div className="flex flex-wrap gap-5 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="anonymize" defaultChecked /> Anonymise annotators (annotator-1, annotator-2, …)
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="importedLabels" defaultChecked /> Include imported labels (LLM judges, …)
        </label>
      </div>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          {pending ? "Starting…" : "Start export"}
        </button>
        <ActionStatus state={state} />
      </div>
    </form>
  );
}
