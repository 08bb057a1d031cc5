"use server";

import { z } from "zod";
import { previewUpload as previewUploaded, startImport as startImportAs, waitingUpload } from "@/lib/access/imports";
import { action } from "@/lib/server/action";
import { invalid } from "@/lib/server/errors";
import { importFormatSchema } from "../formats";
import { parseMapping } from "../mapping";
import { uploadIdSchema } from "./upload-schema";

/**
 * The import page's two steps after the upload: see the first records as
 * they will be stored (with a mapping, if the user wrote one), then start.
 * Leads only (the action wrapper checks); an expected problem comes back as
 * its message, anything else is logged with the request id.
 */
const previewInput = z.object({
  uploadId: uploadIdSchema,
  format: importFormatSchema.optional(),
  mappingText: z.string().max(200_000).optional(),
});

const startInput = previewInput.extend({
  dataset: z.string().trim().max(200).optional(),
  strict: z.boolean().default(false),
  systemPrompt: z.object({ fileName: z.string().min(1).max(255), text: z.string().min(1).max(500_000) }).optional(),
});

export type PreviewInput = z.input<typeof previewInput>;
export type StartInput = z.input<typeof startInput>;

export const previewUpload = action({ role: "lead", input: previewInput }, async (input) => ({
  data: { preview: await previewUploaded(input.uploadId, { format: input.format, mappingText: input.mappingText }) },
}));

export const startImport = action({ role: "lead", input: startInput }, async (input) => {
  const file = await waitingUpload(input.uploadId);
  if (input.mappingText?.trim()) {
    const result = parseMapping(input.mappingText);
    if (!result.ok) throw invalid(`The mapping is not valid: ${result.errors.join("; ")}`);
  }
  const importId = await startImportAs(
    file,
    {
      format: input.format,
      mappingText: input.mappingText?.trim() ? input.mappingText : undefined,
      dataset: input.dataset || undefined,
      strict: input.strict,
      systemPrompts: input.systemPrompt ? [{ text: input.systemPrompt.text, from: input.systemPrompt.fileName }] : [],
    },
    "web",
  );
  return { data: { importId } };
});
