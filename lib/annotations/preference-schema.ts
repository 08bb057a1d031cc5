import { z } from "zod";

/** The personal toggle of Settings → Labelling: hide, show, or the role's default. */
export const labellingPreferenceSchema = z.object({
  hideSuggestions: z.enum(["hide", "show", "default"], {
    message: "Choose hide, show or default.",
  }),
});
