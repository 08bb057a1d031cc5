"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setLabellingPreference } from "@/lib/access/suggestions";
import { action } from "@/lib/server/action";

/** The personal toggle of Settings → Labelling: hide, show, or the role's default. */
export const labellingPreferenceSchema = z.object({
  hideSuggestions: z.enum(["hide", "show", "default"], {
    message: "Choose hide, show or default.",
  }),
});

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
