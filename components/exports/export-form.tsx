"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/server/action";
import { startExport } from "@/lib/exports/actions";
import { EXPORT_FORMATS } from "@/lib/exports/request";
import { ActionStatus } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";
import { Field, TextField, controlClasses, fieldErrorsOf } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";

const FORMAT_OPTIONS = EXPORT_FORMATS.map((format) => ({
  value: format,
  label: format === "jsonl" ? "JSONL" : format === "csv" ? "CSV" : "Parquet",
}));

/** Starts an export of the table's current filter (`from`, its query string) as a background job. */
export function ExportForm({ from }: { from: string }) {
  const toast = useToast();
  const [state, formAction, pending] = useActionState<ActionResult<{ id: number }> | null, FormData>(async (_previous, form) => {
    const result = await startExport(form);
    if (result.ok && result.message) toast(result.message);
    return result;
  }, null);
  const errors = fieldErrorsOf(state);
  // Said before the export starts: a test ratio of 0 leaves the test split empty (the finished job says so too, lib/exports/warnings.ts).
  const [noTest, setNoTest] = useState(false);
  return (
    <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="from" value={from} />
      <div className="flex flex-wrap items-start gap-4">
        <Field label="Format" name="format" id="export-format" errors={errors?.format} className="w-36">
          {(control) => <Select {...control} defaultValue="jsonl" options={FORMAT_OPTIONS} />}
        </Field>
        <Field
          label="Split (train, validation, test)"
          name="split"
          id="export-split"
          errors={errors?.split}
          describedBy={`split-help${noTest ? " split-warning" : ""}`}
          className="w-72"
        >
          {(control) => (
            <input
              {...control}
              defaultValue="0.8,0.1,0.1"
              className={controlClasses(control["aria-invalid"], "w-40 font-mono")}
              onChange={(event) => setNoTest(Number(event.target.value.split(",")[2]?.trim()) === 0)}
            />
          )}
        </Field>
        <TextField
          label="Seed"
          name="seed"
          id="export-seed"
          type="number"
          min={0}
          defaultValue={1}
          errors={errors?.seed}
          inputClassName="w-24"
        />
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
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Starting…" : "Start export"}
        </Button>
        {/* A start is confirmed by the toast; a failure stays here, beside the button. */}
        {state && !state.ok && <ActionStatus state={state} />}
      </div>
    </form>
  );
}
