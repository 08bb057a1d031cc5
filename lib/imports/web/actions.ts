"use server";

import { z } from "zod";
import {
  importMappings,
  previewUpload as previewUploaded,
  saveImportMapping as saveMappingAs,
  startImport as startImportAs,
  waitingUpload,
} from "@/lib/access/imports";
import { action } from "@/lib/server/action";
import { invalid } from "@/lib/server/errors";
import { importFormatSchema } from "../formats";
import { keepApartSchema } from "../keep-apart";
import { parseMapping } from "../mapping";
import { mappingNameSchema } from "../stored-mappings";
import { uploadIdSchema } from "./upload-schema";

/**
 * The import page's steps after the upload: see the first records as they
 * will be stored (with a mapping, if the user wrote one) and what the file
 * will create or join, then start; and the mapping editor's saved mappings.
 * Leads only (the action wrapper checks, and the visibility layer again); an
 * expected problem comes back as its message, anything else is logged with
 * the request id.
 */
const previewInput = z.object({
  uploadId: uploadIdSchema,
  format: importFormatSchema.optional(),
  mappingText: z.string().max(200_000).optional(),
  dataset: z.string().trim().max(200).optional(),
});

const startInput = previewInput.extend({
  keepApart: keepApartSchema.optional(),
  strict: z.boolean().default(false),
  systemPrompt: z.object({ fileName: z.string().min(1).max(255), text: z.string().min(1).max(500_000) }).optional(),
});

export type PreviewInput = z.input<typeof previewInput>;
export type StartInput = z.input<typeof startInput>;

export const previewUpload = action({ role: "lead", input: previewInput }, async (input) => ({
  data: await previewUploaded(input.uploadId, { format: input.format, mappingText: input.mappingText, dataset: input.dataset }),
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
      keepApart: input.keepApart,
    },
    "web",
  );
  return { data: { importId } };
});

const saveInput = z.object({ name: mappingNameSchema, mappingText: z.string().max(200_000) });

/** Saves the editor's mapping under a name, for the next file of this shape (and for the API's ?mapping=NAME). */
export const saveImportMapping = action({ role: "lead", input: saveInput }, async ({ name, mappingText }) => {
  let json: unknown;
  try {
    json = JSON.parse(mappingText);
  } catch (error) {
    throw invalid(`The mapping is not valid JSON: ${(error as Error).message}`);
  }
  const saved = await saveMappingAs(name, json);
  if (!saved.ok) throw invalid(`Not saved: ${saved.errors.join("; ")}`);
  return { data: { name }, message: `Saved as "${name}".` };
});

/** The saved and shipped mappings the editor can load. */
export const loadImportMappings = action({ role: "lead", input: z.object({}) }, async () => ({
  data: { mappings: await importMappings() },
}));
