"use client";

import { ActionForm } from "@/components/team/action-form";
import { setLabellingPreferenceAction } from "@/lib/annotations/preference-actions";

/** Hide or show imported labels and judge suggestions outside queues. */
export function LabellingPreferenceForm({ current }: { current: "hide" | "show" | "default" }) {
  return (
    <ActionForm
      action={setLabellingPreferenceAction}
      submitLabel="Save"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <fieldset className="space-y-2 text-sm">
        <legend className="font-semibold">Imported labels and judge suggestions outside queues</legend>
        {(
          [
            ["hide", "Hide them while I label (the table's column, the pair page, the API)"],
            ["show", "Show them"],
            ["default", "My role's default"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="hideSuggestions" value={value} defaultChecked={current === value} /> {label}
          </label>
        ))}
      </fieldset>
    </ActionForm>
  );
}
