import type { Metadata } from "next";
import { LabellingPreferenceForm } from "@/components/settings/labelling-preference-form";
import { labellingPreference } from "@/lib/access/suggestions";
import { page } from "@/lib/server/page";

export const metadata: Metadata = { title: "Labelling settings" };

export default page({}, async ({ viewer }) => {
  const preference = await labellingPreference();
  const current = preference.isDefault ? "default" : preference.hideSuggestions ? "hide" : "show";
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Labelling</h1>
      <p className="text-sm text-slate-600">
        Labels that came with imported files and a judge’s verdicts can anchor your judgement when you see them beside the text. Queues
        decide for themselves (a blind queue always hides them until you submit); this setting is for labelling outside queues. Now:{" "}
        <strong data-testid="suggestions-state">{preference.hideSuggestions ? "hidden" : "shown"}</strong>
        {preference.isDefault && ` (the default for ${viewer.role}s)`}.
      </p>
      <LabellingPreferenceForm current={current} />
    </div>
  );
});
