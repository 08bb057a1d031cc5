"use client";

import { adjudicateAction } from "@/lib/team/actions";
import { ActionForm } from "./action-form";

/** A lead's decision on one label: pick the value (or none, to clear the decision). */
export function AdjudicateForm({
  transcriptId,
  labelKey,
  labelName,
  options,
  decided,
}: {
  transcriptId: number;
  labelKey: string;
  labelName: string;
  options: { value: string; label: string }[];
  decided: string | null;
}) {
  return (
    <ActionForm action={adjudicateAction} submitLabel="Decide" className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="transcriptId" value={transcriptId} />
      <input type="hidden" name="labelKey" value={labelKey} />
      <select
        name="value"
        defaultValue={decided ?? ""}
        aria-label={`Decision for ${labelName}`}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
      >
        <option value="">No decision</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <input
        name="note"
        placeholder="Why (optional)"
        aria-label={`Note for ${labelName}`}
        maxLength={2000}
        className="w-48 rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
    </ActionForm>
  );
}
