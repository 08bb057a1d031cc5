"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseReferenceFile } from "@/lib/analytics/reference";
import { deleteReferenceSeries, saveReferenceSeries } from "@/lib/analytics/reference-store";
import { requireRole } from "@/lib/auth/server";

export interface UploadState {
  message?: string;
  errors?: { name?: string; file?: string };
}

const MAX_BYTES = 5 * 1024 * 1024;

const uploadSchema = z.object({
  name: z.string().trim().min(1, "Give the series a name.").max(120),
  source: z.string().trim().max(500).optional(),
  file: z
    .instanceof(File)
    .refine((file) => file.size > 0, "Choose a JSON file.")
    .refine((file) => file.size <= MAX_BYTES, "The file is over 5 MB."),
});

export async function uploadReference(_previous: UploadState, formData: FormData): Promise<UploadState> {
  await requireRole("lead");
  const parsed = uploadSchema.safeParse({
    name: formData.get("name"),
    source: formData.get("source") || undefined,
    file: formData.get("file"),
  });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return { errors: { name: fields.name?.[0], file: fields.file?.[0] } };
  }
  const content = parseReferenceFile(await parsed.data.file.text());
  if ("error" in content) return { errors: { file: `${parsed.data.file.name}: ${content.error}` } };
  await saveReferenceSeries(parsed.data.name, parsed.data.source ?? parsed.data.file.name, content.rows);
  revalidatePath("/analytics");
  return { message: `Loaded ${content.rows.length} published rows as “${parsed.data.name}”.` };
}

export async function removeReference(formData: FormData) {
  await requireRole("lead");
  const id = z.coerce.number().int().positive().parse(formData.get("id"));
  await deleteReferenceSeries(id);
  revalidatePath("/analytics/reference");
}
