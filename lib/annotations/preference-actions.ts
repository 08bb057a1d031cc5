"use server";

import { revalidatePath } from "next/cache";
import { setLabellingPreference } from "@/lib/access/suggestions";
import { action } from "@/lib/server/action";
import { labellingPreferenceSchema } from "./preference-schema";

/** Settings → Labelling: the viewer's own toggle (the rule and its use: lib/access/policy.ts, suggestions.ts). */

export const setLabellingPreferenceAction = action({ input: labellingPreferenceSchema }, async ({ hideSuggestions }) => {
  await setLabellingPreference(hideSuggestions === "default" ? null : hideSuggestions === "hide");
  revalidatePath("/", "layout");
  return {
    data: null,
    message:
      hideSuggestions === "show"
        ? "Imported labels and judge suggestions are shown."
        : hideSuggestions === "hide"
          ? "Imported labels and judge suggestions are hidden."
          : "Back to your role's default.",
  };
});
