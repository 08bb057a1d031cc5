"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { action } from "@/lib/server/action";
import { invalid } from "@/lib/server/errors";
import { parseReferenceFile, unmatchedReferenceRows } from "./reference";
import { deleteReferenceSeries, measuredVariationsBySetting, saveReferenceSeries } from "./reference-store";

/** Published per-variation results beside the measured rates (/analytics/reference): leads load and remove them. */
const MAX_BYTES = 5 * 1024 * 1024;

const uploadSchema = z.object({
  name: z.string().trim().min(1, "Give the series a name.").max(120),
  source: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((text) => text || undefined),
  file: z
    .instanceof(File, { message: "Choose a JSON file." })
    .refine((file) => file.size > 0, "Choose a JSON file.")
    .refine((file) => file.size <= MAX_BYTES, "The file is over 5 MB."),
});

export const uploadReference = action({ role: "lead", input: uploadSchema }, async (input) => {
  const content = parseReferenceFile(await input.file.text());
  if ("error" in content) throw invalid(`${input.file.name}: ${content.error}`);
  await saveReferenceSeries(input.name, input.source ?? input.file.name, content.rows);
  // Kept (a variation may be imported later), but said: a row that lines up with nothing is not on any chart.
  const unmatched = unmatchedReferenceRows(await measuredVariationsBySetting(), content.rows);
  revalidatePath("/analytics");
  const matched = content.rows.length - unmatched.length;
  return {
    data: { unmatched },
    message: `Loaded ${content.rows.length} published rows as “${input.name}”: ${matched} line up with a variation${
      unmatched.length ? `, ${unmatched.length} match none` : ""
    }.`,
  };
});

export const removeReference = action({ role: "lead", input: z.object({ id: idSchema }) }, async ({ id }) => {
  await deleteReferenceSeries(id);
  revalidatePath("/analytics/reference");
  return { data: null, message: "Removed." };
});
